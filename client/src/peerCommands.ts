/**
 * The commands the language server's code lenses run: jump to the peer director's block, or show the
 * two blocks side by side in a diff editor (read-only copies of the lines, served under their own scheme).
 */
import * as vscode from 'vscode';
import { clusterConfigLinks } from '../../server/src/deploy/clusterLinks';
import { CLUSTER_FILE_NAME } from '../../server/src/deploy/clusterFile';
import { dirname } from 'node:path';

interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
interface BlockRef {
  uri: string;
  range: LspRange;
  label: string;
}

const BLOCK_SCHEME = 'keepalived-block';
const toRange = (r: LspRange) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

function blockUri(ref: BlockRef): vscode.Uri {
  const query = JSON.stringify({ uri: ref.uri, start: ref.range.start.line, end: ref.range.end.line });
  return vscode.Uri.from({ scheme: BLOCK_SCHEME, path: `/${ref.label}`, query });
}

export function registerPeerCommands(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(BLOCK_SCHEME, {
      async provideTextDocumentContent(uri) {
        const { uri: source, start, end } = JSON.parse(uri.query) as { uri: string; start: number; end: number };
        const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(source));
        return doc.getText(new vscode.Range(start, 0, end + 1, 0));
      },
    }),
    vscode.commands.registerCommand('keepalived.openPeer', async (uri: string, range: LspRange) => {
      await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection: toRange(range), preview: true });
    }),
    vscode.commands.registerCommand('keepalived.diffBlocks', async (left: BlockRef, right: BlockRef) => {
      await vscode.commands.executeCommand('vscode.diff', blockUri(left), blockUri(right), `${left.label} ↔ ${right.label}`);
    }),
    // keepalived-cluster.json: each director's "config" opens that config
    vscode.languages.registerDocumentLinkProvider(
      { pattern: `**/${CLUSTER_FILE_NAME}` },
      {
        provideDocumentLinks(doc) {
          return clusterConfigLinks(doc.getText(), dirname(doc.uri.fsPath)).map(
            (l) => new vscode.DocumentLink(new vscode.Range(doc.positionAt(l.start), doc.positionAt(l.end)), vscode.Uri.file(l.path)),
          );
        },
      },
    ),
  );
}
