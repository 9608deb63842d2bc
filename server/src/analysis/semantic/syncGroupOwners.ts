// keepalived starts a sync group as MASTER only while every member read so far is an address owner with
// `state MASTER` and `priority 255`; a later member with `state BACKUP` then breaks the group, and keepalived
// says so as a configuration error (vrrp_sync.c, vrrp_sync_set_group). It looks before it completes the
// instances: only the state and priority written count, not those it derives from each other.
import { all, type VrrpInstanceView } from '../../syntax/views';
import { collect, type ConfigUnit, type FileDiagnostic } from '../unit';
import { basePriority, initialState, OWNER_PRIORITY } from './instanceMode';

export function checkSyncGroupOwners(unit: ConfigUnit): FileDiagnostic[] {
  const groups = collect(unit, 'syncGroups');
  if (groups.length === 0) return [];
  const out: FileDiagnostic[] = [];
  const instances = new Map(collect(unit, 'instances').map(({ item }) => [item.name, item]));
  const grouped = new Set<string>();
  for (const { file, item: group } of groups) {
    let groupState: 'MASTER' | 'BACKUP' | undefined;
    const owners: string[] = [];
    for (const member of group.members) {
      const instance = instances.get(member.value);
      // an instance stays in the first sync group that names it
      if (!instance || grouped.has(member.value)) continue;
      grouped.add(member.value);
      const state = initialState(instance);
      if (groupState === 'MASTER' && state === 'BACKUP') {
        out.push({
          file,
          range: member.word.range,
          severity: 'error',
          code: 'ineffective-setting',
          message: `${member.value} has state BACKUP while ${owners.join(', ')} before it in sync group ${group.name} ${owners.length === 1 ? 'is an address owner' : 'are address owners'} (MASTER, priority 255): keepalived says this won't work. Make every member an address owner, or none`,
        });
      }
      if (groupState !== 'BACKUP') groupState = state === 'MASTER' && writesOwnerPriority(instance) ? 'MASTER' : 'BACKUP';
      if (groupState === 'MASTER') owners.push(member.value);
    }
  }
  return out;
}

function writesOwnerPriority(instance: VrrpInstanceView): boolean {
  return all(instance.statement, 'priority').length > 0 && basePriority(instance) === OWNER_PRIORITY;
}
