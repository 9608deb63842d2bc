import { resolve } from 'node:path';
import type { PreprocessOptions } from '../syntax/preprocess';
import { analyze, type AnalysisOptions } from './analyze';
import type { FileDiagnostic } from './unit';
import { diskFileSystem, type FileSystem } from './diskFileSystem';
import { Workspace } from './workspace';

export type { FileDiagnostic } from './unit';

export interface LintOptions extends AnalysisOptions, PreprocessOptions {}

/**
 * Lints config files from disk as one workspace: each file with what it includes, and the files together
 * as a cluster (MASTER vs BACKUP checks). Files included by another given file are not treated as main configs.
 */
export function lintFiles(paths: readonly string[], options: LintOptions = {}, fs: FileSystem = diskFileSystem): FileDiagnostic[] {
  const workspace = new Workspace(fs, { configId: options.configId });
  const absolute = paths.map((p) => resolve(p));
  const included = new Set(absolute.flatMap((p) => workspace.includes(p).flatMap((l) => l.targets)));
  const roots = absolute.filter((p) => !included.has(p));
  const result = analyze(workspace, roots.length ? roots : absolute, options);
  const out: FileDiagnostic[] = [];
  for (const [file, list] of result.diagnostics) for (const d of list) out.push({ file, ...d });
  return out;
}
