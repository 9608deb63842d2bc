import type { AnalysisResult } from '../analysis/analyze';
import type { Workspace } from '../analysis/workspace';

/** User settings the server honours (from initializationOptions and workspace/didChangeConfiguration). */
export interface ServerSettings {
  validation: { enable: boolean; debounceMs: number };
  /** diagnostic code → severity, or 'off' to hide it */
  severityOverrides: Record<string, 'error' | 'warning' | 'information' | 'hint' | 'off'>;
  format: { indentWidth: number };
  /** path of the cluster file (keepalived-cluster.json), relative to the workspace folder */
  clusterFile?: string;
  /** target keepalived release, e.g. "2.2.7" */
  keepalivedVersion?: string;
  /** keepalived.hostChecks.enable: also check this machine's interfaces and scripts (absent: off) */
  hostChecks?: true;
}

export const defaultSettings: ServerSettings = {
  validation: { enable: true, debounceMs: 150 },
  severityOverrides: {},
  format: { indentWidth: 4 },
};

/**
 * What the feature handlers (completion, hover, ...) may see of the server: the workspace of open and
 * on-disk configs, the latest analysis, and URI/path conversion. Features never touch the connection's
 * document sync or the file watcher.
 */
export interface ServerState {
  readonly workspace: Workspace;
  settings(): ServerSettings;
  /** the analysis of the whole workspace as of the latest edit (computed on demand, cached per edit) */
  analysis(): AnalysisResult;
  /** every keepalived config the server knows (open, or found in the workspace folders) */
  knownConfigs(): string[];
  uriToPath(uri: string): string;
  pathToUri(path: string): string;
}
