// An instance is IPv4 or IPv6 by the first address keepalived reads in it (vrrp_parser.c, vrrp_data.c): a VIP,
// mcast_src_ip or unicast_src_ip, a unicast peer, mcast_dst_ip, or native_ipv6. It skips every later address
// of the other family, with a message; VIPs of both families belong in virtual_ipaddress_excluded.
import type { Statement, Word } from '../../syntax';
import type { VrrpInstanceView } from '../../syntax/views';
import { addressPart } from '../argTypes';
import { ipFamily } from '../ipFamily';
import { collect, type ConfigUnit, type FileDiagnostic } from '../unit';

export interface FamilyReading {
  family?: 4 | 6;
  /** the VRRP version the instance sets itself: its first valid `version` (a later different one is ignored, and
   * `version 2` once the instance is IPv6), or 3 from native_ipv6 */
  version?: '2' | '3';
  /** the addresses (or native_ipv6) keepalived skips for not matching the family already set */
  skipped: { at: Word; line: Statement; what: string; family: 4 | 6 }[];
}

const SINGLE_ADDRESS = new Set(['mcast_src_ip', 'unicast_src_ip', 'mcast_dst_ip']);

const readings = new WeakMap<Statement, FamilyReading>();

/** several checks ask about the same instance: a statement's subtree never changes, so its reading neither */
export function readFamily(instance: Statement): FamilyReading {
  let reading = readings.get(instance);
  if (!reading) readings.set(instance, (reading = readFamilyOnce(instance)));
  return reading;
}

/** the family keepalived runs the instance with: its first address's, IPv4 when it has none */
export function instanceFamily(item: VrrpInstanceView): 4 | 6 {
  return readFamily(item.statement).family ?? 4;
}

/** the VIPs keepalived keeps: not those of the other family (an unreadable one is skipped too, as the schema says) */
export function keptVips(item: VrrpInstanceView, vips: readonly Statement[]): Statement[] {
  const { skipped } = readFamily(item.statement);
  if (skipped.length === 0) return [...vips];
  const dropped = new Set(skipped.map((s) => s.line));
  return vips.filter((vip) => !dropped.has(vip));
}

function readFamilyOnce(instance: Statement): FamilyReading {
  let family: 4 | 6 | undefined;
  let version: '2' | '3' | undefined;
  const skipped: FamilyReading['skipped'] = [];
  const meet = (line: Statement, at: Word, text: string, what: string) => {
    const found = ipFamily(addressPart(text));
    if (!found) return; // not an address: the schema says so
    if (family === undefined) family = found;
    else if (found !== family) skipped.push({ at, line, what, family: found });
  };
  let ipvlan = false;
  for (const s of instance.block?.statements ?? []) {
    if (s.name === 'use_ipvlan' && !ipvlan) {
      // only the first use_ipvlan line, and its first address, count
      ipvlan = true;
      const address = s.args.find((w, i) => s.args[i - 1]?.text !== 'name' && s.args[i - 1]?.text !== 'group' && ipFamily(w.text.split('/')[0]));
      if (address) meet(s, address, address.text.split('/')[0], 'use_ipvlan address');
    } else if (s.name === 'virtual_ipaddress') for (const vip of s.block?.statements ?? []) meet(vip, vip.keyword, vip.name, 'VIP');
    else if (s.name === 'unicast_peer') for (const peer of s.block?.statements ?? []) meet(peer, peer.keyword, peer.name, 'unicast peer');
    else if (SINGLE_ADDRESS.has(s.name) && s.args[0]) meet(s, s.args[0], s.args[0].text, s.name);
    else if (s.name === 'native_ipv6') {
      if (family === 4) skipped.push({ at: s.keyword, line: s, what: 'native_ipv6', family: 6 });
      else [family, version] = [6, '3'];
    } else if (s.name === 'version') {
      const word = s.args[0]?.text;
      if ((word === '2' || word === '3') && version === undefined && !(word === '2' && family === 6)) version = word;
    }
  }
  return { family, version, skipped };
}

export function checkInstanceFamilies(unit: ConfigUnit): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  for (const { file, item } of collect(unit, 'instances')) {
    const { family, skipped } = readFamily(item.statement);
    for (const { at, what, family: other } of skipped) out.push({ file, range: at.range, severity: 'error', code: 'ip-family-mismatch', message: message(item, what, at.text, other, family!) });
  }
  return out;
}

function message(item: VrrpInstanceView, what: string, text: string, other: 4 | 6, family: 4 | 6): string {
  const instance = `${item.name} is an IPv${family} instance (set by its first address)`;
  if (what === 'native_ipv6') return `native_ipv6 cannot follow IPv4 addresses: ${instance}, and keepalived ignores it`;
  const hint = what === 'VIP' ? '; list addresses of the other family under virtual_ipaddress_excluded' : '';
  return `${what} ${text} is IPv${other}, but ${instance}: keepalived skips it${hint}`;
}
