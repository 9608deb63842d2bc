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
 * `fallbackClusters` (a lint config's), else the evidence in the configs. A declared director's config is
 * read even when it was not named, as the linter reads it to compare.
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
  const given = options.clusters?.map((c) => ({ ...c, configs: c.configs.map((p) => resolve(p)) }));
  const { clusters, peers } = given ? { clusters: given, peers: [] } : declaredClustersFor(mains, workspace, fs, options);
  const units = [...mains, ...peers].map((root) => buildUnit(workspace, root));
  return groupClusters(units, clusters).map(failoverModel).filter((routers) => routers.length > 0);
}
