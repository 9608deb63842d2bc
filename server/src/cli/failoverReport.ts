import { failoverFromFiles } from '../analysis/failover/fromFiles';
import { failoverTable, tableText } from '../analysis/failover/table';
import { diskFileSystem } from '../analysis/diskFileSystem';
import type { CliOptions } from './lintArgs';
import { lintConfigClusters, loadLintConfig, namedFiles } from './lintRun';
import { writeErr, writeOut } from './stdio';

/** `keepalived-lint --failover`: each cluster's failover tables, as text or JSON. Exit 0 (1 when no cluster was found). */
export function printFailover(options: CliOptions, write: (s: string) => void = (s) => writeOut(s)): number {
  const config = loadLintConfig(options, namedFiles(options)[0], diskFileSystem);
  const clusters = failoverFromFiles(options.files, {
    configId: options.configId,
    clusterFiles: options.clusterFiles,
    fallbackClusters: lintConfigClusters(config),
    onClusterFileProblem: (problem) => writeErr(`keepalived-lint: cluster file ignored:\n${problem}\n`),
  }).map((routers) => routers.map(failoverTable));
  if (options.format === 'json') {
    write(JSON.stringify({ clusters }, null, 2) + '\n');
  } else if (clusters.length === 0) {
    write('no cluster: name the configs of two or more directors that share a vrrp_instance\n');
  } else {
    write(clusters.map((tables, i) => `cluster ${i + 1}\n\n${tables.map(tableText).join('\n\n')}`).join('\n\n') + '\n');
  }
  return clusters.length ? 0 : 1;
}
