import { isValidVersion } from '../analysis/versions';
import { defaultSettings, type ServerSettings } from './state';

type Level = ServerSettings['severityOverrides'][string];
const LEVELS: readonly string[] = ['error', 'warning', 'information', 'hint', 'off'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function number(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : fallback;
}

/**
 * Reads the `keepalived` settings from whatever a client sends. Two shapes are accepted because clients
 * differ: the VS Code client nests them as the package.json names them (`diagnostics.severityOverrides`,
 * `cluster.file`), while hand-written client configs tend to use ServerSettings' flat names.
 * Unknown or ill-typed values fall back to the defaults instead of failing the server.
 */
export function normalizeSettings(raw: unknown): ServerSettings {
  const s = isObject(raw) ? raw : {};
  const validation = isObject(s.validation) ? s.validation : {};
  const diagnostics = isObject(s.diagnostics) ? s.diagnostics : {};
  const cluster = isObject(s.cluster) ? s.cluster : {};
  const format = isObject(s.format) ? s.format : {};

  const overrides: Record<string, Level> = {};
  for (const source of [diagnostics.severityOverrides, s.severityOverrides]) {
    if (!isObject(source)) continue;
    for (const [code, level] of Object.entries(source)) if (typeof level === 'string' && LEVELS.includes(level)) overrides[code] = level as Level;
  }
  const clusterFile = [cluster.file, s.clusterFile].find((v): v is string => typeof v === 'string' && v.trim() !== '');
  const version = typeof s.keepalivedVersion === 'string' ? s.keepalivedVersion.trim() : '';

  return {
    validation: {
      enable: validation.enable !== false,
      debounceMs: number(validation.debounceMs, 0, 10_000, defaultSettings.validation.debounceMs),
    },
    severityOverrides: overrides,
    format: { indentWidth: number(format.indentWidth, 1, 16, defaultSettings.format.indentWidth), indentWidthSet: typeof format.indentWidth === 'number' && Number.isFinite(format.indentWidth) },
    clusterFile: clusterFile?.trim(),
    keepalivedVersion: isValidVersion(version) ? version : undefined,
    // only when given, so that a client that never heard of hints gets the defaults (both on)
    ...(isObject(s.inlayHints) ? { inlayHints: { defaults: s.inlayHints.defaults !== false, expansions: s.inlayHints.expansions !== false } } : {}),
    // left out when unset, like the other optional settings
    ...(configIdsSetting(s.configIds) ? { configIds: configIdsSetting(s.configIds) } : {}),
    ...(hostChecksWanted(s) ? { hostChecks: true as const } : {}),
  };
}

/** `hostChecks: { enable: true }` as VS Code nests it, or a flat `hostChecks: true`; off otherwise. */
function hostChecksWanted(s: Record<string, unknown>): boolean {
  return s.hostChecks === true || (isObject(s.hostChecks) && s.hostChecks.enable === true);
}

/** `configIds`: a list of ids (a lone string counts as one); blanks and ids with spaces are dropped. */
function configIdsSetting(value: unknown): string[] | undefined {
  const list = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string').map((v) => v.trim());
  const ids = list.filter((v) => v !== '' && !/\s/.test(v));
  return ids.length ? ids : undefined;
}

/** initializationOptions may carry the settings bare, under `settings`, or under `settings.keepalived`. */
export function settingsFromInitOptions(options: unknown): unknown {
  if (!isObject(options)) return undefined;
  const inner = isObject(options.settings) ? options.settings : options;
  return isObject(inner.keepalived) ? inner.keepalived : inner;
}

/** workspace/didChangeConfiguration sends `{ settings: { keepalived: ... } }` (or null, asking us to pull). */
export function settingsFromConfigurationChange(params: unknown): unknown | undefined {
  if (!isObject(params) || !isObject(params.settings)) return undefined;
  return isObject(params.settings.keepalived) ? params.settings.keepalived : undefined;
}
