import { resolve } from 'node:path';
import type { PreprocessOptions } from '../syntax/preprocess';
import { analyze, type AnalysisOptions } from './analyze';
import { declaredClustersFor, type DeclaredLookup } from './cluster/declaredFor';
import type { FileDiagnostic } from './unit';
import { diskFileSystem, type FileSystem } from './diskFileSystem';
import { Workspace } from './workspace';

export type { FileDiagnostic } from './unit';

export interface LintOptions extends AnalysisOptions, PreprocessOptions, DeclaredLookup {}

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
  if (!clusters) ({ clusters, peers } = declaredClustersFor(roots, workspace, fs, options));
  const result = analyze(workspace, [...roots, ...peers], { ...options, clusters });
  const reported = new Set(result.units.filter((u) => roots.includes(u.root)).flatMap((u) => u.files));
  const out: FileDiagnostic[] = [];
  for (const [file, list] of result.diagnostics) if (reported.has(file)) for (const d of list) out.push({ file, ...d });
  return out;
}
