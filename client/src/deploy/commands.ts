/**
 * VS Code commands for the deploy engine: Deploy Cluster, Dry Run, Roll Back, Cluster Status.
 * The engine does the work; this file only finds the cluster file, shows progress with cancel,
 * writes the (already masked) log to the output channel and asks the user questions.
 */
import * as vscode from 'vscode';
import { dirname } from 'node:path';
import { CLUSTER_FILE_NAME, formatClusterErrors, parseClusterFile, type ClusterSpec } from '../../../server/src/deploy/clusterFile';
import { deploy, formatDiagnostic, type DeployEvents, type DeployResult } from '../../../server/src/deploy/engine';
import { rollback } from '../../../server/src/deploy/rollback';
import { actionableReport, logLevelOf } from '../../../server/src/deploy/actionableReport';
import { clusterStatus, formatStatus } from '../../../server/src/deploy/status';
import type { AnalysisFns } from '../../../server/src/deploy/analysis';
import type { SecretRequest } from '../../../server/src/deploy/ssh';
import { whenTrusted } from '../trust';
import { askSecret, confirmHostKey, forgetSecrets } from './prompts';

type Output = vscode.LogOutputChannel;

/** A deploy log line at its level: failures as errors, roll-backs and overrides as warnings. */
function logLine(output: Output, line: string): void {
  output[logLevelOf(line)](line);
}

/** Lint and config facts for the directors' configs, from the language server. */
export type AnalysisSource = (configs: string[]) => Promise<AnalysisFns>;

const configsOf = (spec: ClusterSpec) => [...new Set(spec.directors.map((d) => d.config))];

async function findClusterFile(): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.path.endsWith(`/${CLUSTER_FILE_NAME}`)) return active;
  const found = await vscode.workspace.findFiles(`**/${CLUSTER_FILE_NAME}`, '**/node_modules/**', 10);
  if (found.length <= 1) return found[0];
  const pick = await vscode.window.showQuickPick(
    found.map((u) => ({ label: vscode.workspace.asRelativePath(u), uri: u })),
    { title: 'Which cluster?' },
  );
  return pick?.uri;
}

async function loadSpec(output: Output): Promise<ClusterSpec | undefined> {
  const uri = await findClusterFile();
  if (!uri) {
    vscode.window.showErrorMessage(`No ${CLUSTER_FILE_NAME} in the workspace. Create one to describe the directors and real servers.`);
    return undefined;
  }
  const text = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
  const parsed = parseClusterFile(text, dirname(uri.fsPath));
  if (!parsed.ok) {
    output.appendLine(formatClusterErrors(uri.fsPath, parsed.errors));
    output.show(true);
    vscode.window.showErrorMessage(`${CLUSTER_FILE_NAME} has ${parsed.errors.length} problem(s); see the output.`);
    return undefined;
  }
  return parsed.spec;
}

function events(
  context: vscode.ExtensionContext,
  output: Output,
  report: (m: string) => void,
  asked: SecretRequest[],
): DeployEvents {
  return {
    log: (line) => logLine(output, line),
    progress: (host, message) => report(`${host}: ${message}`),
    confirmHostKey,
    askSecret: (req) => {
      asked.push(req);
      return askSecret(context.secrets, req);
    },
  };
}

