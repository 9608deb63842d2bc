import type { Diagnostic, Statement } from '../syntax';
import { viewOf, type ConfigView } from '../syntax/views';
import type { Workspace } from './workspace';

export interface FileDiagnostic extends Diagnostic {
  file: string;
}

export interface IncludedFile {
  file: string;
  statements: readonly Statement[];
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
  /** for each include statement of the unit's files, the files it reads in with their top-level statements */
  includes: ReadonlyMap<Statement, readonly IncludedFile[]>;
}

export function buildUnit(workspace: Workspace, root: string): ConfigUnit {
  const files = workspace.closure(root);
  const views = new Map<string, ConfigView>();
  const includes = new Map<Statement, readonly IncludedFile[]>();
  for (const path of files) {
    const parsed = workspace.parsed(path);
    if (parsed) views.set(path, viewOf(parsed));
    for (const link of workspace.includes(path)) {
      includes.set(link.statement, link.targets.flatMap((file) => {
        const target = workspace.parsed(file);
        return target ? [{ file, statements: target.statements }] : [];
      }));
    }
  }
  return { root, files, views, includes };
}

/**
 * The statements keepalived reads inside `statement`'s block, in order: its own, with each include replaced
 * by the top level of the files it reads in (and theirs, a file already being read in is not read again).
 */
export function readInside(unit: ConfigUnit, statement: Statement): Statement[] {
  const out: Statement[] = [];
  const reading = new Set<string>();
  const add = (statements: readonly Statement[]) => {
    for (const child of statements) {
      const targets = unit.includes.get(child);
      if (!targets) {
        out.push(child);
        continue;
      }
      for (const { file, statements } of targets) {
        if (reading.has(file)) continue;
        reading.add(file);
        add(statements);
        reading.delete(file);
      }
    }
  };
  add(statement.block?.statements ?? []);
  return out;
}

/** keepalived skips, block and all, a vrrp_instance, vrrp_sync_group or track_group with no name or a name an earlier one took */
const NAMED_ONCE = ['instances', 'syncGroups', 'trackGroups'] as const;
const NAMED_ONCE_KEYS: ReadonlySet<keyof ConfigView> = new Set(NAMED_ONCE);

/**
 * Every item of one kind across the unit's files that keepalived reads, each with the file it stands in;
 * with `skipped`, also the blocks of NAMED_ONCE it skips unread.
 */
export function collect<K extends keyof ConfigView>(unit: ConfigUnit, key: K, { skipped = false } = {}): Located<ConfigView[K][number]>[] {
  const out: Located<ConfigView[K][number]>[] = [];
  const taken = NAMED_ONCE_KEYS.has(key) && !skipped ? new Set<string>() : undefined;
  for (const [file, view] of unit.views) {
    for (const item of view[key]) {
      if (taken) {
        const { name } = item as { name: string };
        if (!name || taken.has(name)) continue;
        taken.add(name);
      }
      out.push({ file, item });
    }
  }
  return out;
}

/** the blocks keepalived skips unread (see NAMED_ONCE) */
export function skippedBlocks(unit: ConfigUnit): Located<Statement>[] {
  const out: Located<Statement>[] = [];
  for (const key of NAMED_ONCE) {
    const read = new Set(collect(unit, key).map((e) => e.item.statement));
    for (const { file, item } of collect(unit, key, { skipped: true })) if (!read.has(item.statement)) out.push({ file, item: item.statement });
  }
  return out;
}

export function at(file: string, statementOrRange: Statement | Diagnostic['range'], rest: Omit<Diagnostic, 'range'>): FileDiagnostic {
  const range = 'keyword' in statementOrRange ? statementOrRange.keyword.range : statementOrRange;
  return { file, range, ...rest };
}
