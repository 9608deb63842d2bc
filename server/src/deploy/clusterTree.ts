/**
 * The live cluster view's contents, as plain data (the VS Code tree view only draws it): each director
 * with keepalived's state, each VRRP instance's role as the VIPs show it, who holds each VIP, whether the
 * deployed config is the local one (SHA-256), and the last deploy.
 */
import type { ConfigFacts } from '../analysis/facts';
import type { ClusterSpec } from './clusterFile';
import type { ClusterStatus } from './status';

export type TreeIcon = 'cluster' | 'director' | 'instance' | 'vip' | 'ok' | 'warning' | 'error' | 'info';

export interface TreeNode {
  label: string;
  description?: string;
  tooltip?: string;
  icon: TreeIcon;
  children?: TreeNode[];
}

export interface LastDeploy {
  /** ISO time the run ended */
  at: string;
  dryRun: boolean;
  outcome: string;
  ok: boolean;
}

export interface ClusterTreeInput {
  /** the cluster file, as the user knows it (relative path) */
  name: string;
  spec: ClusterSpec;
  /** facts of each director's local config, by config path */
  facts: ReadonlyMap<string, ConfigFacts>;
  /** SHA-256 of each director's local config, by config path */
  localSha256: ReadonlyMap<string, string>;
  /** the latest status over SSH; undefined until the user refreshes */
  status?: ClusterStatus;
  /** when the status was taken */
  refreshedAt?: string;
  lastDeploy?: LastDeploy;
}

const bare = (vip: string) => vip.replace(/\/\d+$/, '');

export function clusterTree(input: ClusterTreeInput): TreeNode {
  const { spec, status } = input;
  const children: TreeNode[] = [];
  if (!status) children.push({ label: 'Not checked yet', description: 'Refresh to ask the directors over SSH', icon: 'info' });
  else {
    for (const v of status.vips) {
      const held = v.heldBy.length === 1 ? `held by ${v.heldBy[0]}` : v.heldBy.length === 0 ? 'held by no director' : `held by SEVERAL: ${v.heldBy.join(', ')}`;
      children.push({ label: `VIP ${v.vip}`, description: held, icon: v.heldBy.length === 1 ? 'vip' : 'error' });
    }
  }
  for (const director of spec.directors) {
    const live = status?.directors.find((d) => d.name === director.name);
    const facts = input.facts.get(director.config);
    const local = input.localSha256.get(director.config);
    const instances: TreeNode[] = (facts?.instances ?? []).map((instance) => {
      const vips = instance.vips.map(bare);
      let role = 'unknown until refreshed';
      let icon: TreeIcon = 'instance';
      if (live && !live.reachable) role = 'unreachable';
      else if (live && live.keepalived !== 'active') role = 'keepalived not running';
      else if (live) {
        const holds = vips.length > 0 && vips.every((v) => live.heldVips.includes(v));
        role = holds ? `MASTER (holds ${vips.join(', ')})` : 'BACKUP';
      }
      if (live && (!live.reachable || live.keepalived !== 'active')) icon = 'warning';
      return { label: instance.name, description: role, tooltip: `configured: ${instance.state ?? 'BACKUP'} priority ${instance.priority ?? 100}`, icon };
    });
    let description = 'not checked yet';
    let icon: TreeIcon = 'director';
    const notes: TreeNode[] = [];
    if (live) {
      if (!live.reachable) {
        description = 'unreachable';
        icon = 'error';
        notes.push({ label: live.error ?? 'unreachable', icon: 'error' });
      } else {
        const same = live.deployedSha256 !== undefined && live.deployedSha256 === local;
        description = `keepalived ${live.keepalived} · ${live.deployedSha256 === undefined ? 'no config at ' + director.remotePath : same ? 'deployed = local' : 'deployed ≠ local'}`;
        if (live.keepalived !== 'active' || !same) icon = 'warning';
        notes.push({
          label: same ? 'Deployed config equals the local one' : 'Deployed config differs from the local one',
          description: `sha256 ${live.deployedSha256?.slice(0, 12) ?? '-'} (local ${local?.slice(0, 12) ?? '-'})`,
          icon: same ? 'ok' : 'warning',
        });
      }
    }
    children.push({ label: director.name, description, tooltip: `${director.host} → ${director.remotePath}`, icon, children: [...instances, ...notes] });
  }
  const last = input.lastDeploy;
  children.push(
    last
      ? { label: `Last ${last.dryRun ? 'dry run' : 'deploy'}`, description: `${last.at.replace('T', ' ').slice(0, 19)} · ${last.outcome}`, icon: last.ok ? 'ok' : 'error' }
      : { label: 'No deploy from this workspace yet', icon: 'info' },
  );
  return {
    label: input.name,
    description: input.refreshedAt ? `checked ${input.refreshedAt.replace('T', ' ').slice(11, 19)}` : undefined,
    icon: 'cluster',
    children,
  };
}
