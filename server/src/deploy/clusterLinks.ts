import { parseTree, findNodeAtLocation, type Node } from 'jsonc-parser/lib/esm/main.js';
import { isAbsolute, resolve } from 'node:path';

export interface ClusterLink {
  /** offsets of the path inside its quotes */
  start: number;
  end: number;
  /** absolute path the entry names */
  path: string;
}

/** The `config` entry of each director in a keepalived-cluster.json, for links in the editor. */
export function clusterConfigLinks(text: string, clusterDir: string): ClusterLink[] {
  const tree = parseTree(text);
  const directors = tree && findNodeAtLocation(tree, ['directors']);
  if (!directors || directors.type !== 'array') return [];
  const links: ClusterLink[] = [];
  for (const director of directors.children ?? []) {
    const config: Node | undefined = findNodeAtLocation(director, ['config']);
    if (config?.type !== 'string' || typeof config.value !== 'string' || config.value === '') continue;
    const path = isAbsolute(config.value) ? config.value : resolve(clusterDir, config.value);
    links.push({ start: config.offset + 1, end: config.offset + config.length - 1, path });
  }
  return links;
}
