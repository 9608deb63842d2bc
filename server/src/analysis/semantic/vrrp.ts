import { collect, type ConfigUnit, type FileDiagnostic } from '../unit';
import { instanceFamily } from './instanceFamily';
import { vridsClash } from './vridConflict';

/** keepalived sends at most 8 characters of a PASS authentication password. */
export const AUTH_PASS_MAX = 8;

/** Checks of each vrrp_instance on its own, and of instances against each other in one config. */
export function checkVrrp(unit: ConfigUnit): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  const instances = collect(unit, 'instances');

  for (const { file, item } of instances) {
    if (item.authPass && item.authPass.value.length > AUTH_PASS_MAX) {
      out.push({
        file,
        range: item.authPass.word.range,
        severity: 'warning',
        code: 'auth-pass-too-long',
        message: `auth_pass is ${item.authPass.value.length} characters; keepalived uses only the first ${AUTH_PASS_MAX}, so peers configured with the full string may not match`,
        fix: [{ title: `Cut to ${AUTH_PASS_MAX} characters`, range: item.authPass.word.range, newText: item.authPass.value.slice(0, AUTH_PASS_MAX) }],
      });
    }
    for (const tracked of item.trackInterfaces) {
      if (item.iface && tracked.name === item.iface.value) {
        out.push({
          file,
          range: tracked.statement.keyword.range,
          severity: 'warning',
          code: 'track-own-interface',
          message: `track_interface '${tracked.name}' is the instance's own interface, which keepalived always tracks; it ignores this entry`,
        });
      }
    }
  }

  const byKey = new Map<string, (typeof instances)[number][]>();
  for (const entry of instances) {
    const { item } = entry;
    if (!item.vrid || !item.iface) continue;
    // an instance's family is its first address's: a VIP of the other family is skipped, not a reason to move it
    const family = instanceFamily(item);
    const key = `${item.iface.value}/${item.vrid.value}/${family}`;
    const earlier = byKey.get(key) ?? [];
    const other = earlier.find((e) => vridsClash(e.item, item));
    earlier.push(entry);
    byKey.set(key, earlier);
    if (other) {
      out.push({
        file: entry.file,
        range: item.vrid.word.range,
        severity: 'error',
        code: 'vrid-conflict',
        message: `${other.item.name} and ${item.name} both use VRID ${item.vrid.value} with IPv${family} on interface ${item.iface.value}; each instance on a link needs its own virtual_router_id`,
        related: [{ file: other.file, range: other.item.vrid!.word.range, message: `${other.item.name} uses VRID ${item.vrid.value}` }],
      });
    }
  }
  return out;
}
