import * as vscode from 'vscode';
import { DidChangeConfigurationNotification, type LanguageClient } from 'vscode-languageclient/node';
import { DEPLOY_ANALYSIS_REQUEST, fromSnapshot, type AnalysisSnapshot } from '../../server/src/deploy/analysisSnapshot';
import { FAILOVER_TABLE_REQUEST, SHOW_FAILOVER_TABLE } from '../../server/src/features/failoverCommand';
import { registerDeployCommands, type AnalysisSource } from './deploy';
import { createLanguageClient, SERVER_BUNDLE } from './server-connection';
import { readSettings, SETTINGS_SECTION } from './settings';
import { LANGUAGE_ID, registerLanguageSwitch } from './languageSwitch';
import { ClusterView } from './clusterView';
import { askSecret, confirmHostKey } from './deploy/prompts';
import { whenTrusted } from './trust';
import { registerPeerCommands } from './peerCommands';
import { registerKeepalivedCheck } from './keepalivedCheck';

let client: LanguageClient | undefined;

async function startServer(context: vscode.ExtensionContext, channel: vscode.LogOutputChannel): Promise<void> {
  const startedAt = Date.now();
  const next = createLanguageClient(context, channel);
  client = next;
  try {
    await next.start();
    // The e2e test reads this line from the output channel to measure start-up.
    channel.appendLine(`[keepalived] server ready in ${Date.now() - startedAt} ms (${SERVER_BUNDLE})`);
  } catch (error) {
    channel.appendLine(`[keepalived] server failed to start: ${error instanceof Error ? error.message : String(error)}`);
    channel.show(true);
  }
}

async function stopServer(): Promise<void> {
  const current = client;
  client = undefined;
  if (current) await current.dispose(2000).catch(() => undefined);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const activatedAt = Date.now();
  const channel = vscode.window.createOutputChannel('Keepalived', { log: true });
  context.subscriptions.push(channel);

  context.subscriptions.push(
    vscode.commands.registerCommand('keepalived.restartServer', async () => {
      channel.appendLine('[keepalived] restarting the language server');
      await stopServer();
      await startServer(context, channel);
    }),
    // the failover code lens: the full table of an instance, opened beside the config as Markdown
    vscode.commands.registerCommand(SHOW_FAILOVER_TABLE, async (uri: string, instance: string) => {
      if (!client?.isRunning()) return;
      const { markdown } = await client.sendRequest<{ markdown: string | null }>(FAILOVER_TABLE_REQUEST, { uri, instance });
      if (markdown) await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown }), vscode.ViewColumn.Beside);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(SETTINGS_SECTION) || !client?.isRunning()) return;
      void client.sendNotification(DidChangeConfigurationNotification.type, { settings: { [SETTINGS_SECTION]: readSettings() } });
    }),
  );

  // Deploy lints with the language server's core, so the client bundle does not carry a second copy of it.
  const analysisFor: AnalysisSource = async (configs) => {
    if (!client?.isRunning()) throw new Error('the Keepalived language server is not running; restart it and try again');
    return fromSnapshot(await client.sendRequest<AnalysisSnapshot>(DEPLOY_ANALYSIS_REQUEST, { configs }));
  };
  const clusterView = new ClusterView(context, analysisFor, () => ({ confirmHostKey, askSecret: (req) => askSecret(context.secrets, req) }));
  context.subscriptions.push(
    vscode.window.registerTreeDataProvider('keepalived.clusterView', clusterView),
    vscode.commands.registerCommand('keepalived.refreshClusterView', whenTrusted('Refreshing the cluster view', () => clusterView.refresh(true))),
  );
  void clusterView.refresh(false);
  registerDeployCommands(context, channel, analysisFor, (result, dryRun) => {
    clusterView.recordDeploy(undefined, { at: new Date().toISOString(), dryRun, outcome: result.outcome, ok: result.ok });
    void clusterView.refresh(true);
  });
  registerLanguageSwitch(context);
  registerPeerCommands(context);
  registerKeepalivedCheck(context, channel);

  // Activated by a plain-text or Properties file, the server waits for a keepalived document to start;
  // activate() itself returns at once, so VS Code never waits on that.
  const started = startWhenNeeded(context).then(async () => {
    await startServer(context, channel);
    channel.appendLine(`[keepalived] activation to server ready: ${Date.now() - activatedAt} ms`);
  });
  if (await isNeededNow()) await started;
}

async function isNeededNow(): Promise<boolean> {
  return (
    vscode.workspace.textDocuments.some((d) => d.languageId === LANGUAGE_ID) ||
    (await vscode.workspace.findFiles('**/keepalived-cluster.json', '**/node_modules/**', 1)).length > 0
  );
}

async function startWhenNeeded(context: vscode.ExtensionContext): Promise<void> {
  if (await isNeededNow()) return;
  await new Promise<void>((ready) => {
    const listener = vscode.workspace.onDidOpenTextDocument((d) => {
      if (d.languageId !== LANGUAGE_ID) return;
      listener.dispose();
      ready();
    });
    context.subscriptions.push(listener);
  });
}

export async function deactivate(): Promise<void> {
  await stopServer();
}
