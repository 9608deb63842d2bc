import { resolve } from 'node:path';
import { diskFileSystem, type FileSystem } from '../diskFileSystem';
import { clusterFilesAbove, readDeclaredClusters } from '../cluster/declared';
import { groupClusters } from '../cluster/grouping';
import { buildUnit } from '../unit';
import { Workspace } from '../workspace';
import { failoverModel, type VirtualRouter } from './model';

/** The failover model of config files on disk, grouped into clusters as the linter groups them. */
export function failoverFromFiles(paths: readonly string[], options: { configId?: string } = {}, fs: FileSystem = diskFileSystem): VirtualRouter[][] {
  const workspace = new Workspace(fs, { configId: options.configId });
  const absolute = paths.map((p) => resolve(p));
  const included = new Set(absolute.flatMap((p) => workspace.includes(p).flatMap((l) => l.targets)));
  const roots = absolute.filter((p) => !included.has(p));
  const mains = roots.length ? roots : absolute;
  const units = mains.map((root) => buildUnit(workspace, root));
  // as the linter does: the clusters the cluster files beside or above the configs declare, else evidence
  const declared = readDeclaredClusters(clusterFilesAbove(mains, fs), fs).clusters.filter((c) => c.configs.some((config) => mains.includes(config)));
  return groupClusters(units, declared).map(failoverModel).filter((routers) => routers.length > 0);
}
