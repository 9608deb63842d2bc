/**
 * Gives the Keepalived language to keepalived files VS Code opened as Properties or plain text (see
 * recognise.ts). Each opened document is switched once: a user who picks another language keeps it.
 */
import * as vscode from 'vscode';
import { dirname } from 'node:path';
import { CLUSTER_FILE_NAME, parseClusterFile } from '../../server/src/deploy/clusterFile';
import { shouldBeKeepalived } from './recognise';

export const LANGUAGE_ID = 'keepalived';

async function clusterConfigs(): Promise<Set<string>> {
  const configs = new Set<string>();
  const files = await vscode.workspace.findFiles(`**/${CLUSTER_FILE_NAME}`, '**/node_modules/**', 20);
  for (const uri of files) {
    try {
      const text = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
      const parsed = parseClusterFile(text, dirname(uri.fsPath));
      if (parsed.ok) for (const d of parsed.spec.directors) configs.add(d.config);
    } catch {
      // an unreadable cluster file names nothing; the deploy commands report it when used
    }
  }
  return configs;
}

export function registerLanguageSwitch(context: vscode.ExtensionContext): void {
  const switched = new Set<string>();
  let configs: Promise<Set<string>> = clusterConfigs();
  const consider = async (doc: vscode.TextDocument) => {
    const key = doc.uri.toString();
    if (switched.has(key) || doc.languageId === LANGUAGE_ID) return;
    const path = doc.uri.scheme === 'file' ? doc.uri.fsPath : undefined;
    if (!shouldBeKeepalived({ languageId: doc.languageId, path, text: doc.getText() }, await configs)) return;
    switched.add(key);
    await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
  };
  const watcher = vscode.workspace.createFileSystemWatcher(`**/${CLUSTER_FILE_NAME}`);
  const reload = () => (configs = clusterConfigs());
  context.subscriptions.push(
    watcher,
    watcher.onDidChange(reload),
    watcher.onDidCreate(reload),
    watcher.onDidDelete(reload),
    vscode.workspace.onDidOpenTextDocument((doc) => void consider(doc)),
    // A language change is a close and an open of the same document in one go; a real close leaves it
    // closed. Only then is the document forgotten, so that opening the file again switches it again.
    vscode.workspace.onDidCloseTextDocument((doc) => {
      const key = doc.uri.toString();
      setTimeout(() => {
        if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === key)) switched.delete(key);
      }, 0);
    }),
  );
  for (const doc of vscode.workspace.textDocuments) void consider(doc);
}
