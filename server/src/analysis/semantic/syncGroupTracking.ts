// A sync group's track_interface applies to every member; keepalived reports an interface that a member
// already tracks itself (vrrp.c, when it adds the tracking), and keeps the sync group's weight for it.
import { all, type VrrpInstanceView } from '../../syntax/views';
import { includeDirective } from '../../schema';
import { collect, type ConfigUnit, type FileDiagnostic } from '../unit';

export function checkSyncGroupTracking(unit: ConfigUnit): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  const instances = new Map(collect(unit, 'instances').map(({ item }) => [item.name, item]));
  const grouped = new Set<string>();
  for (const { file, item: group } of collect(unit, 'syncGroups')) {
    // an instance stays in the first sync group that names it
    const members = group.members.map((m) => m.value).filter((name) => instances.has(name) && !grouped.has(name));
    members.forEach((name) => grouped.add(name));
    for (const entry of all(group.statement, 'track_interface').flatMap((block) => block.block?.statements ?? [])) {
      if (includeDirective(entry.name)) continue;
      const twice = members.filter((name) => ownTracking(instances.get(name)!).has(entry.name));
      if (twice.length === 0) continue;
      out.push({
        file,
        range: entry.keyword.range,
        severity: 'warning',
        code: 'tracked-by-sync-group',
        message: `${twice.join(', ')} already track${twice.length === 1 ? 's' : ''} ${entry.name} (as interface or in track_interface): keepalived tracks it twice and keeps the sync group's weight. Track it in one place`,
      });
    }
  }
  return out;
}

/** the interfaces an instance tracks by itself: its track_interface entries, and its own interface unless dont_track_primary */
function ownTracking(instance: VrrpInstanceView): Set<string> {
  const tracked = new Set(instance.trackInterfaces.map((t) => t.name));
  if (instance.iface && all(instance.statement, 'dont_track_primary').length === 0) tracked.add(instance.iface.value);
  return tracked;
}
