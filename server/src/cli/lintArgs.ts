// keepalived-lint's command line. Apart from the linter itself: the launcher reads it to answer from the
// result cache without loading the analysis.
import { closeSync, openSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isValidVersion } from '../analysis/versions';
import { userCacheDir } from './cacheHome';

export const USAGE = `Usage: keepalived-lint [--format text|json] [--keepalived-version X.Y.Z] [--config-id ID]
                       [--host-checks] [--cache] [--cache-location DIR] FILE...

Checks keepalived.conf files. Files named together are analysed as one cluster: the MASTER and BACKUP
directors' configs are compared with each other.
--host-checks adds the checks that depend on the machine, as keepalived makes them where it runs:
interfaces that exist, scripts that exist and are executable by their user, enable_script_security's
consequences (run it on the director, or as a deploy's or Ansible's validate step).
--cache keeps each report with what it was made from (every file read, by content, and every include
glob's matches) and prints it again, without parsing, while all of that is unchanged. It lives in
$XDG_CACHE_HOME/keepalived-tools/lint-results (or ~/.cache/...); --cache-location DIR puts it in DIR
(and turns --cache on).
Exit status: 0 no errors, 1 errors found, 2 bad usage or unreadable file.`;

export interface CliOptions {
  format: 'text' | 'json';
  keepalivedVersion?: string;
  configId?: string;
  /** also check what depends on this machine: interfaces, scripts, script users */
  hostChecks?: boolean;
  /** the directory of the result cache, when --cache is on */
  cacheDir?: string;
  files: string[];
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): CliOptions | 'help' {
  const options: CliOptions = { format: 'text', files: [] };
  let cacheWanted = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '-h' || flag === '--help') return 'help';
    else if (flag === '--format') {
      const f = value();
      if (f !== 'text' && f !== 'json') throw new UsageError(`--format must be text or json, not '${f}'`);
      options.format = f;
    } else if (flag === '--keepalived-version') {
      const v = value();
      if (!isValidVersion(v)) throw new UsageError(`--keepalived-version wants a release number like 2.2.7, not '${v}'`);
      options.keepalivedVersion = v;
    } else if (flag === '--config-id') options.configId = value();
    else if (flag === '--host-checks') options.hostChecks = true;
    else if (flag === '--cache') {
      cacheWanted = true;
      options.cacheDir ??= defaultResultCacheDir();
    } else if (flag === '--cache-location') options.cacheDir = resolve(value());
    else if (flag === '--') options.files.push(...argv.slice(i + 1)), (i = argv.length);
    else if (flag.startsWith('-') && flag !== '-') throw new UsageError(`unknown option ${flag}`);
    else options.files.push(arg);
  }
  if (options.files.length === 0) throw new UsageError('no file given');
  if (cacheWanted && !options.cacheDir) throw new UsageError('--cache: no cache directory (set XDG_CACHE_HOME or HOME, or give --cache-location)');
  return options;
}

function defaultResultCacheDir(): string | undefined {
  const home = userCacheDir();
  return home && join(home, 'lint-results');
}

export function checkReadable(file: string): void {
  try {
    if (!statSync(file).isFile()) throw new UsageError(`${file}: not a regular file`);
    // opening proves it readable; the workspace reads it once, later
    closeSync(openSync(file, 'r'));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}
