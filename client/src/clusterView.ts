/**
 * The Explorer's "Keepalived Cluster" view: every keepalived-cluster.json of the workspace, drawn from
 * clusterTree (server/src/deploy/clusterTree.ts). It asks the directors over SSH only when the user
 * refreshes it or a deploy ends, never on its own, and never in Restricted Mode.
 */
import * as vscode from 'vscode';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AnalysisFns } from '../../server/src/deploy/analysis';
import { CLUSTER_FILE_NAME, parseClusterFile, type ClusterSpec } from '../../server/src/deploy/clusterFile';
import { clusterTree, type LastDeploy, type TreeIcon, type TreeNode } from '../../server/src/deploy/clusterTree';
import { clusterStatus, type ClusterStatus } from '../../server/src/deploy/status';
import type { ConfigFacts } from '../../server/src/analysis/facts';
import type { SshCallbacks } from '../../server/src/deploy/ssh';

const ICONS: Record<TreeIcon, string> = {
  cluster: 'server-environment',
  director: 'server',
  instance: 'pulse',
  vip: 'globe',
  ok: 'pass',
  warning: 'warning',
  error: 'error',
  info: 'info',
};
const LAST_DEPLOY_KEY = 'keepalived.lastDeploy';

interface Entry {
  uri: vscode.Uri;
  spec?: ClusterSpec;
  problem?: string;
  status?: ClusterStatus;
  refreshedAt?: string;
}

function sha256(path: string): string | undefined {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch {
    return undefined;
  }
}

export class ClusterView implements vscode.TreeDataProvider<TreeNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private entries: Entry[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly analysisFor: (configs: string[]) => Promise<AnalysisFns>,
    private readonly callbacks: () => SshCallbacks,
  ) {}

  /** Re-reads the cluster files; with `live`, also asks every director over SSH. */
  async refresh(live: boolean): Promise<void> {
    const uris = await vscode.workspace.findFiles(`**/${CLUSTER_FILE_NAME}`, '**/node_modules/**', 20);
    const previous = new Map(this.entries.map((e) => [e.uri.toString(), e]));
    this.entries = uris.map((uri) => {
      const parsed = parseClusterFile(readFileSync(uri.fsPath, 'utf8'), dirname(uri.fsPath));
      const old = previous.get(uri.toString());
      return parsed.ok ? { uri, spec: parsed.spec, status: old?.status, refreshedAt: old?.refreshedAt } : { uri, problem: `${parsed.errors.length} problem(s) in the file` };
    });
    void vscode.commands.executeCommand('setContext', 'keepalived.hasClusterFile', this.entries.length > 0);
    this.changed.fire();
    if (!live) return;
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('Refreshing the cluster view is disabled in Restricted Mode: it connects to the directors over SSH. Trust this workspace to use it.');
      return;
    }
    await vscode.window.withProgress({ location: { viewId: 'keepalived.clusterView' }, cancellable: false }, async () => {
      for (const entry of this.entries) {
        if (!entry.spec) continue;
        const analysis = await this.analysisFor([...new Set(entry.spec.directors.map((d) => d.config))]).catch(() => undefined);
        entry.status = await clusterStatus({ spec: entry.spec, analysis, callbacks: this.callbacks() });
        entry.refreshedAt = new Date().toISOString();
        this.changed.fire();
      }
    });
  }

  recordDeploy(clusterFile: string | undefined, last: LastDeploy): void {
    void this.context.workspaceState.update(`${LAST_DEPLOY_KEY}:${clusterFile ?? ''}`, last);
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (node) return node.children ?? [];
    const roots: TreeNode[] = [];
    for (const entry of this.entries) {
      const name = vscode.workspace.asRelativePath(entry.uri);
      if (!entry.spec) {
        roots.push({ label: name, description: entry.problem, icon: 'error' });
        continue;
      }
      const facts = new Map<string, ConfigFacts>();
      const analysis = await this.analysisFor(entry.spec.directors.map((d) => d.config)).catch(() => undefined);
      for (const d of entry.spec.directors) {
        try {
          if (analysis) facts.set(d.config, analysis.configFacts(d.config));
        } catch {
          // a config that cannot be read shows no instances
        }
      }
      const localSha256 = new Map(entry.spec.directors.map((d) => [d.config, sha256(d.config) ?? '']));
      const lastDeploy =
        this.context.workspaceState.get<LastDeploy>(`${LAST_DEPLOY_KEY}:${entry.uri.fsPath}`) ??
        this.context.workspaceState.get<LastDeploy>(`${LAST_DEPLOY_KEY}:`);
      roots.push(clusterTree({ name, spec: entry.spec, facts, localSha256, status: entry.status, refreshedAt: entry.refreshedAt, lastDeploy }));
    }
    return roots;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const state = node.children?.length
      ? node.icon === 'cluster'
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed
      : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(node.label, state);
    item.description = node.description;
    item.tooltip = node.tooltip;
    const color = node.icon === 'error' ? 'errorForeground' : node.icon === 'warning' ? 'editorWarning.foreground' : node.icon === 'ok' ? 'testing.iconPassed' : undefined;
    item.iconPath = new vscode.ThemeIcon(ICONS[node.icon], color ? new vscode.ThemeColor(color) : undefined);
    return item;
  }
}
