import { resolve } from 'node:path';
import type { PreprocessOptions } from '../syntax/preprocess';
import { analyze, type AnalysisOptions } from './analyze';
import { clusterFilesAbove, readDeclaredClusters } from './cluster/declared';
import type { DeclaredCluster } from './cluster/grouping';
import type { FileDiagnostic } from './unit';
import { diskFileSystem, type FileSystem } from './diskFileSystem';
import { Workspace } from './workspace';

export type { FileDiagnostic } from './unit';

export interface LintOptions extends AnalysisOptions, PreprocessOptions {
  /** cluster files to read besides those found beside the configs and above them (`--cluster FILE`) */
  clusterFiles?: readonly string[];
  /** told about each cluster file that cannot be used (it is then ignored) */
  onClusterFileProblem?: (message: string) => void;
  /** clusters declared elsewhere (.keepalived-lint.json), used where no cluster file names the configs */
  fallbackClusters?: readonly DeclaredCluster[];
}

/**
 * Lints config files from disk as one workspace: each file with what it includes, and the clusters among
 * them (MASTER vs BACKUP checks). Unless `clusters` is given, the clusters are those the cluster files
 * beside the configs or above them declare (their other directors' configs are read to compare, and only
 * the named files' findings reported), and pairs the configs themselves show to be one virtual router's
 * directors. Files included by another given file are not treated as main configs.
 */
export function lintFiles(paths: readonly string[], options: LintOptions = {}, fs: FileSystem = diskFileSystem): FileDiagnostic[] {
  const workspace = new Workspace(fs, { configId: options.configId });
  const absolute = paths.map((p) => resolve(p));
  const included = new Set(absolute.flatMap((p) => workspace.includes(p).flatMap((l) => l.targets)));
  const named = absolute.filter((p) => !included.has(p));
  const roots = named.length ? named : absolute;
  let clusters = options.clusters;
  let peers: string[] = [];
  if (!clusters) {
    const declared = readDeclaredClusters([...clusterFilesAbove(roots, fs), ...(options.clusterFiles ?? []).map((f) => resolve(f))], fs);
    declared.problems.forEach((problem) => options.onClusterFileProblem?.(problem));
    const names = (list: readonly DeclaredCluster[]) => list.filter((c) => c.configs.some((config) => roots.includes(config)));
    const fromFiles = names(declared.clusters);
    const relevant = fromFiles.length ? fromFiles : names(options.fallbackClusters ?? []);
    clusters = relevant;
    peers = [...new Set(relevant.flatMap((c) => c.configs))].filter((config) => !roots.includes(config) && workspace.has(config));
  }
  const result = analyze(workspace, [...roots, ...peers], { ...options, clusters });
  const reported = new Set(result.units.filter((u) => roots.includes(u.root)).flatMap((u) => u.files));
  const out: FileDiagnostic[] = [];
  for (const [file, list] of result.diagnostics) if (reported.has(file)) for (const d of list) out.push({ file, ...d });
  return out;
}
