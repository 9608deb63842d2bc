// keepalived removes, once the config is read, every vrrp_script that no instance tracks (vrrp.c: "Warning -
// script %s is not used"); the running daemon says so, `keepalived -t` stops before it. A sync group's
// track_script counts: keepalived hands it to the group's members.
import { all } from '../../syntax/views';
import { collect, readInside, type ConfigUnit, type FileDiagnostic } from '../unit';

export function checkUnusedScripts(unit: ConfigUnit): FileDiagnostic[] {
  const scripts = collect(unit, 'scripts');
  if (scripts.length === 0) return [];
  const tracked = new Set<string>();
  const trackers = [...collect(unit, 'instances'), ...collect(unit, 'syncGroups')];
  for (const { item } of trackers) {
    for (const block of all(item.statement, 'track_script')) for (const entry of readInside(unit, block)) tracked.add(entry.name);
  }
  return scripts
    .filter(({ item }) => item.name && !tracked.has(item.name))
    .map(({ file, item }) => ({
      file,
      range: item.statement.keyword.range,
      severity: 'warning' as const,
      code: 'ineffective-setting' as const,
      message: `vrrp_script '${item.name}' is tracked by no vrrp_instance or vrrp_sync_group: keepalived removes it when it starts ("script ${item.name} is not used") and never runs it`,
    }));
}
