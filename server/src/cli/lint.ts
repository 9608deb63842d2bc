import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { diskFileSystem, type FileSystem } from '../analysis/diskFileSystem';
import { CONFIG_NAMES, LintConfigError, notIgnored, type LintConfig } from '../analysis/lintConfig';
import { unifiedDiff } from '../deploy/diff';
import { packageVersion } from '../rules/docsLocation';
import { displayPath } from './formats/context';
import { checkReadable, isDirectory, parseArgs, stdinPath, USAGE, UsageError, withTargetVersion, type CliOptions } from './lintArgs';
import { printFailover } from './failoverReport';
import { printReport } from './lintReport';
import { listRules, printConfig } from './otherCommands';
import { RecordingFileSystem, resultCacheFor, type PrintedDiagnostic, type ResultCache } from './resultCache';
import { expandDirectories } from './directoryArgs';
import { inNamedOrder, lintPartsHere, lintPartsInWorkers, planParts, type StartWorker } from './parallelLint';
import { loadLintConfig, namedFiles, printed, runLint, withStdin } from './lintRun';
import { applySafeFixes } from './safeFixes';
import { writeErr, writeOut } from './stdio';

export { printed } from './lintRun';

/** The report on the files: from the result cache when nothing it was made from changed, else from a lint (then stored). */
function report(options: CliOptions, fs: FileSystem, config: { lookupFrom: string | undefined; found: LintConfig }, cache: ResultCache | undefined): { diagnostics: PrintedDiagnostic[]; cached: boolean } {
  if (!cache) return { diagnostics: runLint(options, fs, config.found).diagnostics.map(printed), cached: false };
  const stored = cache.lookup(fs);
  if (stored) return { diagnostics: stored.diagnostics, cached: true };
  const recording = new RecordingFileSystem(fs);
  // looked up again through the recorder: the report depends on which lint config is found, and its text
  const diagnostics = runLint(options, recording, loadLintConfig(options, config.lookupFrom, recording)).diagnostics.map(printed);
  cache.store(recording, diagnostics, options.target);
  return { diagnostics, cached: false };
}

/**
 * --fix and --fix-dry-run: each file's safe fixes, written (or shown as a diff on stdout). Files that are only
 * included are fixed too: their findings are in the same run. Returns how many files change.
 */
function fixFiles(options: CliOptions, fs: FileSystem, config: LintConfig): number {
  let changed = 0;
  const { diagnostics } = runLint(options, fs, config);
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
 * report from another build of the checks would be wrong. `startWorker` lets many configs be checked on
 * several threads; without it everything runs on this one.
 */
export function main(argv: readonly string[], build?: string, startWorker?: StartWorker): number | Promise<number> {
  let options: CliOptions | 'help';
  let walked = false;
  let lookupFrom: string | undefined;
  try {
    options = parseArgs(argv);
    if (options !== 'help' && options.command === 'lint') {
      walked = options.files.some(isDirectory);
      lookupFrom = lintConfigLookupStart(options);
      if (walked) options = { ...options, files: walkedFiles(options.files) };
      options.files.forEach(checkReadable);
    }
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
    const config = loadLintConfig(options, lookupFrom, fs);
    // what the lint config ignores is no part of a directory's configs (a file named outright is, and is skipped)
    if (walked) options = { ...options, files: notIgnored(config, options.files) };
    options = withTargetVersion(options, config.keepalivedVersion);
    // a dry run prints only the diff (for patch or git apply) and exits 1 when there is something to fix;
    // --fix writes the files, then reports what is left as a plain run does
    if (options.fixDryRun) return fixFiles(options, fs, config) > 0 ? 1 : 0;
    if (options.fix) fixFiles(options, fs, config);
    if (options.cacheDir && !build) writeErr('keepalived-lint: --cache works with the built command (dist/lint.js); checking without it\n');
    if (options.cacheDir && walked) writeErr('keepalived-lint: --cache keeps reports of named files; a directory is walked again at every run, so this one is checked without it\n');
    const cache = walked ? undefined : resultCacheFor(options, build);
    const named = namedFiles(options);
    // host checks read this machine, once: not split
    const plan = !cache && !options.fix && !options.hostChecks && !options.files.includes('-') ? planParts(options, config, fs) : undefined;
    const checked = options;
    if (plan && plan.threads > 1 && startWorker) {
      // a worker that cannot start or dies (out of memory, say) leaves its parts to this thread
      const found = lintPartsInWorkers(plan.parts, plan.threads, options, config, startWorker).catch(() => lintPartsHere(plan.parts, checked, config));
      return found.then((list) => printReport(checked, inNamedOrder(list, named), false));
    }
    if (plan) return printReport(options, inNamedOrder(lintPartsHere(plan.parts, options, config), named), false);
    const { diagnostics, cached } = report(options, fs, { lookupFrom, found: config }, cache);
    return printReport(options, cached ? diagnostics : inNamedOrder(diagnostics, named), cached);
  } catch (error) {
    if (!(error instanceof LintConfigError)) throw error;
    writeErr(`keepalived-lint: ${error.message}\n`);
    return 2;
  }
}

/** the directories named replaced by the configs under them; none found is a usage error */
function walkedFiles(files: readonly string[]): string[] {
  const found = expandDirectories(files);
  if (found.length === 0) throw new UsageError(`no keepalived config under ${files.filter(isDirectory).join(', ')}`);
  return found;
}

/** where .keepalived-lint.json is looked for (upward): beside the first file named, or in the first directory */
function lintConfigLookupStart(options: CliOptions): string {
  const first = options.files[0];
  return isDirectory(first) ? join(resolve(first), CONFIG_NAMES[0]) : namedFiles(options)[0];
}

/** run from the sources (tsx): workers load the sources too, through tsx's require hook */
const startWorkerFromSources: StartWorker = () => {
  const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
  const tsx = createRequire(__filename).resolve('tsx/cjs/api');
  const code = `require(${JSON.stringify(tsx)}).register();
const { lintPart } = require(${JSON.stringify(join(__dirname, 'parallelLint.ts'))});
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (job) => parentPort.postMessage(lintPart(job)));`;
  return new Worker(code, { eval: true });
};

export { lintPart } from './parallelLint';

if (require.main === module) {
  void Promise.resolve(main(process.argv.slice(2), undefined, startWorkerFromSources)).then((status) => (process.exitCode = status));
}
