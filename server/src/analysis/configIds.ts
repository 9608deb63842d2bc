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

/**
 * The ids a config must be checked as: each director it serves through `@id` lines reads it differently,
 * and none of them reads the union (or none) of those lines. Empty when the config has no such lines.
 */
export function configIdsOf(workspace: Workspace, root: string): string[] {
  return configIdsIn(workspace.closure(root).map((path) => workspace.text(path) ?? ''));
}
