// `keepalived-lint` over many configs: the files are split into parts that can be checked apart
// (./partition.ts), so that one part's syntax trees are all the memory a check holds at a time, and the
// parts are shared out to worker threads when there are several processors. The findings are those one
// check over all the files gives.
import type { Worker } from 'node:worker_threads';
import { clusterFilesAbove, readDeclaredClusters } from '../analysis/cluster/declared';
import { diskFileSystem, type FileSystem } from '../analysis/diskFileSystem';
import { notIgnored, type LintConfig } from '../analysis/lintConfig';
import type { CliOptions } from './lintArgs';
import { lintConfigClusters, namedFiles, printed, reportClusterFileProblem, runLint } from './lintRun';
import { partitionFiles } from './partition';
import type { PrintedDiagnostic } from './resultCache';

export interface PartJob {
  options: CliOptions;
  config: LintConfig;
  files: string[];
}

export interface PartResult {
  diagnostics: PrintedDiagnostic[];
  clusterFileProblems: string[];
}

/** starts a worker that answers each PartJob message with its PartResult (dist/lint-worker.js) */
export type StartWorker = () => Worker;

/**
 * A part's text, at most: its check holds ~100 bytes of syntax tree and views per byte of config, and a
 * heap kept small is collected faster (measured with `npm run bench`: a 1,000-config repository checked in one
 * piece spent a third of its time collecting garbage).
 */
const PART_BYTES = 1024 * 1024;
/** below this, threads cost more to start (~30 ms each, loading the linter) than they save */
const THREADS_FROM_BYTES = 256 * 1024;
const MIN_FILES = 8;
/** more threads than this add start-up and memory faster than they take work off the others */
const MAX_JOBS = 8;

/**
 * A processor is left to V8's own background work (collecting garbage, compiling): on 2 processors, checks
 * on 2 threads took 15% longer than on one (`npm run bench`), so there the default is one thread.
 */
export function defaultJobs(): number {
  const os = require('node:os') as typeof import('node:os');
  const processors = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(MAX_JOBS, processors - 1));
}

export interface Plan {
  parts: string[][];
  /** threads to check the parts on; 1 is this one */
  threads: number;
}

/** How to check the named files in parts, or undefined when one check of them all does as well. */
export function planParts(options: CliOptions, config: LintConfig, fs: FileSystem = diskFileSystem): Plan | undefined {
  const files = notIgnored(config, namedFiles(options));
  if (files.length < MIN_FILES) return undefined;
  const texts = new Map(files.map((f) => [f, fs.readFile(f)]));
  const bytes = [...texts.values()].reduce((sum, text) => sum + (text?.length ?? 0), 0);
  const threads = bytes < THREADS_FROM_BYTES ? 1 : (options.jobs ?? defaultJobs());
  if (threads === 1 && bytes <= PART_BYTES) return undefined;
  const declared = readDeclaredClusters([...clusterFilesAbove(files, fs), ...(options.clusterFiles ?? [])], fs).clusters;
  const clusters = [...declared, ...lintConfigClusters(config)].map((c) => c.configs);
  const input = { files, textOf: (f: string) => texts.get(f), glob: (p: string) => fs.glob(p), clusters, weightOf: (f: string) => texts.get(f)?.length ?? 0 };
  const parts = partitionFiles(input, { parts: threads, maxWeight: PART_BYTES });
  return parts.length > 1 ? { parts, threads: Math.min(threads, parts.length) } : undefined;
}

/** One part's findings, as one check over all the files would print them: what each worker does. */
export function lintPart(job: PartJob): PartResult {
  const clusterFileProblems: string[] = [];
  const { diagnostics } = runLint({ ...job.options, files: job.files }, diskFileSystem, job.config, (problem) => clusterFileProblems.push(problem));
  return { diagnostics: diagnostics.map(printed), clusterFileProblems };
}

/** the parts checked one after the other on this thread */
export function lintPartsHere(parts: readonly string[][], options: CliOptions, config: LintConfig): PrintedDiagnostic[] {
  return merged(parts.map((files) => lintPart({ options, config, files })));
}

/** the parts shared out to `threads` workers, each taking the next part when it is done with one */
export async function lintPartsInWorkers(parts: readonly string[][], threads: number, options: CliOptions, config: LintConfig, start: StartWorker): Promise<PrintedDiagnostic[]> {
  const results: PartResult[] = new Array(parts.length);
  const workers: Worker[] = [];
  let next = 0;
  const work = async (worker: Worker) => {
    while (next < parts.length) {
      const index = next++;
      results[index] = await answer(worker, { options, config, files: parts[index] });
    }
  };
  try {
    await Promise.all(Array.from({ length: threads }, () => work(workers[workers.push(start()) - 1])));
  } finally {
    // after a failure too: no part is handed out any more, and no worker keeps the process alive
    next = parts.length;
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return merged(results);
}

function answer(worker: Worker, job: PartJob): Promise<PartResult> {
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      worker.off('message', done);
      reject(error);
    };
    const exit = (code: number) => fail(new Error(`a lint worker stopped (exit status ${code}) before it answered`));
    const done = (result: PartResult) => {
      worker.off('error', fail).off('exit', exit);
      resolve(result);
    };
    worker.once('message', done).once('error', fail).once('exit', exit);
    worker.postMessage(job);
  });
}

function merged(results: readonly PartResult[]): PrintedDiagnostic[] {
  // every part that reads a broken cluster file says so: once is enough
  new Set(results.flatMap((r) => r.clusterFileProblems)).forEach(reportClusterFileProblem);
  return results.flatMap((r) => r.diagnostics);
}

/** The findings file by file, in the order the files were named (included files after), each file's as found. */
export function inNamedOrder(diagnostics: readonly PrintedDiagnostic[], named: readonly string[]): PrintedDiagnostic[] {
  const rank = new Map(named.map((file, i) => [file, i]));
  const firstSeen = new Map<string, number>();
  diagnostics.forEach((d, i) => firstSeen.has(d.file) || firstSeen.set(d.file, i));
  const order = (file: string) => rank.get(file) ?? named.length + firstSeen.get(file)!;
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => order(a.d.file) - order(b.d.file) || a.i - b.i)
    .map(({ d }) => d);
}
