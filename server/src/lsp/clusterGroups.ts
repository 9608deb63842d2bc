import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { CLUSTER_FILE_NAME, formatClusterErrors, parseClusterFile } from '../deploy/clusterFile';

export interface ClusterGroups {
  /** config paths that belong together, one group per cluster file */
  groups: string[][];
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
 * The explicit clusters of the workspace: each folder's cluster file lists its directors and the local
 * config each one gets; those configs are compared with each other instead of guessing by instance names.
 */
export function readClusterGroups(folders: readonly string[], setting: string | undefined): ClusterGroups {
  const out: ClusterGroups = { groups: [], files: [], problems: [], directors: new Map() };
  for (const path of new Set(folders.map((f) => clusterFilePath(f, setting)))) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      continue;
    }
    out.files.push(path);
    const parsed = parseClusterFile(text, dirname(path));
    if (!parsed.ok) {
      out.problems.push(formatClusterErrors(path, parsed.errors));
      continue;
    }
    // '~/' paths name a file on the deploying user's machine outside the workspace; nothing to compare.
    const configs = [...new Set(parsed.spec.directors.map((d) => d.config).filter((c) => !c.startsWith('~/')))];
    if (configs.length) out.groups.push(configs);
    for (const d of parsed.spec.directors) if (!out.directors!.has(d.config)) out.directors!.set(d.config, d.name);
  }
  return out;
}
