/**
 * Restricted Mode (an untrusted workspace): the language features work, but nothing that runs a program
 * or opens a connection does. Such commands say so and offer to manage trust instead of failing silently.
 */
import * as vscode from 'vscode';

export const RESTRICTED_MESSAGE = (what: string) =>
  `${what} is disabled in Restricted Mode: it connects to the hosts of keepalived-cluster.json and runs commands there. Trust this workspace to use it.`;

/** Wraps a command that runs programs or opens connections: in Restricted Mode it only explains why not. */
export function whenTrusted<A extends unknown[]>(what: string, run: (...args: A) => unknown): (...args: A) => unknown {
  return async (...args: A) => {
    if (vscode.workspace.isTrusted) return run(...args);
    const manage = 'Manage Workspace Trust';
    const choice = await vscode.window.showWarningMessage(RESTRICTED_MESSAGE(what), manage);
    if (choice === manage) await vscode.commands.executeCommand('workbench.trust.manage');
    return undefined;
  };
}