async function runDeploy(context: vscode.ExtensionContext, output: Output, analysisFor: AnalysisSource, dryRun: boolean): Promise<DeployResult | undefined> {
  const spec = await loadSpec(output);
  if (!spec) return;
  const analysis = await analysisFor(configsOf(spec));
  await vscode.workspace.saveAll(false);
  const asked: SecretRequest[] = [];
  let forceLint = false;
  let allowEmpty = false;
  for (;;) {
    const result: DeployResult = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: dryRun ? 'Keepalived dry run' : 'Keepalived deploy', cancellable: true },
      (progress, token) => {
        const ac = new AbortController();
        token.onCancellationRequested(() => ac.abort());
        output.appendLine(`── ${dryRun ? 'dry run' : 'deploy'} ${new Date().toISOString()}`);
        return deploy({
          spec,
          analysis,
          dryRun,
          forceLintErrors: forceLint,
          allowEmpty,
          signal: ac.signal,
          events: events(context, output, (message) => progress.report({ message }), asked),
        });
      },
    );
    if (result.outcome === 'lint-errors' && !forceLint) {
      output.show(true);
      const override = 'Deploy Anyway';
      const choice = await vscode.window.showErrorMessage(
        `The configs have ${result.problems.length} lint error(s); nothing was deployed.`,
        { detail: result.lint.filter((d) => d.severity === 'error').slice(0, 5).map(formatDiagnostic).join('\n') },
        override,
      );
      if (choice !== override) return result;
      forceLint = true;
      continue;
    }
    if (result.outcome === 'empty-config' && !allowEmpty) {
      output.show(true);
      const confirm = 'Deploy It Anyway';
      const choice = await vscode.window.showWarningMessage(
        'A config would leave a director with nothing to serve; nothing was deployed.',
        { modal: true, detail: result.problems.join('\n') },
        confirm,
      );
      if (choice !== confirm) return;
      allowEmpty = true;
      continue;
    }
    if (result.hosts.some((h) => h.messages.some((m) => /authentication failed|wrong passphrase/.test(m))))
      await forgetSecrets(context.secrets, asked);
    const report = actionableReport(result, dryRun);
    output.appendLine(report.detail);
    if (result.ok) {
      const show = 'Show Diffs';
      if ((await vscode.window.showInformationMessage(report.summary, show)) === show) output.show(true);
    } else {
      output.show(true);
      // modal: the detail (every host, its state and what to do) is shown in full, not cut to one line
      void vscode.window.showErrorMessage(report.summary, { modal: true, detail: report.detail });
    }
    return result;
  }
}

async function runRollback(context: vscode.ExtensionContext, output: Output, analysisFor: AnalysisSource): Promise<void> {
  const spec = await loadSpec(output);
  if (!spec) return;
  const analysis = await analysisFor(configsOf(spec));
  const sure = 'Roll Back';
  if ((await vscode.window.showWarningMessage('Restore, on every host, the file that was live before the last successful deploy, and reload?', { modal: true }, sure)) !== sure) return;
  const r = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Keepalived rollback', cancellable: true },
    (progress, token) => {
      const ac = new AbortController();
      token.onCancellationRequested(() => ac.abort());
      return rollback({ spec, analysis, signal: ac.signal, events: events(context, output, (message) => progress.report({ message }), []) });
    },
  );
  output.show(true);
  if (r.ok) vscode.window.showInformationMessage('Rolled back every host.');
  else vscode.window.showErrorMessage(`Rollback incomplete: ${r.hosts.filter((h) => !h.ok).map((h) => `${h.name}: ${h.message}`).join('; ')}`);
}

async function runStatus(context: vscode.ExtensionContext, output: Output, analysisFor: AnalysisSource): Promise<void> {
  const spec = await loadSpec(output);
  if (!spec) return;
  const analysis = await analysisFor(configsOf(spec));
  const st = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Keepalived cluster status', cancellable: true },
    (_progress, token) => {
      const ac = new AbortController();
      token.onCancellationRequested(() => ac.abort());
      return clusterStatus({ spec, analysis, signal: ac.signal, callbacks: events(context, output, () => undefined, []) });
    },
  );
  output.appendLine(formatStatus(st));
  output.show(true);
}

/** Called when a deploy or dry run ends (the cluster view records it and refreshes). */
export type DeployEnded = (result: DeployResult, dryRun: boolean) => void;

export function registerDeployCommands(context: vscode.ExtensionContext, output: Output, analysisFor: AnalysisSource, onEnded?: DeployEnded): void {
  const deployThen = async (dryRun: boolean) => {
    const result = await runDeploy(context, output, analysisFor, dryRun);
    if (result) onEnded?.(result, dryRun);
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('keepalived.deployCluster', whenTrusted('Deploy Cluster', () => deployThen(false))),
    vscode.commands.registerCommand('keepalived.deployClusterDryRun', whenTrusted('Deploy Cluster (Dry Run)', () => deployThen(true))),
    vscode.commands.registerCommand('keepalived.rollbackCluster', whenTrusted('Roll Back Cluster', () => runRollback(context, output, analysisFor))),
    vscode.commands.registerCommand('keepalived.clusterStatus', whenTrusted('Cluster Status', () => runStatus(context, output, analysisFor))),
  );
}
