import { existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { mainConfigs, type AnalysisResult } from '../analysis/analyze';
import { IncrementalAnalysis } from '../analysis/incremental';
import { Workspace } from '../analysis/workspace';
import { resolveTargetVersion } from '../host/installedKeepalived';
import { localHostFacts } from '../analysis/host/hostFacts';
import { readClusterGroups, type ClusterGroups } from './clusterGroups';
import { isLintConfigFile, LintConfigs } from './lintConfigs';
import { defaultSettings, type ServerSettings, type ServerState } from './state';
import { PrefetchedDisk } from './prefetchedDisk';
import { UriMap } from './uris';

/** Rounds of reading ahead per analysis: each round reads the files the previous one found included. */
const MAX_READ_ROUNDS = 64;

/**
 * The server's view of the user's configs: open buffers, configs found in the workspace folders, and
 * the explicit clusters. Every mutation drops the cached analysis; `analysis()` recomputes on demand.
 */
export class LiveState implements ServerState {
  /** the workspace reads through it: the server's thread never waits on the disk */
  private readonly disk = new PrefetchedDisk();
  readonly workspace = new Workspace(this.disk);
  readonly uris = new UriMap();
  /** the .keepalived-lint.json/.yaml files, per config file */
  readonly lintConfigs = new LintConfigs(this.disk);
  folders: string[] = [];
  private current: ServerSettings = defaultSettings;
  private readonly open = new Set<string>();
  private readonly discovered = new Set<string>();
  private clusters: ClusterGroups = { groups: [], declared: [], files: [], problems: [] };
  /** cluster files found anywhere in the workspace folders (besides the one the setting names) */
  private readonly foundClusterFiles = new Set<string>();
  private cached: AnalysisResult | undefined;
  /** the previous analysis's components, reused where nothing they were made from changed */
  private readonly incremental = new IncrementalAnalysis();
  /** files the latest analysis read, and directories its include globs look in (kept across invalidation) */
  private lastFiles = new Set<string>();
  private lastIncludeDirs = new Set<string>();

  settings(): ServerSettings {
    return this.current;
  }

  setSettings(settings: ServerSettings): void {
    this.current = settings;
    this.reloadClusterFile();
  }

  /** the pinned release, else the folder's lint config, else the keepalived on PATH, else the newest known (as the CLI does) */
  targetVersion(): string | undefined {
    const folderConfig = this.folders.length ? this.lintConfigs.forDirectory(this.folders[0]) : undefined;
    return resolveTargetVersion(this.current.keepalivedVersion ?? folderConfig?.keepalivedVersion).version;
  }

  analysis(): AnalysisResult {
    // the first folder's .keepalived-lint file fills in what the editor settings and the cluster file leave open
    const folderConfig = this.folders.length ? this.lintConfigs.forDirectory(this.folders[0]) : undefined;
    this.cached ??= this.incremental.run(this.workspace, mainConfigs(this.workspace, this.knownConfigs()), {
      keepalivedVersion: this.targetVersion(),
      clusters: this.clusters.declared.length ? this.clusters.declared : folderConfig?.clusters.map((configs) => ({ configs, source: folderConfig.path ?? '.keepalived-lint.json' })),
      configIds: this.current.configIds,
      host: this.current.hostChecks ? localHostFacts() : undefined,
    });
    this.lastFiles = new Set(this.cached.units.flatMap((u) => u.files));
    this.lastIncludeDirs = new Set(
      [...this.lastFiles].flatMap((file) => this.workspace.includes(file).map((link) => dirname(isAbsolute(link.pattern) ? link.pattern : resolve(dirname(file), link.pattern)))),
    );
    return this.cached;
  }

  /**
   * The analysis once every file it reads has been read ahead: each round runs it, reads what it asked for
   * and did not have, and runs it again. Cheap when nothing is missing (the cached analysis).
   */
  async settle(): Promise<AnalysisResult> {
    for (let round = 0; round < MAX_READ_ROUNDS; round++) {
      const result = this.analysis();
      // the lint configs that publishing will consult are read ahead too
      for (const path of result.diagnostics.keys()) this.lintConfigs.isIgnored(path);
      if (!this.disk.hasMisses()) return result;
      await this.disk.fetchMisses();
      // include lists and closures were worked out without what was missing
      this.workspace.forgetIncludes();
      // what was missing may have been a cluster file or a lint config: read them again from what was fetched
      this.lintConfigs.clear();
      this.reloadClusterFile();
    }
    return this.analysis();
  }

  /** Whether a change to this path on disk can matter, judged without re-running the analysis. */
  mayMatter(path: string, change: 'changed' | 'created' | 'deleted'): boolean {
    if (this.lastFiles.has(path) || this.discovered.has(path) || this.clusters.files.includes(path) || this.isClusterFileCandidate(path) || isLintConfigFile(path)) return true;
    // a file appearing or vanishing where an include glob looks changes what it expands to
    return change !== 'changed' && this.lastIncludeDirs.has(dirname(path));
  }

  knownConfigs(): string[] {
    const all = new Set([...this.open, ...this.discovered, ...this.clusters.groups.flat()]);
    return [...all].filter((p) => this.open.has(p) || this.workspace.has(p)).sort();
  }

  uriToPath(uri: string): string {
    return this.uris.toPath(uri);
  }

  pathToUri(path: string): string {
    return this.uris.toUri(path);
  }

  isOpen(path: string): boolean {
    return this.open.has(path);
  }

  /** The director a config goes to, by the cluster file's name for it. */
  directorName(path: string): string | undefined {
    return this.clusters.directors?.get(path);
  }

  clusterFiles(): readonly string[] {
    return this.clusters.files;
  }

  /** Messages about cluster files that could not be read as such (for the log). */
  clusterProblems(): readonly string[] {
    return this.clusters.problems;
  }

  openDocument(path: string, text: string): void {
    // The disk copy's AST stays when the buffer holds the same text (a large file is not parsed twice).
    this.workspace.setText(path, text, true);
    this.open.add(path);
    this.changed();
  }

  editDocument(path: string, text: string): void {
    this.workspace.setText(path, text, true);
    this.changed();
  }

  closeDocument(path: string): void {
    this.workspace.release(path);
    this.open.delete(path);
    this.changed();
  }

  setDiscovered(paths: Iterable<string>): void {
    this.discovered.clear();
    for (const p of paths) this.discovered.add(p);
    this.changed();
  }

  addDiscovered(path: string): void {
    this.discovered.add(path);
    this.changed();
  }

  /** A file changed on disk (or appeared, or vanished). */
  fileChangedOnDisk(path: string, existence: 'changed' | 'created' | 'deleted'): void {
    if (this.isClusterFileCandidate(path)) existence === 'deleted' ? this.foundClusterFiles.delete(path) : this.foundClusterFiles.add(path);
    this.disk.forget(path);
    if (this.clusters.files.includes(path) || this.isClusterFileCandidate(path)) this.reloadClusterFile();
    if (isLintConfigFile(path)) this.lintConfigs.clear();
    this.workspace.invalidate(path);
    if (existence === 'deleted') this.discovered.delete(path);
    // include globs were expanded when their file was parsed; a file appearing or vanishing changes them
    if (existence !== 'changed') this.forgetIncludeExpansions();
    this.changed();
  }

  reloadClusterFile(): void {
    this.clusters = readClusterGroups(this.folders, this.current.clusterFile, [...this.foundClusterFiles], this.disk);
    this.changed();
  }

  /** The cluster files a scan of the workspace folders found (each counts wherever it is). */
  setFoundClusterFiles(paths: Iterable<string>): void {
    this.foundClusterFiles.clear();
    for (const p of paths) this.foundClusterFiles.add(p);
    this.reloadClusterFile();
  }

  private isClusterFileCandidate(path: string): boolean {
    const name = this.current.clusterFile || 'keepalived-cluster.json';
    return path.endsWith(name.replace(/^\.\//, ''));
  }

  private forgetIncludeExpansions(): void {
    this.disk.forgetGlobs();
    // every closure goes at once (one file at a time, each would be looked for in every closure)
    this.workspace.forgetIncludes();
    for (const path of this.workspace.paths()) {
      if (!this.workspace.isPinned(path)) this.workspace.invalidate(path);
      else {
        const text = this.workspace.text(path)!;
        this.workspace.release(path);
        this.workspace.setText(path, text, true);
      }
    }
  }

  private changed(): void {
    this.cached = undefined;
  }

  /** Paths on disk the analysis read (for the fallback file watcher). */
  filesOnDisk(): string[] {
    this.analysis();
    const files = new Set([...this.lastFiles, ...this.knownConfigs()]);
    return [...files].filter((p) => p.startsWith('/') && existsSync(p));
  }
}
