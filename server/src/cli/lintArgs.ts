// keepalived-lint's command line. Apart from the linter itself: the launcher reads it to answer from the
// result cache without loading the analysis. Each option is one entry of OPTIONS below, so adding one is
// adding an entry (and a line of USAGE).
import { closeSync, openSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MAX_CONFIG_BYTES } from '../analysis/safeRead';
import { isValidVersion } from '../analysis/versions';
import { resolveTargetVersion, type TargetVersion } from '../host/installedKeepalived';
import { fileVersionMemory } from './versionMemory';
import { userCacheDir } from './cacheHome';

export const USAGE = `Usage: keepalived-lint [options] FILE|DIR...     (FILE "-" reads standard input)

Checks keepalived.conf files against one keepalived release: --keepalived-version, else the version of
the keepalived on PATH, else the newest release known. The MASTER and BACKUP directors' configs of a cluster
are compared with each other: the clusters a keepalived-cluster.json beside the files or above them
declares (or --cluster FILE), else those of .keepalived-lint.json, and configs in one directory that show
they direct one virtual router (same instances, VRIDs and addresses in different roles, or unicast peers
naming each other). A DIR stands for the keepalived configs under it, at any depth, found as the editor
extension finds them: keepalived*.conf, *.keepalived.conf, any .conf or .conf.j2 under a keepalived/ folder,
and other .conf and .conf.j2 files that start a keepalived block (node_modules, .git, dist and out are
skipped; .keepalived-lint.json's "ignore" applies).

Output:
  --format F              text (default), json, sarif, github, checkstyle or gitlab
  --output FILE           write the report (in --format) to FILE; the terminal still gets text
  --quiet                 report errors only (warnings are neither printed nor counted)
  --rules-url BASE        where rule pages live, for links: BASE/CODE.md (default: the installed docs/rules)
Gates:
  --fail-on LEVEL         exit 1 on a finding of LEVEL or worse: error (default), warning or info
  --max-warnings N        exit 1 when there are more than N warnings
Input:
  --stdin-filename PATH   the name of the text read from "-": includes and cluster peers are found beside it
  --config FILE           use this .keepalived-lint.json/.yaml instead of the one found upward from the file
  --keepalived-version X.Y.Z   the release the configs target (overrides the config file)
  --config-id ID          keepalived's -i: which @ID lines are active
  --cluster FILE          a keepalived-cluster.json naming directors' configs to compare (repeatable)
  --host-checks           add the checks that depend on this machine, as keepalived makes them where it
                          runs: interfaces that exist, scripts that exist and are executable by their
                          user, enable_script_security's consequences (never answered from --cache)
  --jobs N                check on N threads at most (default: one less than the processors, up to 8):
                          many configs are checked in parts, the files one check compares kept together
Failover:
  --failover              print each cluster's failover table instead of the findings: for every single
                          failure (a tracked object, a director's interface, a director stopped) each
                          director's priority and the VIP holder (text or --format json)
Fixing:
  --fix                   apply the safe quick fixes to the files (not to "-")
  --fix-dry-run           print the safe fixes as a unified diff and change nothing
Cache:
  --cache                 keep each report with what it was made from (every file read, by content, and
                          every include glob's matches) and print it again, without parsing, while all of
                          that is unchanged. It lives in $XDG_CACHE_HOME/keepalived-tools/lint-results
                          (or ~/.cache/...)
  --cache-location DIR    keep it in DIR (and turn --cache on)
Other commands:
  --list-rules            every code, its severity and what it means (--format json for JSON)
  --print-config FILE     the settings that apply to FILE, as JSON
  --version               the version of keepalived-lint
  -h, --help              this text

Exit status:
  0  nothing at or above the --fail-on level, and no more warnings than --max-warnings
  1  findings at or above the --fail-on level, or more warnings than --max-warnings
  2  bad usage, an unreadable file, or a bad config file`;

export const FORMATS = ['text', 'json', 'sarif', 'github', 'checkstyle', 'gitlab'] as const;
export type Format = (typeof FORMATS)[number];
export const FAIL_LEVELS = ['error', 'warning', 'info'] as const;
export type FailLevel = (typeof FAIL_LEVELS)[number];

export interface CliOptions {
  /** what to do: lint (the default) or one of the other commands */
  command: 'lint' | 'version' | 'list-rules' | 'print-config';
  format: Format;
  /** the report goes to this file (text still to the terminal) */
  output?: string;
  quiet: boolean;
  failOn: FailLevel;
  maxWarnings?: number;
  rulesUrl?: string;
  keepalivedVersion?: string;
  /** the release checked against and where it came from (see withTargetVersion) */
  target?: TargetVersion;
  configId?: string;
  /** --config FILE (absolute) */
  configFile?: string;
  /** the file --print-config describes */
  printConfigFor?: string;
  /** the name given to standard input ("-") */
  stdinFilename?: string;
  fix: boolean;
  fixDryRun: boolean;
  /** cluster files named with --cluster */
  clusterFiles?: string[];
  /** also check what depends on this machine: interfaces, scripts, script users */
  hostChecks?: boolean;
  /** the directory of the result cache, when --cache is on */
  cacheDir?: string;
  files: string[];
  /** print the failover tables instead of the findings */
  failover?: boolean;
  /** --jobs: threads to check on at most */
  jobs?: number;
}

export class UsageError extends Error {}

interface OptionSpec {
  /** whether the option takes a value (`--x V` or `--x=V`) */
  value?: boolean;
  apply(options: CliOptions, value: string, state: ParseState): void;
}

interface ParseState {
  cacheWanted: boolean;
}

function oneOf<T extends string>(flag: string, allowed: readonly T[], v: string): T {
  if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`${flag} must be ${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}, not '${v}'`);
  return v as T;
}

