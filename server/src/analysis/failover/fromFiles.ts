import { resolve } from 'node:path';
import { diskFileSystem, type FileSystem } from '../diskFileSystem';
import { groupClusters, type DeclaredCluster } from '../cluster/grouping';
import { buildUnit } from '../unit';
import { Workspace } from '../workspace';
import { failoverModel, type VirtualRouter } from './model';

/**
 * The failover model of config files on disk, grouped into clusters as the linter groups them: the declared
 * clusters (main config paths, as a keepalived-cluster.json lists them), else the evidence in the configs.
 */
export function failoverFromFiles(
  paths: readonly string[],
  options: { configId?: string; clusters?: readonly DeclaredCluster[] } = {},
  fs: FileSystem = diskFileSystem,
): VirtualRouter[][] {
  const workspace = new Workspace(fs, { configId: options.configId });
  const absolute = paths.map((p) => resolve(p));
  const included = new Set(absolute.flatMap((p) => workspace.includes(p).flatMap((l) => l.targets)));
  const roots = absolute.filter((p) => !included.has(p));
  const units = (roots.length ? roots : absolute).map((root) => buildUnit(workspace, root));
  return groupClusters(units, options.clusters?.map((c) => ({ ...c, configs: c.configs.map((p) => resolve(p)) }))).map(failoverModel).filter((routers) => routers.length > 0);
}
