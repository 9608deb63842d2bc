// How many VIPs one advert carries (vrrp.c, vrrp_complete_instance): the count field is 8 bits wide, and the
// addresses must fit an Ethernet frame of the interface's MTU. keepalived moves the VIPs past the limit to the
// excluded ones, which it does not advertise.
import type { Statement } from '../../syntax';
import { addressKey, ipFamily } from '../ipFamily';
import type { FileDiagnostic } from '../unit';
import type { VrrpInstanceView } from '../../syntax/views';
import { readFamily } from './instanceFamily';

/** the 8-bit address count of an advert */
const MAX_ADDRESSES = 255;
/** at MTU 1500: (1500 - Ethernet 14 - IPv6 40 - VRRP 8) / 16 bytes a VIP */
const MAX_IPV6_AT_1500 = 89;

export function advertRoomFindings(file: string, item: VrrpInstanceView, vips: readonly Statement[]): FileDiagnostic[] {
  const family = readFamily(item.statement).family ?? 4;
  const seen = new Set<string>();
  const counted: Statement[] = [];
  for (const vip of vips) {
    const address = vip.name.split('/')[0];
    if (ipFamily(address) !== family) continue;
    const key = addressKey(address);
    if (seen.has(key)) continue;
    seen.add(key);
    counted.push(vip);
  }
  const max = family === 6 ? MAX_IPV6_AT_1500 : MAX_ADDRESSES;
  const first = counted[max];
  if (!first) return [];
  const limit = family === 6 ? `${max} IPv6 addresses fit an advert on an interface of MTU 1500` : `an advert carries at most ${max} addresses`;
  return [{ file, range: first.keyword.range, severity: 'warning', code: 'ineffective-setting', message: `${item.name} has ${counted.length} VIPs and ${limit}: keepalived moves this one and those after it to the excluded VIPs, which it does not advertise` }];
}
