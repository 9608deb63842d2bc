/** The failover model as a table (text for hover and the CLI, plain data for JSON) and a one-line summary. */
import type { DirectorState, Outcome, VirtualRouter } from './model';

export interface FailoverRow {
  failure: string;
  /** per director, in the router's order: the effective priority, or FAULT / STOPPED / ISOLATED */
  priorities: (number | string)[];
  /** who may hold the VIPs afterwards (one when certain; none: no director holds them) */
  holders: string[];
  note?: string;
}

export interface FailoverTable {
  instance: string;
  syncGroup?: string;
  vips: string[];
  directors: { label: string; file: string; state: string; priority: number; nopreempt: boolean }[];
  splitBrain: string[];
  rows: FailoverRow[];
}

function cell(s: DirectorState): number | string {
  if (s.state === 'up') return s.priority;
  if (s.state === 'isolated') return `ISOLATED ${s.priority}`;
  return s.state === 'down' ? 'STOPPED' : 'FAULT';
}

function row(router: VirtualRouter, o: Outcome): FailoverRow {
  return {
    failure: o.failure.label,
    priorities: o.states.map(cell),
    holders: o.holders.map((h) => router.directors[h].label),
    note: o.uncertain,
  };
}

export function failoverTable(router: VirtualRouter): FailoverTable {
  return {
    instance: router.name,
    syncGroup: router.syncGroup,
    vips: router.directors[0].instance.vips.map((v) => v.value),
    directors: router.directors.map((d) => ({ label: d.label, file: d.file, state: d.instance.state?.value ?? 'BACKUP', priority: d.base, nopreempt: d.nopreempt })),
    splitBrain: router.deaf.map((p) => `${router.directors[p.a].label} and ${router.directors[p.b].label} cannot hear each other (${p.why}): both become MASTER`),
    rows: [row(router, router.baseline), ...router.outcomes.map((o) => row(router, o))],
  };
}

function holderText(r: FailoverRow): string {
  if (r.holders.length === 0) return 'nobody';
  return r.holders.length === 1 ? r.holders[0] : `${r.holders.join(' or ')} (?)`;
}

/** A plain-text table (monospace), used by the CLI and inside a code block in hovers. */
export function tableText(t: FailoverTable): string {
  const header = ['failure', ...t.directors.map((d) => d.label), 'VIP holder'];
  const body = t.rows.map((r) => [r.failure, ...r.priorities.map(String), holderText(r)]);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((b) => b[c].length)));
  const line = (cells: string[]) => cells.map((x, c) => x.padEnd(widths[c])).join(' | ').trimEnd();
  const lines = [
    `vrrp_instance ${t.instance}${t.syncGroup ? ` (sync group ${t.syncGroup})` : ''}: ${t.directors.map((d) => `${d.label} ${d.state} ${d.priority}${d.nopreempt ? ' nopreempt' : ''}`).join(', ')}`,
    line(header),
    widths.map((w) => '-'.repeat(w)).join('-|-'),
    ...body.map(line),
  ];
  const notes = t.rows.filter((r) => r.note).map((r) => `* ${r.failure}: ${r.note}`);
  return [...lines, ...t.splitBrain.map((s) => `! ${s}`), ...notes].join('\n');
}

/** One line for a code lens: how many failures move the VIP, or the first that leaves it in place. */
export function summary(router: VirtualRouter): string {
  const before = router.baseline.holders;
  if (router.deaf.length) return `split brain: ${router.directors[router.deaf[0].a].label} and ${router.directors[router.deaf[0].b].label} both MASTER`;
  if (before.length !== 1) return `${router.outcomes.length} failures: holder depends on start order`;
  const holder = before[0];
  // failures on the holder itself: does the VIP leave it?
  const onHolder = router.outcomes.filter((o) => o.failure.kind !== 'none' && 'director' in o.failure && o.failure.director === holder);
  const stays = onHolder.filter((o) => o.holders.length === 1 && o.holders[0] === holder);
  if (stays.length === 0) return `${onHolder.length} failures on ${router.directors[holder].label}: VIP moves in all`;
  return `${stays[0].failure.label.replace(/ on [^ ]+$/, '')}: VIP stays on ${router.directors[holder].label}${stays.length > 1 ? ` (+${stays.length - 1} more)` : ''}`;
}
