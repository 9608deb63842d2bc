// Which configs the linted ones are compared with. A keepalived-cluster.json found upward from the first file
// says it (as it does for the editor and for deploy); without one, the "clusters" of .keepalived-lint.json.
// A named file's group brings its peers into the run, so `keepalived-lint lb1.conf` (or stdin named by
// --stdin-filename) is checked against lb2.conf beside it; their own findings are left out of the report.
import { dirname, join, resolve } from 'node:path';
import type { FileSystem } from '../analysis/diskFileSystem';
import type { LintConfig } from '../analysis/lintConfig';
import { CLUSTER_FILE_NAME, parseClusterFile } from '../deploy/clusterFile';

export interface ClusterPlan {
  /** explicit groups of main configs (absolute) */
  clusters: string[][];
  /** configs brought in only as peers of the named ones */
  peers: string[];
}

function clusterFileGroups(start: string, fs: FileSystem): string[][] | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    const path = join(dir, CLUSTER_FILE_NAME);
    const text = fs.readFile(path);
    if (text !== undefined) {
      const parsed = parseClusterFile(text, dir);
      // a broken cluster file is the deploy command's to report; the linter then falls back to guessing
      if (!parsed.ok) return undefined;
      const configs = [...new Set(parsed.spec.directors.map((d) => d.config).filter((c) => !c.startsWith('~/')))];
      return configs.length ? [configs] : undefined;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

export function planClusters(files: readonly string[], config: LintConfig, fs: FileSystem): ClusterPlan {
  if (files.length === 0) return { clusters: [], peers: [] };
  const clusters = clusterFileGroups(dirname(files[0]), fs) ?? config.clusters;
  const named = new Set(files);
  const peers = new Set<string>();
  for (const group of clusters) if (group.some((f) => named.has(f))) for (const f of group) if (!named.has(f) && fs.readFile(f) !== undefined) peers.add(f);
  return { clusters, peers: [...peers] };
}
