import { resolve } from 'node:path';
import type { FileSystem } from '../diskFileSystem';
import type { Workspace } from '../workspace';
import { clusterFilesAbove, readDeclaredClusters } from './declared';
import type { DeclaredCluster } from './grouping';

export interface DeclaredLookup {
  /** cluster files to read besides those found beside the configs and above them (`--cluster FILE`) */
  clusterFiles?: readonly string[];
  /** told about each cluster file that cannot be used (it is then ignored) */
  onClusterFileProblem?: (message: string) => void;
  /** clusters declared elsewhere (.keepalived-lint.json), used where no cluster file names the configs */
  fallbackClusters?: readonly DeclaredCluster[];
}

/**
 * The declared clusters that name some of `roots` (cluster files beside or above them, then the fallback),
 * and the other directors' configs they bring in: the linter and the failover model group alike.
 */
export function declaredClustersFor(roots: readonly string[], workspace: Workspace, fs: FileSystem, options: DeclaredLookup = {}): { clusters: DeclaredCluster[]; peers: string[] } {
  const declared = readDeclaredClusters([...clusterFilesAbove(roots, fs), ...(options.clusterFiles ?? []).map((f) => resolve(f))], fs);
  declared.problems.forEach((problem) => options.onClusterFileProblem?.(problem));
  const names = (list: readonly DeclaredCluster[]) => list.filter((c) => c.configs.some((config) => roots.includes(config)));
  const fromFiles = names(declared.clusters);
  const clusters = fromFiles.length ? fromFiles : names(options.fallbackClusters ?? []);
  const peers = [...new Set(clusters.flatMap((c) => c.configs))].filter((config) => !roots.includes(config) && workspace.has(config));
  return { clusters, peers };
}
