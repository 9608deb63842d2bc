// .keepalived-lint.json (or .yaml/.yml): the linter's settings kept beside the configs, found upward from the
// linted file. The CLI and the language server read it alike (editor settings override it there). Its JSON
// Schema is schemas/keepalived-lint.schema.json; this file checks the same things and says where a value is wrong.
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { isRuleCode, type RuleCode } from '../rules/codes';
import type { Severity } from '../syntax';
import type { FileSystem } from './diskFileSystem';
import { pathMatcher } from './glob/pathPattern';
import { hasWildcard } from './globPattern';
import { isValidVersion } from './versions';

export const CONFIG_NAMES = ['.keepalived-lint.json', '.keepalived-lint.yaml', '.keepalived-lint.yml'] as const;
export const RULE_LEVELS = ['off', 'info', 'warning', 'error'] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];

export interface LintConfig {
  /** the file it came from, absolute; undefined for the defaults */
  path?: string;
  rules: Partial<Record<RuleCode, RuleLevel>>;
  keepalivedVersion?: string;
  /** glob patterns, absolute (written relative to the config file) */
  ignore: string[];
  /** groups of main configs that are the directors of one cluster, absolute paths */
  clusters: string[][];
}

export class LintConfigError extends Error {}

export const DEFAULT_CONFIG: LintConfig = { rules: {}, ignore: [], clusters: [] };

/** The nearest config file at or above `dir`, or undefined. */
export function findLintConfig(dir: string, fs: FileSystem): string | undefined {
  for (let at = resolve(dir); ; at = dirname(at)) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(at, name);
      if (fs.readFile(candidate) !== undefined) return candidate;
    }
    if (dirname(at) === at) return undefined;
  }
}

/** Reads and checks a config file; a bad one throws LintConfigError naming the file and the setting. */
export function readLintConfig(path: string, fs: FileSystem): LintConfig {
  const text = fs.readFile(path);
  if (text === undefined) throw new LintConfigError(`${path}: cannot read the config file`);
  let data: unknown;
  try {
    data = /\.ya?ml$/i.test(path) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new LintConfigError(`${path}: not valid ${/\.ya?ml$/i.test(path) ? 'YAML' : 'JSON'}: ${(error as Error).message.split('\n')[0]}`);
  }
  return checkConfig(data ?? {}, path);
}

/** the `yaml` package is loaded only for a YAML config (it is most of the config reader's size) */
function parseYaml(text: string): unknown {
  let yaml: typeof import('yaml');
  try {
    yaml = require('yaml') as typeof import('yaml');
  } catch {
    // the VS Code extension's bundle leaves the parser out (scripts/build.mjs)
    throw new Error('this build reads JSON config files only; use .keepalived-lint.json (keepalived-lint reads YAML)');
  }
  const doc = yaml.parseDocument(text, { prettyErrors: false });
  if (doc.errors.length) throw doc.errors[0];
  return doc.toJS();
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function checkConfig(data: unknown, path: string): LintConfig {
  const fail = (what: string) => new LintConfigError(`${path}: ${what}`);
  if (!isObject(data)) throw fail('the config must be an object');
  const base = dirname(path);
  const config: LintConfig = { path, rules: {}, ignore: [], clusters: [] };
  for (const [key, value] of Object.entries(data)) {
    switch (key) {
      case '$schema':
        break;
      case 'rules':
        if (!isObject(value)) throw fail('"rules" must map codes to off, info, warning or error');
        for (const [code, level] of Object.entries(value)) {
          if (!isRuleCode(code)) throw fail(`"rules": '${code}' is not a keepalived-lint code (see keepalived-lint --list-rules)`);
          if (!(RULE_LEVELS as readonly unknown[]).includes(level)) throw fail(`"rules"."${code}" must be off, info, warning or error, not ${JSON.stringify(level)}`);
          config.rules[code] = level as RuleLevel;
        }
        break;
      case 'keepalivedVersion':
        if (typeof value !== 'string' || !isValidVersion(value)) throw fail(`"keepalivedVersion" wants a release number like "2.2.7", not ${JSON.stringify(value)}`);
        config.keepalivedVersion = value;
        break;
      case 'ignore':
        if (!Array.isArray(value) || !value.every((p) => typeof p === 'string' && p !== '')) throw fail('"ignore" must be a list of file patterns');
        config.ignore = value.map((p: string) => (isAbsolute(p) ? p : join(base, p)));
        break;
      case 'clusters':
        if (!Array.isArray(value) || !value.every((g) => Array.isArray(g) && g.length > 0 && g.every((p) => typeof p === 'string' && p !== ''))) {
          throw fail('"clusters" must be a list of lists of config files, e.g. [["lb1/keepalived.conf", "lb2/keepalived.conf"]]');
        }
        config.clusters = value.map((g: string[]) => g.map((p) => resolve(base, p)));
        break;
      default:
        throw fail(`unknown setting "${key}" (settings: rules, keepalivedVersion, ignore, clusters)`);
    }
  }
  return config;
}

/** The severity a finding gets under `config` (undefined: turned off). */
export function configuredSeverity(config: LintConfig, code: RuleCode, severity: Severity): Severity | undefined {
  const level = config.rules[code];
  if (level === undefined) return severity;
  if (level === 'off') return undefined;
  return level === 'info' ? 'information' : level;
}

/** Whether `config` ignores a path (absolute): a plain path names one file, a glob matches as in .gitignore. */
export function ignores(config: LintConfig): (path: string) => boolean {
  const tests = config.ignore.map((pattern) => (hasWildcard(pattern) ? pathMatcher(pattern) : (path: string) => path === pattern));
  return (path) => tests.some((test) => test(path));
}

/** The files of `files` no ignore pattern of `config` matches. */
export function notIgnored(config: LintConfig, files: readonly string[]): string[] {
  if (config.ignore.length === 0) return [...files];
  const ignored = ignores(config);
  return files.filter((f) => !ignored(resolve(f)));
}
