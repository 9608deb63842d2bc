import { closeSync, openSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { lintFiles, type FileDiagnostic } from '../analysis/lint';
import { isValidVersion } from '../analysis/versions';

const USAGE = `Usage: keepalived-lint [--format text|json] [--keepalived-version X.Y.Z] [--config-id ID] FILE...

Checks keepalived.conf files. Files named together are analysed as one cluster: the MASTER and BACKUP
directors' configs are compared with each other.
Exit status: 0 no errors, 1 errors found, 2 bad usage or unreadable file.`;

interface CliOptions {
  format: 'text' | 'json';
  keepalivedVersion?: string;
  configId?: string;
  files: string[];
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): CliOptions | 'help' {
  const options: CliOptions = { format: 'text', files: [] };
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
    else if (flag === '--') options.files.push(...argv.slice(i + 1)), (i = argv.length);
    else if (flag.startsWith('-') && flag !== '-') throw new UsageError(`unknown option ${flag}`);
    else options.files.push(arg);
  }
  if (options.files.length === 0) throw new UsageError('no file given');
  return options;
}

function checkReadable(file: string): void {
  try {
    if (!statSync(file).isFile()) throw new UsageError(`${file}: not a regular file`);
    // opening proves it readable; the workspace reads it once, later
    closeSync(openSync(file, 'r'));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

export function formatText(diagnostics: readonly FileDiagnostic[]): string {
  return diagnostics
    .map((d) => `${displayPath(d.file)}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity}: ${d.message} [${d.code}]`)
    .join('\n');
}

export function formatJson(diagnostics: readonly FileDiagnostic[]): string {
  return JSON.stringify(
    diagnostics.map((d) => ({
      file: d.file,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
      severity: d.severity,
      code: d.code,
      message: d.message,
    })),
  );
}

export function main(argv: readonly string[]): number {
  let options: CliOptions | 'help';
  try {
    options = parseArgs(argv);
    if (options !== 'help') options.files.forEach(checkReadable);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`keepalived-lint: ${error.message}\n${argv.length === 0 ? USAGE + '\n' : ''}`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const diagnostics = lintFiles(options.files, { keepalivedVersion: options.keepalivedVersion, configId: options.configId });
  const output = options.format === 'json' ? formatJson(diagnostics) : formatText(diagnostics);
  if (output) process.stdout.write(output + '\n');
  if (options.format === 'text') {
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
    process.stderr.write(`${options.files.length} file(s) checked: ${errors} error(s), ${warnings} warning(s)\n`);
  }
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
