import { isAbsolute, sep } from 'node:path';
import {
  CodeLensRefreshRequest,
  InlayHintRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type ServerCapabilities,
  type Diagnostic as LspDiagnostic,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CLUSTER_FILE_NAME } from '../deploy/clusterFile';
import { isKeepalivedConfig, scanClusterFiles, scanFolder } from './discovery';
import { DiskWatcher, type DiskChange } from './diskWatcher';
import { LiveState } from './liveState';
import { DiagnosticsPublisher } from './publisher';
import { normalizeSettings, settingsFromConfigurationChange, settingsFromInitOptions } from './settings';
import { ConvertedDiagnostics } from './convertedDiagnostics';
import { ValidationScheduler } from './validationScheduler';
// the editor features (completion, hover, symbols, formatting, code actions...) plug in here
import { featureCapabilities, registerFeatureHandlers } from './featureHandlers';
import { registerDeployAnalysis } from './deployAnalysis';

/** Disk events arrive in bursts (an editor's save is several inotify events); one analysis covers them. */
const DISK_COALESCE_MS = 30;

const baseCapabilities: ServerCapabilities = {
  textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
  workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
};

/** Capabilities of both halves; document sync and folder handling stay the server's own. */
export function mergeCapabilities(features: ServerCapabilities): ServerCapabilities {
  return {
    ...features,
    ...baseCapabilities,
    workspace: { ...features.workspace, ...baseCapabilities.workspace },
  };
}

/**
 * Wires a connection to the analysis: document sync, settings, workspace scanning and file watching,
 * and diagnostics. No checks live here; they are all in ../analysis.
 */