const OPTIONS: Record<string, OptionSpec> = {
  '--format': { value: true, apply: (o, v) => (o.format = oneOf('--format', FORMATS, v)) },
  '--output': { value: true, apply: (o, v) => (o.output = resolve(v)) },
  '--quiet': { apply: (o) => (o.quiet = true) },
  '--failover': { apply: (o) => (o.failover = true) },
  '--host-checks': { apply: (o) => (o.hostChecks = true) },
  '--cluster': { value: true, apply: (o, v) => (o.clusterFiles ??= []).push(resolve(v)) },
  '--rules-url': { value: true, apply: (o, v) => (o.rulesUrl = v) },
  '--fail-on': { value: true, apply: (o, v) => (o.failOn = oneOf('--fail-on', FAIL_LEVELS, v)) },
  '--max-warnings': {
    value: true,
    apply: (o, v) => {
      if (!/^\d+$/.test(v)) throw new UsageError(`--max-warnings wants a whole number, not '${v}'`);
      o.maxWarnings = Number(v);
    },
  },
  '--jobs': {
    value: true,
    apply: (o, v) => {
      if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 64) throw new UsageError(`--jobs wants a number of threads from 1 to 64, not '${v}'`);
      o.jobs = Number(v);
    },
  },
  '--stdin-filename': { value: true, apply: (o, v) => (o.stdinFilename = resolve(v)) },
  '--config': { value: true, apply: (o, v) => (o.configFile = resolve(v)) },
  '--keepalived-version': {
    value: true,
    apply: (o, v) => {
      if (!isValidVersion(v)) throw new UsageError(`--keepalived-version wants a release number like 2.2.7, not '${v}'`);
      o.keepalivedVersion = v;
    },
  },
  '--config-id': { value: true, apply: (o, v) => (o.configId = v) },
  '--fix': { apply: (o) => (o.fix = true) },
  '--fix-dry-run': { apply: (o) => (o.fixDryRun = true) },
  '--cache': {
    apply: (o, _v, state) => {
      state.cacheWanted = true;
      o.cacheDir ??= defaultResultCacheDir();
    },
  },
  '--cache-location': { value: true, apply: (o, v) => (o.cacheDir = resolve(v)) },
  '--list-rules': { apply: (o) => (o.command = 'list-rules') },
  '--print-config': {
    value: true,
    apply: (o, v) => {
      o.command = 'print-config';
      o.printConfigFor = resolve(v);
    },
  },
  '--version': { apply: (o) => (o.command = 'version') },
};

export function parseArgs(argv: readonly string[]): CliOptions | 'help' {
  const options: CliOptions = { command: 'lint', format: 'text', quiet: false, failOn: 'error', fix: false, fixDryRun: false, files: [] };
  const state: ParseState = { cacheWanted: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '-h' || flag === '--help') return 'help';
    if (flag === '--') {
      options.files.push(...argv.slice(i + 1));
      break;
    }
    const spec = Object.prototype.hasOwnProperty.call(OPTIONS, flag) ? OPTIONS[flag] : undefined;
    if (spec) {
      if (!spec.value && inline !== undefined) throw new UsageError(`${flag} takes no value`);
      const value = spec.value ? (inline ?? argv[++i]) : '';
      if (value === undefined) throw new UsageError(`${flag} needs a value`);
      spec.apply(options, value, state);
    } else if (flag.startsWith('-') && flag !== '-') throw new UsageError(`unknown option ${flag}`);
    else options.files.push(arg);
  }
  checkCombinations(options);
  if (state.cacheWanted && !options.cacheDir) throw new UsageError('--cache: no cache directory (set XDG_CACHE_HOME or HOME, or give --cache-location)');
  return options;
}

function checkCombinations(options: CliOptions): void {
  if (options.command !== 'lint') return;
  if (options.files.length === 0) throw new UsageError('no file given');
  if (options.files.filter((f) => f === '-').length > 1) throw new UsageError('standard input ("-") can be read once');
  if (options.stdinFilename && !options.files.includes('-')) throw new UsageError('--stdin-filename names standard input: give "-" as a file too');
  if (options.fix && options.fixDryRun) throw new UsageError('--fix and --fix-dry-run: choose one');
  if (options.fix && options.files.includes('-')) throw new UsageError('--fix changes files: standard input ("-") cannot be fixed (use --fix-dry-run)');
}

/** where "-" is taken to live: --stdin-filename, else a file of that name in the current directory */
export function stdinPath(options: CliOptions): string {
  return options.stdinFilename ?? resolve('-');
}

/**
 * Fills in the release to check against: --keepalived-version, else the lint config file's, else the
 * keepalived on PATH, else the newest known.
 */
export function withTargetVersion(options: CliOptions, configVersion?: string): CliOptions {
  const target = resolveTargetVersion(options.keepalivedVersion ?? configVersion, process.env.PATH, fileVersionMemory());
  return { ...options, target };
}

function defaultResultCacheDir(): string | undefined {
  const home = userCacheDir();
  return home && join(home, 'lint-results');
}

/** whether a FILE argument names a directory (which stands for the configs under it) */
export function isDirectory(path: string): boolean {
  try {
    return path !== '-' && statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function checkReadable(file: string): void {
  if (file === '-') return;
  try {
    const stats = statSync(file);
    if (!stats.isFile()) throw new UsageError(`${file}: not a regular file`);
    if (stats.size > MAX_CONFIG_BYTES) throw new UsageError(`${file}: too large to check (${stats.size} bytes; the limit is ${MAX_CONFIG_BYTES / 1024 / 1024} MiB)`);
    // opening proves it readable; the workspace reads it once, later
    closeSync(openSync(file, 'r'));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}
