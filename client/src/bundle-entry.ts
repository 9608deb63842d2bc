/**
 * Entry of dist/extension.js. Both halves are loaded through import(), which esbuild turns into lazily
 * evaluated modules: the server process never evaluates vscode, the language client or ssh2, and the
 * extension host never evaluates the server.
 */
import { SERVER_ROLE_FLAG } from './bundle-role';
import type * as vscode from 'vscode';

const runsAsServer = process.argv.includes(SERVER_ROLE_FLAG);
if (runsAsServer) void import('../../server/src/lsp/main');

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  if (runsAsServer) throw new Error('the Keepalived language server process cannot be activated as an extension');
  await (await import('./extension')).activate(context);
}

export async function deactivate(): Promise<void> {
  if (!runsAsServer) await (await import('./extension')).deactivate();
}
