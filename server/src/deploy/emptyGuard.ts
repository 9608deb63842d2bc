/**
 * A deploy that would leave a director with nothing to do: an empty or comment-only config, or one that
 * drops every vrrp_instance or every VIP the host's current config has. Keepalived accepts such a file
 * and quietly stops serving, so the deploy refuses it unless the user confirms (`--allow-empty`).
 */
import type { ConfigFacts } from './analysis';

const vipCount = (f: ConfigFacts) => f.instances.reduce((n, i) => n + i.vips.length, 0);

/** Why the new config empties the director, or undefined when it does not. */
export function emptiesDirector(next: ConfigFacts, current: ConfigFacts | undefined): string | undefined {
  if (next.instances.length === 0 && next.virtualServers.length === 0)
    return 'the new config has no vrrp_instance and no virtual_server (empty or comments only)';
  if (current && current.instances.length > 0 && next.instances.length === 0)
    return `the new config removes every vrrp_instance (the host's current config has ${current.instances.length})`;
  if (current && vipCount(current) > 0 && vipCount(next) === 0)
    return `the new config removes every VIP (the host's current config has ${vipCount(current)})`;
  return undefined;
}
