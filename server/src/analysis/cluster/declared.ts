import { dirname, join } from 'node:path';
import { CLUSTER_FILE_NAME, formatClusterErrors, parseClusterFile } from '../../deploy/clusterFile';
import { diskFileSystem, type FileSystem } from '../diskFileSystem';
import type { DeclaredCluster } from './grouping';

/** The clusters cluster files declare: the one place the language server, the linter and deploy read them. */
export interface DeclaredClusters {
  clusters: DeclaredCluster[];
  /** the cluster files that were read */
  files: string[];
  /** readable messages for cluster files that could not be used */
  problems: string[];
}

/**
 * Reads cluster files (missing ones are skipped). Each lists its directors and the local config each one
 * gets: those configs are one cluster, whatever their contents or directories.
 */
export function readDeclaredClusters(paths: Iterable<string>, fs: FileSystem = diskFileSystem): DeclaredClusters {
  const out: DeclaredClusters = { clusters: [], files: [], problems: [] };
  for (const path of new Set(paths)) {
    const text = fs.readFile(path);
    if (text === undefined) continue;
    out.files.push(path);
    const parsed = parseClusterFile(text, dirname(path));
    if (!parsed.ok) {
      out.problems.push(formatClusterErrors(path, parsed.errors));
      continue;
    }
    // '~/' paths name a file on the deploying user's machine outside the workspace; nothing to compare.
    const configs = [...new Set(parsed.spec.directors.map((d) => d.config).filter((c) => !c.startsWith('~/')))];
    const directorNames: Record<string, string> = {};
    for (const d of parsed.spec.directors) directorNames[d.config] ??= d.name;
    if (configs.length) out.clusters.push({ configs, source: path, directorNames });
  }
  return out;
}

/**
 * Where a cluster file naming these configs can be, for a linter that has no workspace: the configs'
 * directories and every directory above them (a repository keeps one at its top, or one per site).
 */
export function clusterFilesAbove(configs: readonly string[], fs: FileSystem = diskFileSystem, name = CLUSTER_FILE_NAME): string[] {
  const candidates = new Set<string>();
  for (const config of configs) {
    for (let dir = dirname(config); ; dir = dirname(dir)) {
      candidates.add(join(dir, name));
      if (dirname(dir) === dir) break;
    }
  }
  // read, not globbed: the lint result cache then checks these few paths, not the directories up to '/'
  return [...candidates].filter((path) => fs.readFile(path) !== undefined);
}
