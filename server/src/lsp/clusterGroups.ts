import { isAbsolute, resolve } from 'node:path';
import type { DeclaredCluster } from '../analysis/cluster/grouping';
import { readDeclaredClusters } from '../analysis/cluster/declared';
import type { FileSystem } from '../analysis/diskFileSystem';
import { CLUSTER_FILE_NAME } from '../deploy/clusterFile';

export interface ClusterGroups {
  /** config paths that belong together, one group per cluster file */
  groups: string[][];
  /** the same groups with the cluster file that declares each */
  declared: DeclaredCluster[];
  /** the cluster files that were read */
  files: string[];
  /** readable messages for cluster files that could not be used */
  problems: string[];
  /** the director name each config goes to, as the cluster file names it */
  directors?: Map<string, string>;
}

export function clusterFilePath(folder: string, setting: string | undefined): string {
  const name = setting || CLUSTER_FILE_NAME;
  return isAbsolute(name) ? name : resolve(folder, name);
}

/**
 * The explicit clusters of the workspace: the cluster file each folder's setting names, and every other
 * cluster file found in the folders (`found`); their configs are compared with each other, never guessed.
 */
export function readClusterGroups(folders: readonly string[], setting: string | undefined, found: readonly string[] = [], fs?: FileSystem): ClusterGroups {
  const read = readDeclaredClusters([...folders.map((f) => clusterFilePath(f, setting)), ...found], fs);
  const directors = new Map<string, string>();
  for (const c of read.clusters) for (const [config, name] of Object.entries(c.directorNames ?? {})) if (!directors.has(config)) directors.set(config, name);
  return { groups: read.clusters.map((c) => [...c.configs]), declared: read.clusters, files: read.files, problems: read.problems, directors };
}
