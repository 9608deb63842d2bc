import * as vscode from 'vscode';

export type SeverityOverride = 'error' | 'warning' | 'information' | 'hint' | 'off';

/**
 * The `keepalived.*` settings as the language server receives them: in `initializationOptions.settings`
 * at start, and as `{ settings: { keepalived: KeepalivedSettings } }` in workspace/didChangeConfiguration.
 */
export interface KeepalivedSettings {
  validation: { enable: boolean; debounceMs: number };
  diagnostics: { severityOverrides: Record<string, SeverityOverride> };
  /** indentWidth only when the user set it: otherwise the editor's tab size and spaces/tabs choice apply */
  format: { indentWidth?: number };
  cluster: { file: string };
  /** keepalived release the configuration targets, e.g. "2.2.7"; empty means the newest one */
  keepalivedVersion: string;
  /** inlay hints by kind */
  inlayHints: { defaults: boolean; expansions: boolean };
}

export const SETTINGS_SECTION = 'keepalived';

const OVERRIDES: readonly SeverityOverride[] = ['error', 'warning', 'information', 'hint', 'off'];

function clamp(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : fallback;
}

/** whether the user (not the default) gave keepalived.format.indentWidth, at any level */
function indentWidthSet(config: vscode.WorkspaceConfiguration): boolean {
  const inspected = config.inspect('format.indentWidth');
  return [inspected?.globalValue, inspected?.workspaceValue, inspected?.workspaceFolderValue, inspected?.globalLanguageValue, inspected?.workspaceLanguageValue, inspected?.workspaceFolderLanguageValue].some((v) => v !== undefined);
}

/** Reads the settings for one folder (or the window), dropping values the server could not use. */
export function readSettings(scope?: vscode.ConfigurationScope): KeepalivedSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  const overrides: Record<string, SeverityOverride> = {};
  for (const [code, level] of Object.entries(config.get<Record<string, unknown>>('diagnostics.severityOverrides') ?? {})) {
    if (typeof level === 'string' && (OVERRIDES as readonly string[]).includes(level)) overrides[code] = level as SeverityOverride;
  }
  return {
    validation: {
      enable: config.get<boolean>('validation.enable') !== false,
      debounceMs: clamp(config.get('validation.debounceMs'), 0, 10_000, 200),
    },
    diagnostics: { severityOverrides: overrides },
    format: indentWidthSet(config) ? { indentWidth: clamp(config.get('format.indentWidth'), 1, 16, 4) } : {},
    cluster: { file: config.get<string>('cluster.file') || 'keepalived-cluster.json' },
    keepalivedVersion: (config.get<string>('keepalivedVersion') ?? '').trim(),
    inlayHints: { defaults: config.get<boolean>('inlayHints.defaults') !== false, expansions: config.get<boolean>('inlayHints.expansions') !== false },
  };
}
