import * as vscode from 'vscode';
import { DidChangeConfigurationNotification, type LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient, SERVER_BUNDLE } from './server-connection';
import { readSettings, SETTINGS_SECTION } from './settings';

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
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(SETTINGS_SECTION) || !client?.isRunning()) return;
      void client.sendNotification(DidChangeConfigurationNotification.type, { settings: { [SETTINGS_SECTION]: readSettings() } });
    }),
  );

  // TODO(deploy): once client/src/deploy/ exists, add this line (and its import): registerDeployCommands(context, channel);

  await startServer(context, channel);
  channel.appendLine(`[keepalived] activation to server ready: ${Date.now() - activatedAt} ms`);
}

export async function deactivate(): Promise<void> {
  await stopServer();
}
