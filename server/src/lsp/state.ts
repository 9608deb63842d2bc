import type { AnalysisResult } from '../analysis/analyze';
import type { Workspace } from '../analysis/workspace';

/** User settings the server honours (from initializationOptions and workspace/didChangeConfiguration). */
export interface ServerSettings {
  validation: { enable: boolean; debounceMs: number };
  /** diagnostic code → severity, or 'off' to hide it */
  severityOverrides: Record<string, 'error' | 'warning' | 'information' | 'hint' | 'off'>;
  /** indentWidthSet: the user gave indentWidth; otherwise the editor's FormattingOptions decide */
  format: { indentWidth: number; indentWidthSet: boolean };
  /** path of the cluster file (keepalived-cluster.json), relative to the workspace folder */
  clusterFile?: string;
  /** target keepalived release, e.g. "2.2.7"; unset: the keepalived on PATH, else the newest known */
  keepalivedVersion?: string;
  /** which inlay hints to show (both on when unset) */
  inlayHints?: { defaults: boolean; expansions: boolean };
  /** config ids (`keepalived -i`) to check files with `@id` lines as, instead of the ids they name */
  configIds?: string[];
  /** keepalived.hostChecks.enable: also check this machine's interfaces and scripts (absent: off) */
  hostChecks?: true;
}

export const defaultSettings: ServerSettings = {
  validation: { enable: true, debounceMs: 150 },
  severityOverrides: {},
  format: { indentWidth: 4, indentWidthSet: false },
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
  /** the analysis once every file it reads has been read from disk (without blocking the thread) */
  settle?(): Promise<AnalysisResult>;
  /** every keepalived config the server knows (open, or found in the workspace folders) */
  knownConfigs(): string[];
  uriToPath(uri: string): string;
  pathToUri(path: string): string;
  /** the name the cluster file gives the director a config goes to */
  directorName?(path: string): string | undefined;
  /** the workspace folders (paths), when the server has them */
  readonly folders?: readonly string[];
  /** the keepalived release the analysis checks against (pinned, the folder's, the one on PATH, or the newest known) */
  targetVersion?(): string | undefined;
}
