/**
 * "Check with keepalived -t" (a command, and on save when keepalived.keepalivedCheck.onSave is on): the real
 * binary here or on a director over SSH, its messages as diagnostics with the source `keepalived -t`, those
 * on lines the linter already flags left out. Never in Restricted Mode (whenTrusted, and the onSave
 * listener checks trust too): it runs a program or opens a connection.
 */
import * as vscode from 'vscode';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { BINARY_CHECK_SOURCE, checkLocally, checkOnDirector, newFindings, type BinaryCheck } from '../../server/src/deploy/binaryCheck';
import { CLUSTER_FILE_NAME, parseClusterFile } from '../../server/src/deploy/clusterFile';
import { askSecret, confirmHostKey } from './deploy/prompts';
import { LANGUAGE_ID } from './languageSwitch';
import { whenTrusted } from './trust';

async function runCheck(context: vscode.ExtensionContext, doc: vscode.TextDocument): Promise<BinaryCheck> {
  const config = vscode.workspace.getConfiguration('keepalived.keepalivedCheck', doc.uri);
  const directorName = (config.get<string>('director') ?? '').trim();
  if (!directorName) return checkLocally(config.get<string>('binary') || 'keepalived', doc.uri.fsPath);
  const files = await vscode.workspace.findFiles(`**/${CLUSTER_FILE_NAME}`, '**/node_modules/**', 20);
  for (const uri of files) {
    const parsed = parseClusterFile(readFileSync(uri.fsPath, 'utf8'), dirname(uri.fsPath));
    const director = parsed.ok ? parsed.spec.directors.find((d) => d.name === directorName) : undefined;
    if (parsed.ok && director) {
      return checkOnDirector(parsed.spec, director, doc.uri.fsPath, doc.getText(), { confirmHostKey, askSecret: (req) => askSecret(context.secrets, req) });
    }
  }
  throw new Error(`no director named ${directorName} in a ${CLUSTER_FILE_NAME} of this workspace (setting keepalived.keepalivedCheck.director)`);
}

export function registerKeepalivedCheck(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): void {
  const collection = vscode.languages.createDiagnosticCollection(BINARY_CHECK_SOURCE);
  const check = async (doc: vscode.TextDocument, quiet: boolean) => {
    if (doc.languageId !== LANGUAGE_ID || doc.uri.scheme !== 'file') return;
    try {
      const result = await runCheck(context, doc);
      const linterLines = new Set(vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source !== BINARY_CHECK_SOURCE).map((d) => d.range.start.line));
      const findings = newFindings(result, doc.uri.fsPath, linterLines);
      collection.set(
        doc.uri,
        findings.map((f) => {
          const line = doc.lineAt(Math.min(f.line, doc.lineCount - 1));
          const d = new vscode.Diagnostic(line.range, f.message, result.exitCode === 0 ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Error);
          d.source = BINARY_CHECK_SOURCE;
          return d;
        }),
      );
      output.info(`keepalived -t on ${vscode.workspace.asRelativePath(doc.uri)}: exit ${result.exitCode}, ${result.messages.length} message(s), ${findings.length} not already reported`);
      if (!quiet && findings.length === 0) void vscode.window.showInformationMessage(`keepalived -t: ${result.exitCode === 0 ? 'config valid' : 'nothing the linter has not reported'}.`);
    } catch (error) {
      output.error(`keepalived -t failed: ${(error as Error).message}`);
      if (!quiet) void vscode.window.showErrorMessage(`keepalived -t could not run: ${(error as Error).message}`);
    }
  };
  context.subscriptions.push(
    collection,
    vscode.commands.registerCommand(
      'keepalived.checkWithKeepalived',
      whenTrusted('Checking with keepalived -t', async () => {
        const doc = vscode.window.activeTextEditor?.document;
        if (!doc) return;
        if (doc.isDirty) await doc.save();
        await check(doc, false);
      }),
    ),
    vscode.workspace.onDidSaveTextDocument((doc) => {
      if (!vscode.workspace.isTrusted) return;
      if (vscode.workspace.getConfiguration('keepalived.keepalivedCheck', doc.uri).get<boolean>('onSave')) void check(doc, true);
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => collection.delete(doc.uri)),
  );
}
