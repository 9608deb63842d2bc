import { readFileSync } from 'node:fs';
import { analyze, mainConfigs } from '../server/src/analysis/analyze';
import { Workspace, diskFileSystem, type FileSystem } from '../server/src/analysis/workspace';
import { summarize, timeRepeated, type Summary } from './stats';

export interface AnalysisTiming {
  /** parse every file + every check, JIT warm */
  parseAndAnalyze: Summary;
  /** every check again with all ASTs cached (what a re-analysis costs beyond re-parsing) */
  analyzeOnly: Summary;
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
  const warm = new Workspace(fs);
  const roots = mainConfigs(warm, [...mains]);
  const analyzeOnly = timeRepeated(() => analyze(warm, roots), runs);
  return { parseAndAnalyze: summarize(parseAndAnalyze), analyzeOnly: summarize(analyzeOnly), diagnostics };
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
