import { resolve } from 'node:path';
import { diskFileSystem, type FileSystem } from '../diskFileSystem';
import { declaredClustersFor, type DeclaredLookup } from '../cluster/declaredFor';
import { groupClusters, type DeclaredCluster } from '../cluster/grouping';
import { buildUnit } from '../unit';
import { Workspace } from '../workspace';
import { failoverModel, type VirtualRouter } from './model';

/**
 * The failover model of config files on disk, grouped into clusters as the linter groups them: `clusters`
 * when given, else those the cluster files beside or above the configs (and `clusterFiles`) declare, else
 * the evidence in the configs. Only the named files are modelled: a declared peer not named is not read.
 */
export function failoverFromFiles(
  paths: readonly string[],
  options: { configId?: string; clusters?: readonly DeclaredCluster[] } & DeclaredLookup = {},
  fs: FileSystem = diskFileSystem,
): VirtualRouter[][] {
  const workspace = new Workspace(fs, { configId: options.configId });
  const absolute = paths.map((p) => resolve(p));
  const included = new Set(absolute.flatMap((p) => workspace.includes(p).flatMap((l) => l.targets)));
  const roots = absolute.filter((p) => !included.has(p));
  const mains = roots.length ? roots : absolute;
  const units = mains.map((root) => buildUnit(workspace, root));
  const clusters = options.clusters?.map((c) => ({ ...c, configs: c.configs.map((p) => resolve(p)) })) ?? declaredClustersFor(mains, workspace, fs, options).clusters;
  return groupClusters(units, clusters).map(failoverModel).filter((routers) => routers.length > 0);
}
