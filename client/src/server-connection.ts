import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { EXTENSION_BUNDLE, SERVER_NODE_FLAGS, SERVER_ROLE_FLAG } from './bundle-role';
import { readSettings, SETTINGS_SECTION } from './settings';

/** The server runs from the extension's own bundle, in a process of its own. */
export const SERVER_BUNDLE = EXTENSION_BUNDLE;

/** Builds (does not start) the client for the bundled server, talking over node IPC. */
export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath(SERVER_BUNDLE);
  const args = [SERVER_ROLE_FLAG];
  const serverOptions: ServerOptions = {
    run: { module, args, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module, args, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6010'] } },
  };
  const clusterFile = readSettings().cluster.file;
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'keepalived' },
      { scheme: 'untitled', language: 'keepalived' },
      // virtual workspaces (vscode-vfs and the like): each file is checked on its own
      { scheme: 'vscode-vfs', language: 'keepalived' },
    ],
    initializationOptions: { settings: readSettings() },
    // Included files and the cluster description change what the open files mean.
    synchronize: {
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/*.conf'),
        vscode.workspace.createFileSystemWatcher(`**/${clusterFile}`),
      ],
    },
    outputChannel: output,
    // The `keepalived.trace.server` setting is read by the client library through this id.
  };
  return new LanguageClient(SETTINGS_SECTION, 'Keepalived Language Server', serverOptions, clientOptions);
}
