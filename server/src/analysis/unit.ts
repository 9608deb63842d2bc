import type { Diagnostic, Statement } from '../syntax';
import { viewOf, type ConfigView } from '../syntax/views';
import type { Workspace } from './workspace';

export interface FileDiagnostic extends Diagnostic {
  file: string;
}

/** Something found in one file of a config unit. */
export interface Located<T> {
  file: string;
  item: T;
}

/**
 * One keepalived configuration as the daemon reads it: a main file and everything it includes.
 * keepalived sees all of it as one stream, so names defined in one file may be used in another.
 */
export interface ConfigUnit {
  root: string;
  /** keepalived's config id (`-i`) this view of the files is for, when their `@id` lines make it matter */
  configId?: string;
  files: readonly string[];
  views: Map<string, ConfigView>;
}

export function buildUnit(workspace: Workspace, root: string): ConfigUnit {
  const files = workspace.closure(root);
  const views = new Map<string, ConfigView>();
  for (const path of files) {
    const parsed = workspace.parsed(path);
    if (parsed) views.set(path, viewOf(parsed));
  }
  return { root, files, views };
}

/** Every item of one kind across the unit's files, each with the file it stands in. */
export function collect<K extends keyof ConfigView>(unit: ConfigUnit, key: K): Located<ConfigView[K][number]>[] {
  const out: Located<ConfigView[K][number]>[] = [];
  for (const [file, view] of unit.views) for (const item of view[key]) out.push({ file, item });
  return out;
}

export function at(file: string, statementOrRange: Statement | Diagnostic['range'], rest: Omit<Diagnostic, 'range'>): FileDiagnostic {
  const range = 'keyword' in statementOrRange ? statementOrRange.keyword.range : statementOrRange;
  return { file, range, ...rest };
}
