import type { VrrpInstanceView } from '../../syntax/views';

/** The value of the last `keyword` line directly in the instance's block. */
function lastValue(instance: VrrpInstanceView, keyword: string): string | undefined {
  const lines = instance.statement.block?.statements ?? [];
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i].name === keyword) return lines[i].args[0]?.text;
  return undefined;
}

/**
 * Whether two instances with the same VRID, address family and interface really clash, as keepalived's
 * start-up check decides (vrrp.c, the same in 2.2.7 and 2.4.3): unicast and multicast instances use
 * separate VRID spaces; multicast ones clash only when they send to the same group; unicast ones only when
 * they send from the same address to a peer they share. An address the config leaves to the interface
 * counts as unknown on one side only, so no clash is claimed then.
 */
export function vridsClash(a: VrrpInstanceView, b: VrrpInstanceView): boolean {
  const unicastA = a.unicastPeers.length > 0;
  const unicastB = b.unicastPeers.length > 0;
  if (unicastA !== unicastB) return false;
  if (!unicastA) return (lastValue(a, 'mcast_dst_ip') ?? '') === (lastValue(b, 'mcast_dst_ip') ?? '');
  const sourceA = a.unicastSrcIp?.value;
  const sourceB = b.unicastSrcIp?.value;
  if (sourceA !== sourceB) return false;
  const peersA = new Set(a.unicastPeers.map((p) => p.value));
  return b.unicastPeers.some((p) => peersA.has(p.value));
}
