import type { Workspace } from './workspace';

// keepalived keeps a line starting `@ID ` only when started with `-i ID`, and one starting `@^ID ` only
// when not; an `@ID` with nothing after it is dropped whatever the id
const CONDITIONAL_LINE = /^[ \t]*@\^?([^ \t\r\n]+)[ \t]+\S/gm;

/** The config ids the `@id` / `@^id` lines of these texts name, in order of first use. */
export function configIdsIn(texts: Iterable<string>): string[] {
  const ids = new Set<string>();
  for (const text of texts) {
    if (!text.includes('@')) continue;
    for (const match of text.matchAll(CONDITIONAL_LINE)) ids.add(match[1]);
  }
  return [...ids];
}

const NEGATED_LINE = /^[ \t]*@\^[^ \t\r\n]+[ \t]+\S/m;

/**
 * The id that stands for "any director not named": `^` and the named ids. keepalived reads `@^ID` lines
 * for every id but ID, and no id in a file can start with '^' (`@^` is the negation), so this one matches
 * no `@ID` line and every `@^ID` line.
 */
export function otherConfigId(named: readonly string[]): string {
  return `^${named.join(',')}`;
}

export const isOtherConfigId = (id: string): boolean => id.startsWith('^');

/**
 * The ids a config must be checked as: each director it serves through `@id` lines reads it differently,
 * and none of them reads the union (or none) of those lines. When `@^ID` lines exist, the directors not
 * named read it too (see otherConfigId). Empty when the config has no such lines.
 */
export function configIdsOf(workspace: Workspace, root: string): string[] {
  const perFile = workspace.closure(root).map((path) => idsOfFile(workspace, path));
  const named = [...new Set(perFile.flatMap((f) => f.ids))];
  return named.length && perFile.some((f) => f.negated) ? [...named, otherConfigId(named)] : named;
}

/** A file's ids, remembered per parse of it: an edit elsewhere does not scan it again (notification emails hold '@'). */
const idsByParse = new WeakMap<object, { ids: string[]; negated: boolean }>();

function idsOfFile(workspace: Workspace, path: string): { ids: string[]; negated: boolean } {
  const parsed = workspace.parsed(path);
  const known = parsed && idsByParse.get(parsed);
  if (known) return known;
  const text = workspace.text(path) ?? '';
  const found = { ids: configIdsIn([text]), negated: text.includes('@^') && NEGATED_LINE.test(text) };
  if (parsed) idsByParse.set(parsed, found);
  return found;
}
