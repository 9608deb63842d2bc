// Splits a lint of many configs into parts that can be checked apart and still give the findings one run
// gives: what one check may compare or combine stays in one part. That is a config with what it includes
// (an included file is part of its includer's config, not a config of its own), the configs of one
// directory (the linter pairs undeclared MASTER/BACKUP configs within a directory), and the configs of one
// declared cluster.
import { dirname, isAbsolute, resolve } from 'node:path';

export interface PartitionInput {
  /** the configs to check, absolute, in the order their findings are printed */
  files: readonly string[];
  /** each file's text, for its include lines; undefined when it cannot be read */
  textOf(file: string): string | undefined;
  /** an absolute include pattern's matches (what the linter's include reader would find) */
  glob(pattern: string): readonly string[];
  /** the configs of each declared cluster */
  clusters: readonly (readonly string[])[];
  /** each file's share of the work (its size) */
  weightOf(file: string): number;
}

// keepalived reads `include` wherever a line starts with it, also after a `@host` condition
const INCLUDE_LINE = /^[ \t]*(?:@\^?[^ \t\r\n]+[ \t]+)?include[ \t]+([^ \t\r\n#!]+)/gm;

export interface PartitionSize {
  /** parts wanted at least (one per thread), as far as the files can be split */
  parts: number;
  /** the weight a part should stay under, for the memory one part's check holds: more parts when needed */
  maxWeight: number;
}

/**
 * The files in parts balanced by weight, each part in the files' order; a single part when the files
 * cannot be split safely (an include path built from ${parameters} could point anywhere).
 */
export function partitionFiles(input: PartitionInput, size: PartitionSize): string[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  for (const file of input.files) union(file, `dir:${dirname(file)}`);
  for (const members of input.clusters) for (const member of members) union(member, members[0]);
  for (const file of input.files) {
    const text = input.textOf(file);
    if (!text?.includes('include')) continue;
    for (const match of text.matchAll(INCLUDE_LINE)) {
      const pattern = match[1];
      if (/[$~]/.test(pattern)) return [[...input.files]];
      const absolute = isAbsolute(pattern) ? pattern : resolve(dirname(file), pattern);
      union(file, `include:${absolute}`);
      for (const target of input.glob(absolute)) union(file, target);
    }
  }
  const components = new Map<string, { files: string[]; weight: number }>();
  for (const file of input.files) {
    const root = find(file);
    const component = components.get(root) ?? { files: [], weight: 0 };
    component.files.push(file);
    component.weight += input.weightOf(file);
    components.set(root, component);
  }
  const total = [...components.values()].reduce((sum, c) => sum + c.weight, 0);
  const count = Math.min(components.size, Math.max(1, size.parts, Math.ceil(total / size.maxWeight)));
  const parts = Array.from({ length: count }, () => ({ files: new Set<string>(), weight: 0 }));
  // largest first, each to the lightest part: within a few per cent of even for many small components
  for (const component of [...components.values()].sort((a, b) => b.weight - a.weight)) {
    const lightest = parts.reduce((a, b) => (b.weight < a.weight ? b : a));
    component.files.forEach((f) => lightest.files.add(f));
    lightest.weight += component.weight;
  }
  return parts.map((part) => input.files.filter((f) => part.files.has(f))).filter((files) => files.length > 0);
}
