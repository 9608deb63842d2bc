import { readFileSync, writeFileSync } from 'node:fs';
import { diskFileSystem, type FileSystem } from '../analysis/diskFileSystem';
import { LintConfigError } from '../analysis/lintConfig';
import { unifiedDiff } from '../deploy/diff';
import { packageVersion } from '../rules/docsLocation';
import { displayPath } from './formats/context';
import { checkReadable, parseArgs, stdinPath, USAGE, UsageError, withTargetVersion, type CliOptions } from './lintArgs';
import { printFailover } from './failoverReport';
import { printReport } from './lintReport';
import { listRules, printConfig } from './otherCommands';
import { RecordingFileSystem, resultCacheFor, type PrintedDiagnostic, type ResultCache } from './resultCache';
import { loadLintConfig, namedFiles, printed, runLint, withStdin } from './lintRun';
import { applySafeFixes } from './safeFixes';
import { writeErr, writeOut } from './stdio';

export { printed } from './lintRun';

/** The report on the files: from the result cache when nothing it was made from changed, else from a lint (then stored). */
function report(options: CliOptions, fs: FileSystem, cache: ResultCache | undefined): { diagnostics: PrintedDiagnostic[]; cached: boolean } {
  if (!cache) return { diagnostics: runLint(options, fs).diagnostics.map(printed), cached: false };
  const stored = cache.lookup(fs);
  if (stored) return { diagnostics: stored.diagnostics, cached: true };
  const recording = new RecordingFileSystem(fs);
  const diagnostics = runLint(options, recording).diagnostics.map(printed);
  cache.store(recording, diagnostics, options.target);
  return { diagnostics, cached: false };
}

/**
 * --fix and --fix-dry-run: each file's safe fixes, written (or shown as a diff on stdout). Files that are only
 * included are fixed too: their findings are in the same run. Returns how many files change.
 */
function fixFiles(options: CliOptions, fs: FileSystem): number {
  let changed = 0;
  const { diagnostics } = runLint(options, fs);
  const byFile = new Map<string, typeof diagnostics>();
  for (const d of diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  for (const [file, list] of byFile) {
    const text = fs.readFile(file);
    if (text === undefined) continue;
    const result = applySafeFixes(text, list);
    const shown = displayPath(file, process.cwd());
    if (result.refused) writeErr(`keepalived-lint: ${shown}: fixes not applied: ${result.refused}\n`);
    if (result.fixed.length === 0) continue;
    changed++;
    if (options.fixDryRun) writeOut(unifiedDiff(text, result.text, `a/${shown}`, `b/${shown}`));
    else {
      writeFileSync(file, result.text);
      writeErr(`keepalived-lint: ${shown}: fixed ${result.fixed.length} (${[...new Set(result.fixed)].join(', ')})\n`);
    }
  }
  return changed;
}

/**
 * `build` identifies the linter's code (the launcher passes its bundle's hash): --cache needs it, since a
 * report from another build of the checks would be wrong.
 */
export function main(argv: readonly string[], build?: string): number {
  let options: CliOptions | 'help';
  try {
    options = parseArgs(argv);
    if (options !== 'help' && options.command === 'lint') options.files.forEach(checkReadable);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    writeErr(`keepalived-lint: ${error.message}\n${argv.length === 0 ? USAGE + '\n' : ''}`);
    return 2;
  }
  if (options === 'help') {
    writeOut(USAGE + '\n');
    return 0;
  }
  try {
    switch (options.command) {
      case 'version':
        writeOut(`keepalived-lint ${packageVersion()}\n`);
        return 0;
      case 'list-rules':
        writeOut(listRules(options) + '\n');
        return 0;
      case 'print-config':
        writeOut(printConfig(options, diskFileSystem) + '\n');
        return 0;
      case 'lint':
        break;
    }
    if (options.failover) return printFailover(options);
    const fs = options.files.includes('-') ? withStdin(diskFileSystem, stdinPath(options), readFileSync(0, 'utf8')) : diskFileSystem;
    options = withTargetVersion(options, loadLintConfig(options, namedFiles(options)[0], fs).keepalivedVersion);
    // a dry run prints only the diff (for patch or git apply) and exits 1 when there is something to fix;
    // --fix writes the files, then reports what is left as a plain run does
    if (options.fixDryRun) return fixFiles(options, fs) > 0 ? 1 : 0;
    if (options.fix) fixFiles(options, fs);
    if (options.cacheDir && !build) writeErr('keepalived-lint: --cache works with the built command (dist/lint.js); checking without it\n');
    const { diagnostics, cached } = report(options, fs, resultCacheFor(options, build));
    return printReport(options, diagnostics, cached);
  } catch (error) {
    if (!(error instanceof LintConfigError)) throw error;
    writeErr(`keepalived-lint: ${error.message}\n`);
    return 2;
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
