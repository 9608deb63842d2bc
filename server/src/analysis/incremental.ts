// The language server analyses the whole workspace at every edit. Most of it is unchanged: configs fall
// into components that no check looks across (a config with what it includes, the configs of one
// directory, those of one declared cluster), and a component whose files still have the same syntax trees
// (the same texts) and the same include targets has the same findings. Only the others are analysed again.
import { dirname } from 'node:path';
import type { Diagnostic } from '../syntax';
import { analyze, type AnalysisOptions, type AnalysisResult } from './analyze';
import type { DeclaredCluster } from './cluster/grouping';
import type { Workspace } from './workspace';

interface Remembered {
  /**
   * what the result was made from: each root's closure. Workspace keeps a closure (the same list) until a
   * file it reached or looked for changes its text or appears or goes, so the same lists mean the same files
   * with the same texts.
   */
  closures: (readonly string[])[];
  result: AnalysisResult;
}

interface Split {
  roots: readonly string[];
  /** each root's closure when the split was made */
  closures: (readonly string[])[];
  components: { roots: string[]; key: string }[];
}

export class IncrementalAnalysis {
  private remembered = new Map<string, Remembered>();
  private optionsKey = '';
  private split: Split | undefined;

  /** what `analyze(workspace, roots, options)` gives, component by component, reusing unchanged ones */
  run(workspace: Workspace, roots: readonly string[], options: AnalysisOptions): AnalysisResult {
    // host checks read this machine, which can change between analyses; a custom scope is a function
    if (options.host || options.clusterScope) return analyze(workspace, roots, options);
    const optionsKey = JSON.stringify([options.keepalivedVersion, options.configIds, options.clusters]);
    if (optionsKey !== this.optionsKey) {
      this.remembered.clear();
      this.split = undefined;
    }
    this.optionsKey = optionsKey;
    const next = new Map<string, Remembered>();
    const results = this.componentsOf(workspace, roots, options.clusters ?? []).map(({ roots: component, key }) => {
      const closures = component.map((root) => workspace.closure(root));
      const known = this.remembered.get(key);
      const remembered = known && sameInputs(known.closures, closures) ? known : { closures, result: analyze(workspace, component, options) };
      next.set(key, remembered);
      return remembered.result;
    });
    this.remembered = next;
    return merged(results);
  }

  private componentsOf(workspace: Workspace, roots: readonly string[], clusters: readonly (readonly string[] | DeclaredCluster)[]): Split['components'] {
    const closures = roots.map((root) => workspace.closure(root));
    const split = this.split;
    // an edit makes a new closure for its config, most often holding the same files: the same split
    const same = split && sameInputs(split.roots, roots) && closures.every((closure, i) => closure === split.closures[i] || sameInputs(closure, split.closures[i]));
    if (same) split.closures = closures;
    else this.split = { roots, closures, components: componentsOf(workspace, roots, clusters).map((c) => ({ roots: c, key: c.join('\n') })) };
    return this.split!.components;
  }
}

/**
 * The roots in groups no check looks across, each group in the roots' order: joined when they share a
 * file (one includes what another does), a directory (where undeclared clusters are inferred) or a
 * declared cluster.
 */
export function componentsOf(workspace: Workspace, roots: readonly string[], clusters: readonly (readonly string[] | DeclaredCluster)[]): string[][] {
  const parent = roots.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const union = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };
  const index = new Map(roots.map((root, i) => [root, i]));
  const firstHolder = new Map<string, number>();
  const hold = (key: string, i: number) => {
    const holder = firstHolder.get(key);
    if (holder === undefined) firstHolder.set(key, i);
    else union(i, holder);
  };
  roots.forEach((root, i) => {
    hold(`scope:${dirname(root)}`, i);
    for (const file of workspace.closure(root)) hold(`file:${file}`, i);
  });
  for (const cluster of clusters) {
    const members = ('configs' in cluster ? cluster.configs : cluster).map((c) => index.get(c)).filter((i) => i !== undefined);
    for (const member of members.slice(1)) union(member, members[0]);
  }
  const groups = new Map<number, string[]>();
  roots.forEach((root, i) => {
    const group = groups.get(find(i));
    if (group) group.push(root);
    else groups.set(find(i), [root]);
  });
  return [...groups.values()];
}

function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** one result from the components' (units component by component: each component's in the roots' order) */
function merged(results: readonly AnalysisResult[]): AnalysisResult {
  if (results.length === 1) return results[0];
  const diagnostics = new Map<string, Diagnostic[]>();
  for (const result of results) for (const [file, list] of result.diagnostics) diagnostics.set(file, list);
  return { diagnostics, units: results.flatMap((r) => r.units), clusters: results.flatMap((r) => r.clusters) };
}
