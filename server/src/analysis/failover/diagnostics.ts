/**
 * Findings of the failover model, each only where the model is certain (one baseline holder, one holder
 * after the failure), each pointing at the peers' lines:
 * - failover-vip-stays: a tracked object fails on the MASTER and the VIP stays there;
 * - failover-track-ignored: keepalived drops or changes a tracked object's weight (sync group, priority
 *   255) where the per-file checks do not already say so;
 * - failover-other-service: a failure sends the VIP to a director whose virtual_servers differ.
 * Split brain by config (auth or unicast peers) is already reported by the cluster checks
 * (cluster-auth-*-mismatch, cluster-unicast-asymmetric); the model shows it in the table.
 */
import type { RelatedInformation } from '../../syntax';
import type { Cluster } from '../cluster/grouping';
import type { FileDiagnostic } from '../unit';
import { cachedFailoverModel, type Director, type VirtualRouter } from './model';

function priorityLine(d: Director): RelatedInformation {
  return { file: d.file, range: d.instance.priority?.word.range ?? d.instance.statement.keyword.range, message: `${d.label}: priority ${d.base}` };
}

/** `existing`: the cluster's other findings, to leave alone what they already report. */
export function failoverDiagnostics(cluster: Cluster, existing: readonly FileDiagnostic[]): FileDiagnostic[] {
  if (cluster.members.length < 2) return [];
  const routers = cachedFailoverModel(cluster);
  if (routers.length === 0) return [];
  const reported = new Set(existing.map((d) => `${d.file}|${d.range.start.line}|${d.code}`));
  const out: FileDiagnostic[] = [];
  for (const router of routers) {
    staysOnFailed(router, reported, out);
    ignoredTracks(router, out);
    otherService(router, existing, out);
  }
  return out;
}

function staysOnFailed(router: VirtualRouter, reported: Set<string>, out: FileDiagnostic[]): void {
  if (router.deaf.length || router.baseline.holders.length !== 1) return;
  const holder = router.baseline.holders[0];
  const d = router.directors[holder];
  for (const o of router.outcomes) {
    if (o.failure.kind !== 'tracked' || o.failure.director !== holder || o.holders.length !== 1 || o.holders[0] !== holder) continue;
    const t = o.failure.object;
    if (t.effect !== 'weight' || t.fromSyncGroup || !d.tracked.includes(t)) continue;
    // the cluster check says the same of a plain weight on the MASTER
    if (reported.has(`${d.file}|${t.statement.range.start.line}|cluster-weight-too-small`)) continue;
    const s = o.states[holder];
    const peers = router.directors.filter((p) => p !== d);
    out.push({
      file: d.file,
      range: t.statement.range,
      severity: 'warning',
      code: 'failover-vip-stays',
      message: `When ${t.kind} '${t.name}' fails here, ${d.label} keeps priority ${s.state === 'up' ? s.priority : '?'} and the VIP of '${router.name}' stays on it: this check never moves the VIP`,
      related: peers.map(priorityLine),
    });
  }
}

function ignoredTracks(router: VirtualRouter, out: FileDiagnostic[]): void {
  for (const d of router.directors) {
    for (const t of d.tracked) {
      if (t.fromSyncGroup || !t.note || t.effect === 'unmodelled' || t.note.startsWith('its own interface') || t.note.startsWith('no definition')) continue;
      // semantic/vrrp.ts (weight-in-sync-group) already reports a weight on the track_script line of a sync group member
      if (t.kind === 'script' && d.syncGroup && t.statement.args.some((a) => a.text === 'weight')) continue;
      out.push({
        file: d.file,
        range: t.statement.range,
        severity: 'warning',
        code: 'failover-track-ignored',
        message:
          t.effect === 'ignored'
            ? `keepalived ignores tracked ${t.kind} '${t.name}' of '${d.instance.name}' (${t.note}): its failure changes nothing`
            : `keepalived turns the weight of tracked ${t.kind} '${t.name}' of '${d.instance.name}' into 0 (${t.note.replace(/^weight set to 0: /, '')}): its failure puts the instance in FAULT`,
        related: d.syncGroup ? [{ file: d.file, range: d.syncGroup.statement.keyword.range, message: `vrrp_sync_group ${d.syncGroup.name}` }] : undefined,
      });
    }
  }
}

function otherService(router: VirtualRouter, existing: readonly FileDiagnostic[], out: FileDiagnostic[]): void {
  if (router.deaf.length || router.baseline.holders.length !== 1) return;
  const from = router.directors[router.baseline.holders[0]];
  const differs = (d: Director) => existing.filter((f) => (f.code === 'cluster-service-mismatch' || f.code === 'cluster-service-missing') && d.files.includes(f.file));
  const seen = new Set<Director>();
  for (const o of router.outcomes) {
    if (o.holders.length !== 1) continue;
    const to = router.directors[o.holders[0]];
    if (to === from || seen.has(to)) continue;
    const theirs = differs(to);
    if (!theirs.length) continue;
    seen.add(to);
    out.push({
      file: from.file,
      range: from.instance.statement.keyword.range,
      severity: 'information',
      code: 'failover-other-service',
      message: `On ${o.failure.label} the VIP of '${router.name}' moves to ${to.label}, whose virtual_servers differ from this director's`,
      related: theirs.slice(0, 5).map((f) => ({ file: f.file, range: f.range, message: f.message })),
    });
  }
}