export function startServer(connection: Connection): LiveState {
  const state = new LiveState();
  const documents = new TextDocuments(TextDocument);
  const publisher = new DiagnosticsPublisher(connection);
  const converted = new ConvertedDiagnostics(state);
  const openedAtVersion = new Map<string, number>();
  let watchesDynamically = false;
  let canPullConfiguration = false;
  let followsFolders = false;
  // lenses show the peers' lines and hints the settings: ask the client to fetch them again when those change
  let refreshesLenses = false;
  let refreshesHints = false;
  let diskWatcher: DiskWatcher | undefined;

  const validate = async () => {
    if (!state.settings().validation.enable) return publisher.clearAll();
    const started = Date.now();
    const result = await state.settle();
    const overrides = state.settings().severityOverrides;
    const byUri = new Map<string, LspDiagnostic[]>();
    for (const [path, list] of result.diagnostics) byUri.set(state.pathToUri(path), converted.convert(path, list, overrides));
    for (const problem of state.lintConfigs.problems.splice(0)) connection.console.warn(`keepalived: ${problem}`);
    logClusterProblems();
    publisher.publish(byUri);
    if (refreshesLenses) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    const elapsed = Date.now() - started;
    if (elapsed > 500) connection.console.warn(`keepalived: analysing ${result.diagnostics.size} file(s) took ${elapsed} ms`);
    diskWatcher?.update(state.folders, state.filesOnDisk());
  };
  const scheduler = new ValidationScheduler(async () => {
    try {
      await validate();
    } catch (error) {
      connection.console.error(`keepalived: analysis failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  });

  // cluster files are read ahead with the configs: their problems are known once an analysis has settled
  const loggedClusterProblems = new Set<string>();
  const logClusterProblems = () => {
    for (const problem of state.clusterProblems()) {
      if (loggedClusterProblems.has(problem)) continue;
      loggedClusterProblems.add(problem);
      connection.console.warn(`keepalived: cluster file ignored:\n${problem}`);
    }
  };
  const applySettings = (raw: unknown) => {
    state.setSettings(normalizeSettings(raw));
    logClusterProblems();
  };

  const rescanFolders = async () => {
    const found = await Promise.all(state.folders.map((folder) => scanFolder(folder).catch(() => [] as string[])));
    const clusterFileName = state.settings().clusterFile || CLUSTER_FILE_NAME;
    const clusterFiles = isAbsolute(clusterFileName) ? [] : await Promise.all(state.folders.map((folder) => scanClusterFiles(folder, clusterFileName).catch(() => [] as string[])));
    state.setFoundClusterFiles(clusterFiles.flat());
    state.setDiscovered(found.flat());
    scheduler.request(0);
  };

  const inFolder = (path: string) => state.folders.some((f) => path === f || path.startsWith(f.endsWith(sep) ? f : f + sep));

  const onDiskChange = async (path: string, change: DiskChange) => {
    if (!state.mayMatter(path, change)) {
      // maybe a new config (or an existing file that just became one)
      if (change === 'deleted' || !inFolder(path) || !(await isKeepalivedConfig(path))) return;
      state.addDiscovered(path);
    }
    state.fileChangedOnDisk(path, change);
    scheduler.request(DISK_COALESCE_MS);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const folders = params.workspaceFolders?.map((f) => state.uriToPath(f.uri)) ?? [];
    if (!folders.length && params.rootUri) folders.push(state.uriToPath(params.rootUri));
    else if (!folders.length && params.rootPath) folders.push(params.rootPath);
    state.folders = folders;
    applySettings(settingsFromInitOptions(params.initializationOptions));
    watchesDynamically = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    followsFolders = params.capabilities.workspace?.workspaceFolders === true;
    refreshesLenses = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    refreshesHints = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
    if (!watchesDynamically) diskWatcher = new DiskWatcher((path, change) => void onDiskChange(path, change));
    return {
      capabilities: mergeCapabilities(featureCapabilities),
      serverInfo: { name: 'keepalived-language-server', version: process.env.npm_package_version },
    };
  });

  connection.onInitialized(async () => {
    const scanned = rescanFolders();
    if (watchesDynamically) {
      const clusterFile = state.settings().clusterFile || CLUSTER_FILE_NAME;
      await connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.conf' }, { globPattern: `**/${clusterFile.replace(/^\.\//, '')}` }, { globPattern: '**/.keepalived-lint.{json,yaml,yml}' }],
      });
    }
    if (canPullConfiguration) await connection.client.register(DidChangeConfigurationNotification.type, { section: 'keepalived' }).catch(() => undefined);
    // the library throws when asked for folder events a client never announced
    if (followsFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((f) => state.uriToPath(f.uri)));
        state.folders = [...state.folders.filter((f) => !removed.has(f)), ...event.added.map((f) => state.uriToPath(f.uri))];
        state.reloadClusterFile();
        void rescanFolders();
      });
    }
    await scanned;
  });

  connection.onDidChangeConfiguration(async (params) => {
    let raw = settingsFromConfigurationChange(params);
    if (raw === undefined && canPullConfiguration) [raw] = await connection.workspace.getConfiguration([{ section: 'keepalived' }]);
    if (raw === undefined) return;
    const wasEnabled = state.settings().validation.enable;
    applySettings(raw);
    if (wasEnabled && !state.settings().validation.enable) publisher.clearAll();
    if (refreshesHints) void connection.sendRequest(InlayHintRefreshRequest.type).catch(() => undefined);
    scheduler.request(0);
  });

  documents.onDidOpen(({ document }) => {
    openedAtVersion.set(document.uri, document.version);
    state.openDocument(state.uriToPath(document.uri), document.getText());
    scheduler.request(0);
  });
  documents.onDidChangeContent(({ document }) => {
    if (openedAtVersion.get(document.uri) === document.version) return;
    openedAtVersion.delete(document.uri);
    state.editDocument(state.uriToPath(document.uri), document.getText());
    scheduler.request(state.settings().validation.debounceMs);
  });
  documents.onDidClose(({ document }) => {
    openedAtVersion.delete(document.uri);
    state.closeDocument(state.uriToPath(document.uri));
    scheduler.request(0);
  });

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    const kinds: Record<number, DiskChange> = { [FileChangeType.Created]: 'created', [FileChangeType.Changed]: 'changed', [FileChangeType.Deleted]: 'deleted' };
    for (const change of changes) {
      const path = state.uriToPath(change.uri);
      if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) await onDiskChange(path, kinds[change.type] ?? 'changed');
    }
  });

  connection.onShutdown(() => {
    scheduler.cancel();
    diskWatcher?.dispose();
  });

  registerFeatureHandlers(connection, state);
  registerDeployAnalysis(connection);
  documents.listen(connection);
  connection.listen();
  return state;
}
