import type { BlockSpec } from './types';

/**
 * Keywords of one block that set the same thing under another name, or undo each other: once one of
 * them is written, completion does not offer the others. A deprecated keyword and its replacement are
 * added from the schema itself.
 */
const GROUPS: readonly (readonly string[])[] = [
  ['lb_algo', 'lvs_sched'],
  ['lb_kind', 'lvs_method'],
  ['preempt', 'nopreempt'],
  ['accept', 'no_accept'],
];

/** Names that one keyword written in `block` rules out (itself not included). */
export function sameSettingAs(block: BlockSpec, name: string): string[] {
  const others = new Set<string>();
  for (const group of GROUPS) if (group.includes(name)) group.forEach((n) => others.add(n));
  for (const spec of block.keywords) {
    if (spec.deprecated?.replacement === name) others.add(spec.name);
    if (spec.name === name && spec.deprecated?.replacement) others.add(spec.deprecated.replacement);
  }
  others.delete(name);
  return [...others].filter((n) => block.keywords.some((k) => k.name === n));
}
