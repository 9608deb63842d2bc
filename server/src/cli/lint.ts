import { lintFiles, type FileDiagnostic } from '../analysis/lint';
import { diskFileSystem } from '../analysis/diskFileSystem';
import { localHostFacts } from '../analysis/host/hostFacts';
import { checkReadable, parseArgs, USAGE, UsageError, type CliOptions } from './lintArgs';
import { printReport } from './lintReport';
import { RecordingFileSystem, resultCacheFor, type PrintedDiagnostic, type ResultCache } from './resultCache';

/** what the CLI prints of a finding: its place (1-based), severity, code and message, and nothing else */
export function printed(d: FileDiagnostic): PrintedDiagnostic {
  const { start, end } = d.range;
  return { file: d.file, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1, severity: d.severity, code: d.code, message: d.message };
}

/** The report on the files: from the result cache when nothing it was made from changed, else from a lint (then stored). */
function report(options: CliOptions, cache: ResultCache | undefined): { diagnostics: PrintedDiagnostic[]; cached: boolean } {
  const lintOptions = { keepalivedVersion: options.keepalivedVersion, configId: options.configId, host: options.hostChecks ? localHostFacts() : undefined };
  if (!cache) return { diagnostics: lintFiles(options.files, lintOptions).map(printed), cached: false };
  const stored = cache.lookup(diskFileSystem);
  if (stored) return { diagnostics: stored, cached: true };
  const recording = new RecordingFileSystem(diskFileSystem);
  const diagnostics = lintFiles(options.files, lintOptions, recording).map(printed);
  cache.store(recording, diagnostics);
  return { diagnostics, cached: false };
}

/**
 * `build` identifies the linter's code (the launcher passes its bundle's hash): --cache needs it, since a
 * report from another build of the checks would be wrong.
 */
export function main(argv: readonly string[], build?: string): number {
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
  if (options.cacheDir && !build) process.stderr.write('keepalived-lint: --cache works with the built command (dist/lint.js); checking without it\n');
  const { diagnostics, cached } = report(options, resultCacheFor(options, build));
  return printReport(options, diagnostics, cached);
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
