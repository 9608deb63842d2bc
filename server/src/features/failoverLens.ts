/**
 * The failover model in the editor: a hover on vrrp_instance / vrrp_sync_group with the failover table, a
 * code lens above each instance with its summary (its command opens the full table), and an inlay hint
 * after each tracked object with the priority its failure leaves. Plain LSP data, no connection.
 */
import type { CodeLens, InlayHint, Position } from 'vscode-languageserver';
import { cachedFailoverModel, outcomeFrom, type VirtualRouter } from '../analysis/failover/model';
import { failoverTable, summary, tableText } from '../analysis/failover/table';
import type { Statement } from '../syntax';
import type { FeatureState } from './related';

export { SHOW_FAILOVER_TABLE } from './failoverCommand';
import { SHOW_FAILOVER_TABLE } from './failoverCommand';

/** The virtual routers a file takes part in (none when it is in no cluster: then nothing is computed). */
function routersOf(state: FeatureState, path: string): VirtualRouter[] {
  const clusters = state.analysis().clusters.filter((c) => c.members.length > 1 && c.members.some((u) => u.files.includes(path)));
  return clusters.flatMap(cachedFailoverModel);
}

/** The tables of the routers whose instance (or sync group) is declared by this statement, as Markdown. */
export function failoverMarkdown(routers: VirtualRouter[]): string {
  return routers.map((r) => '```text\n' + tableText(failoverTable(r)) + '\n```').join('\n\n');
}

function routersAt(state: FeatureState, path: string, statement: Statement): VirtualRouter[] {
  const name = statement.args[0]?.text;
  const routers = routersOf(state, path);
  if (statement.name === 'vrrp_instance') return routers.filter((r) => r.name === name && r.directors.some((d) => d.file === path && d.instance.statement === statement));
  if (statement.name === 'vrrp_sync_group') return routers.filter((r) => r.directors.some((d) => d.file === path && d.syncGroup?.statement === statement));
  return [];
}

function contains(statement: Statement, position: Position): boolean {
  const r = statement.keyword.range;
  return r.start.line === position.line && position.character >= r.start.character && position.character <= r.end.character;
}

/** Hover Markdown for the keyword of a vrrp_instance / vrrp_sync_group, or undefined elsewhere. */
export function failoverHover(state: FeatureState, path: string, position: Position): string | undefined {
  const file = state.workspace.parsedWithEveryConditionalLine(path);
  const statement = file?.statements.find((s) => (s.name === 'vrrp_instance' || s.name === 'vrrp_sync_group') && contains(s, position));
  if (!statement) return undefined;
  const routers = routersAt(state, path, statement);
  return routers.length ? `**Failover** (what keepalived does on each single failure)\n\n${failoverMarkdown(routers)}` : undefined;
}

export function failoverCodeLenses(state: FeatureState, path: string): CodeLens[] {
  const uri = state.pathToUri(path);
  return routersOf(state, path).flatMap((router) =>
    router.directors
      .filter((d) => d.file === path)
      .map((d) => ({
        range: d.instance.statement.keyword.range,
        command: { title: `failover: ${summary(router)}`, command: SHOW_FAILOVER_TABLE, arguments: [uri, router.name] },
      })),
  );
}

/** The full table of one instance, for the lens's command. */
export function failoverTableMarkdown(state: FeatureState, path: string, instance: string): string | undefined {
  const routers = routersOf(state, path).filter((r) => r.name === instance);
  return routers.length ? `# Failover of vrrp_instance ${instance}\n\n${failoverMarkdown(routers)}\n` : undefined;
}

/** After each tracked object of an instance: its director's priority when it fails, and the VIP holder then. */
export function failoverInlayHints(state: FeatureState, path: string): InlayHint[] {
  const hints: InlayHint[] = [];
  for (const router of routersOf(state, path)) {
    const master = router.baseline.holders.length === 1 ? router.baseline.holders[0] : undefined;
    router.directors.forEach((d, i) => {
      if (d.file !== path) return;
      for (const t of d.tracked) {
        if (t.fromSyncGroup) continue;
        const end = t.statement.range.end;
        if (t.effect === 'ignored' || t.effect === 'unmodelled') {
          hints.push({ position: end, label: t.effect === 'ignored' ? ` ignored: ${t.note}` : ` not modelled: ${t.note}`, paddingLeft: true });
          continue;
        }
        const listed = router.outcomes.find((o) => o.failure.kind === 'tracked' && o.failure.object === t);
        if (!listed) continue;
        // from the one MASTER there is; else the table's row, every holder any start can lead to
        const o = master !== undefined ? outcomeFrom(router.directors, listed.failure, master) : listed;
        const s = o.states[i];
        const priority = s.state === 'up' ? `priority ${s.priority}` : s.state.toUpperCase();
        const holder = o.holders.length === 1 ? router.directors[o.holders[0]].label : o.holders.length ? 'undecided' : 'nobody';
        hints.push({ position: end, label: ` down → ${priority}, VIP on ${holder}`, paddingLeft: true });
      }
    });
  }
  return hints;
}
