// The weights of tracked objects keepalived ignores when it completes an instance: in a sync group without
// sync_group_tracking_weight, and on the address owner (priority 255); and those of a sync group's own
// tracked objects when a member is the address owner. The failover model applies the same rules
// (failover/tracking.ts); this says so at the line that tracks the object.
import { definitionsOf, syncGroupTracks, trackedObjects, type TrackedObject } from '../failover/tracking';
import { collect, type ConfigUnit, type FileDiagnostic } from '../unit';
import { basePriority, OWNER_PRIORITY } from './instanceMode';

const WHAT: Record<TrackedObject['kind'], string> = { script: 'script', interface: 'interface', process: 'process', file: 'file', bfd: 'BFD' };

export function checkIgnoredWeights(unit: ConfigUnit): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  const scripts = new Map(collect(unit, 'scripts').map(({ item }) => [item.name, item]));
  const groups = collect(unit, 'syncGroups').map(({ item }) => item);
  const definitions = definitionsOf(unit);
  for (const { file, item } of collect(unit, 'instances')) {
    const base = basePriority(item);
    const syncGroup = groups.find((g) => g.members.some((m) => m.value === item.name));
    for (const t of trackedObjects(item, base, { scripts, definitions, syncGroup }, false)) {
      if (t.fromSyncGroup || !t.changedBy) continue;
      const owner = t.changedBy === 'owner';
      const why = owner ? `'${item.name}' has priority ${OWNER_PRIORITY} (the address owner)` : `'${item.name}' is in sync group '${syncGroup!.name}' without sync_group_tracking_weight`;
      out.push({ file, range: t.statement.range, severity: 'warning', code: owner ? 'weight-with-owner' : 'weight-in-sync-group', message: `${consequence(t)}: ${why}` });
    }
  }
  const instances = new Map(collect(unit, 'instances').map(({ item }) => [item.name, item]));
  for (const { file, item: group } of collect(unit, 'syncGroups')) {
    const owner = group.members.map((m) => instances.get(m.value)).find((i) => i && basePriority(i) === OWNER_PRIORITY);
    if (!owner) continue;
    for (const t of syncGroupTracks(group, { scripts, definitions }, true)) {
      if (t.changedBy !== 'owner') continue;
      const message = `keepalived sets the weight of tracked ${WHAT[t.kind]} '${t.name}' to 0, so its failure puts every member of '${group.name}' in FAULT instead of lowering the priority: member '${owner.name}' has priority ${OWNER_PRIORITY} (the address owner)`;
      out.push({ file, range: t.statement.range, severity: 'warning', code: 'weight-with-owner', message });
    }
  }
  return out;
}

/** what keepalived does with the object, in words */
function consequence(t: TrackedObject): string {
  const name = `tracked ${WHAT[t.kind]} '${t.name}'`;
  if (t.effect === 'fault') return `keepalived drops the weight of ${name}, so its failure puts the instance in FAULT instead of lowering the priority`;
  if (t.kind === 'interface') return `keepalived stops tracking interface '${t.name}'`;
  return `keepalived drops weighted ${name}, so its failure changes nothing (remove the weight to make it fault the instance)`;
}
