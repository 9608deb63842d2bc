import { rootBlockSpec } from '../schema';
import type { ConfigFile } from '../syntax';
import type { ServerState } from '../lsp/state';
import { blockIdInside } from '../analysis/blockContext';
import { indexOf, type FileIndex } from './nameIndex';

/** The part of the server state features read: never the connection. */
export type FeatureState = Pick<ServerState, 'workspace' | 'analysis' | 'knownConfigs' | 'pathToUri' | 'uriToPath' | 'settings' | 'targetVersion'>;

/**
 * The block an included file's text lands in: keepalived reads an `include` inside a block as part of
 * that block. The first including file the workspace knows decides.
 */
export function contextBlockOf(state: FeatureState, path: string): string | undefined {
  for (const other of state.workspace.paths()) {
    if (other === path) continue;
    for (const link of state.workspace.includes(other)) {
      if (link.targets.includes(path)) {
        const id = blockIdInside(link.statement.parent);
        return id === rootBlockSpec().id ? undefined : id;
      }
    }
  }
  return undefined;
}

export interface IndexedFile {
  path: string;
  file: ConfigFile;
  index: FileIndex;
}

export function indexed(state: FeatureState, path: string): IndexedFile | undefined {
  const file = state.workspace.parsedWithEveryConditionalLine(path);
  return file ? { path, file, index: indexOf(file, contextBlockOf(state, path)) } : undefined;
}

/**
 * The files keepalived reads together with `path`: those of every known main config whose includes reach
 * it, or the file and its own includes. Reads only the workspace (no analysis), so it stays cheap.
 */
export function unitFiles(state: FeatureState, path: string): string[] {
  const files = new Set<string>();
  for (const root of state.knownConfigs()) {
    if (root === path) continue;
    const closure = state.workspace.closure(root);
    if (closure.includes(path)) closure.forEach((f) => files.add(f));
  }
  state.workspace.closure(path).forEach((f) => files.add(f));
  return [...files];
}

/** The files of every director in the cluster `path` belongs to (its own unit when it has no peers). */
export function clusterFiles(state: FeatureState, path: string): string[] {
  const files = new Set(unitFiles(state, path));
  for (const cluster of state.analysis().clusters) {
    if (cluster.members.some((unit) => unit.files.includes(path))) {
      for (const unit of cluster.members) unit.files.forEach((f) => files.add(f));
    }
  }
  return [...files];
}

export function indexedAll(state: FeatureState, paths: readonly string[]): IndexedFile[] {
  return paths.map((p) => indexed(state, p)).filter((f): f is IndexedFile => f !== undefined);
}
