import { readFileSync } from 'node:fs';
import { analyze, mainConfigs } from '../server/src/analysis/analyze';
import { diskFileSystem, type FileSystem } from '../server/src/analysis/diskFileSystem';
import { Workspace } from '../server/src/analysis/workspace';
import { collectGarbage } from '../test/helpers/gc';
import { sleepSync, summarize, timeRepeated, type Summary } from './stats';

export interface AnalysisTiming {
  /** parse every file + every check, JIT warm, nothing remembered from earlier runs */
  parseAndAnalyze: Summary;
  /** every check on freshly parsed ASTs (parsed before the clock starts, so no finding is remembered) */
  analyzeOnly: Summary;
  /**
   * the same once the new ASTs have been through a full garbage collection and the collector's background
   * work is done: the checks alone, without the collector moving the young ASTs that the parse left behind
   * (which the previous figure includes)
   */
  analyzeSettled: Summary;
  /** one character changed in one file: its incremental re-parse and every check again */
  reanalyzeAfterEdit: Summary;
  /**
   * the same while a block is left open (a `virtual_server ... {` typed without its `}` in the middle of the
   * largest file): everything after it belongs to that block, nested into it incrementally (openBlocks.ts)
   */
  reanalyzeWithOpenBlock: Summary;
  /** the same in a file that was opened with that block left open (cut into units at its first edit) */
  reanalyzeOpenedWithOpenBlock: Summary;
  diagnostics: number;
}

/** Texts held in memory, so the timings exclude disk reads (the server holds open files the same way). */
export function memoryFileSystem(files: readonly string[]): FileSystem {
  const texts = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
  return { readFile: (p) => texts.get(p) ?? diskFileSystem.readFile(p), glob: (pattern) => diskFileSystem.glob(pattern) };
}

export function measureAnalysis(mains: readonly string[], files: readonly string[], runs: number): AnalysisTiming {
  const fs = memoryFileSystem(files);
  let diagnostics = 0;
  const parseAndAnalyze = timeRepeated(() => {
    const workspace = new Workspace(fs);
    const result = analyze(workspace, mainConfigs(workspace, [...mains]));
    diagnostics = [...result.diagnostics.values()].reduce((n, list) => n + list.length, 0);
  }, runs);
  return {
    parseAndAnalyze: summarize(parseAndAnalyze),
    analyzeOnly: summarize(analysisOfNewAsts(mains, files, fs, runs, false)),
    analyzeSettled: summarize(analysisOfNewAsts(mains, files, fs, runs, true)),
    reanalyzeAfterEdit: editedReanalysis(mains, files, fs, runs, 'none'),
    reanalyzeWithOpenBlock: editedReanalysis(mains, files, fs, runs, 'typed'),
    reanalyzeOpenedWithOpenBlock: editedReanalysis(mains, files, fs, runs, 'opened'),
    diagnostics,
  };
}

/**
 * A full collection, then a pause: the collector finishes sweeping on background threads, which on a
 * two-core machine would otherwise compete with the timed run (p90 ~70 ms instead of ~45 ms at 100k lines).
 */
function settleHeap(): void {
  collectGarbage();
  sleepSync(200);
}

/** Every check on ASTs parsed before the clock starts (new ones each run, so no finding is remembered). */
function analysisOfNewAsts(mains: readonly string[], files: readonly string[], fs: FileSystem, runs: number, settled: boolean): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const parsed = new Workspace(fs);
    const roots = mainConfigs(parsed, [...mains]);
    for (const file of files) parsed.parsed(file);
    if (settled) settleHeap();
    const t0 = performance.now();
    analyze(parsed, roots);
    if (i >= 2) times.push(performance.now() - t0);
  }
  return times;
}

/**
 * Toggles one character of a `weight` in the largest file and re-analyses, as the server does per keystroke;
 * with a block opened and not closed earlier in that file: typed there before the timed edits, or already
 * in the file when it was first parsed.
 */
function editedReanalysis(mains: readonly string[], files: readonly string[], fs: FileSystem, runs: number, openBlock: 'none' | 'typed' | 'opened'): Summary {
  const largest = [...files].sort((a, b) => fs.readFile(b)!.length - fs.readFile(a)!.length)[0];
  let original = fs.readFile(largest)!;
  const withOpenBlock = (text: string) => {
    const at = text.indexOf('\nvirtual_server', text.length >> 2) + 1;
    return `${text.slice(0, at)}virtual_server 192.0.2.99 80 {\n${text.slice(at)}`;
  };
  const workspace = new Workspace(fs);
  if (openBlock === 'opened') workspace.setText(largest, (original = withOpenBlock(original)), true);
  const roots = mainConfigs(workspace, [...mains]);
  analyze(workspace, roots);
  if (openBlock === 'typed') {
    workspace.setText(largest, (original = withOpenBlock(original)), true);
    analyze(workspace, roots);
  }
  const at = original.indexOf(' weight ', original.length >> 1) + 'weight'.length;
  const edited = original.slice(0, at) + original.slice(at + 1);
  let flip = false;
  return summarize(
    timeRepeated(() => {
      flip = !flip;
      workspace.setText(largest, flip ? edited : original, true);
      analyze(workspace, roots);
    }, runs),
  );
}

/**
 * A cluster workspace after one file changes: the changed file is parsed again, every other AST is
 * reused, and every check of every director and cluster runs (what the server does per edit).
 */
export function measureClusterChange(mains: readonly string[], files: readonly string[], runs: number): Summary {
  const fs = memoryFileSystem(files);
  const workspace = new Workspace(fs);
  const roots = mainConfigs(workspace, [...mains]);
  analyze(workspace, roots);
  const changed = mains[0];
  const original = workspace.text(changed)!;
  let flip = false;
  return summarize(
    timeRepeated(() => {
      flip = !flip;
      workspace.setText(changed, flip ? original.replace('advert_int 1', 'advert_int 2') : original, true);
      analyze(workspace, roots);
    }, runs),
  );
}
