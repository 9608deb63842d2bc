// An instance's use_ipvlan words and its vrf, as keepalived reads them (vrrp_parser.c) and completes the
// instance (vrrp.c): one mode, one address and one interface name per use_ipvlan (the first of each), a
// name shorter than 16 characters; a vrf only on a unicast instance without `interface`.
import type { Statement } from '../../syntax';
import { all, type VrrpInstanceView } from '../../syntax/views';
import { readableAddress } from '../ipFamily';
import type { FileDiagnostic } from '../unit';
import { readFamily } from './instanceFamily';
import { withoutInterface } from './instanceInterface';
import { blockSpec, keywordSpec } from '../../schema';
import { knownTo } from '../versions';

const IPVLAN_MODES = new Set(['bridge', 'private', 'vepa']);
/** the release from which `name IFNAME` names the ipvlan (before, `name` is the name) */
const IPVLAN_NAME_WORD_SINCE = '2.3.0';
/** IFNAMSIZ: an interface name and its terminating NUL */
const MAX_NAME = 15;

export function ipvlanVrfFindings(file: string, item: VrrpInstanceView, keepalivedVersion: string | undefined): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  const known = (keyword: string) => knownTo(keywordSpec(blockSpec('vrrp_instance')!, keyword)?.since, keepalivedVersion);
  // a second use_ipvlan line is ignored whole (the schema's keepsFirst)
  const ipvlan = known('use_ipvlan') ? all(item.statement, 'use_ipvlan').at(0) : undefined;
  if (ipvlan) out.push(...ipvlanWordFindings(file, ipvlan, knownTo(IPVLAN_NAME_WORD_SINCE, keepalivedVersion)));
  if (ipvlan && !ipvlan.args.some((w) => readableAddress(w.text)) && (readFamily(item.statement).family ?? 4) === 4) {
    out.push({ file, range: ipvlan.keyword.range, severity: 'error', code: 'missing-required', message: `An IPv4 ipvlan needs its own address on the use_ipvlan line (ADDRESS/PREFIX): without one keepalived keeps ${item.name} in FAULT state` });
  }
  if (known('vrf')) out.push(...vrfFindings(file, item, keepalivedVersion));
  return out;
}

function ipvlanWordFindings(file: string, line: Statement, readsNameWord: boolean): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  const seen: { mode?: string; address?: string; name?: string } = {};
  const ignored = (what: string, first: string, text: string) => `use_ipvlan takes one ${what}: keepalived keeps the first, ${first}, and ignores '${text}'`;
  const words = line.args;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (IPVLAN_MODES.has(word.text)) {
      if (seen.mode) out.push({ file, range: word.range, severity: 'warning', code: 'duplicate-keyword', message: ignored('mode', seen.mode, word.text) });
      else seen.mode = word.text;
      continue;
    }
    if (word.text === 'group') {
      i++;
      continue;
    }
    const named = readsNameWord && word.text === 'name';
    const name = named ? words[++i] : word;
    if (!name) break;
    if (!named && readableAddress(name.text)) {
      if (seen.address) out.push({ file, range: name.range, severity: 'warning', code: 'duplicate-keyword', message: ignored('address', seen.address, name.text) });
      else seen.address = name.text;
      continue;
    }
    if (seen.name) out.push({ file, range: name.range, severity: 'warning', code: 'duplicate-keyword', message: ignored('interface name', seen.name, name.text) });
    else if (name.text.length > MAX_NAME) out.push({ file, range: name.range, severity: 'error', code: 'invalid-argument', message: `An interface name has at most ${MAX_NAME} characters: keepalived ignores '${name.text}' and names the ipvlan itself` });
    else seen.name = name.text;
  }
  return out;
}

/**
 * `vrf` after `interface` is ignored as keepalived reads it; before it, or on a multicast instance, it is
 * cleared once the instance is complete. `vrf lo` is refused.
 */
function vrfFindings(file: string, item: VrrpInstanceView, keepalivedVersion: string | undefined): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  let iface = false;
  let vrf: Statement | undefined;
  for (const s of item.statement.block?.statements ?? []) {
    if (s.name === 'interface') iface = true;
    // a name too long, or a second vrf, is the schema's finding
    if (s.name !== 'vrf' || !s.args[0] || s.args[0].text.length > MAX_NAME) continue;
    if (iface) out.push({ file, range: s.keyword.range, severity: 'warning', code: 'ineffective-setting', message: `${item.name} names its interface already: keepalived ignores vrf (a VRF instance is unicast, without interface)` });
    else vrf ??= s;
  }
  if (!vrf) return out;
  if (vrf.args[0].text === 'lo') {
    out.push({ file, range: vrf.args[0].range, severity: 'error', code: 'loopback-interface', message: 'The loopback interface is no VRF: keepalived ignores this vrf' });
    return out;
  }
  // an instance keepalived drops for want of an interface has no vrf left to clear
  if (!iface && withoutInterface(item, keepalivedVersion)) return out;
  // an instance whose unicast settings list no peer keepalived can read goes back to multicast first
  const unicast = item.unicastPeers.some((p) => readableAddress(p.value));
  if (iface || !unicast) {
    out.push({ file, range: vrf.keyword.range, severity: 'warning', code: 'ineffective-setting', message: `vrf works only on a unicast instance without interface, and ${item.name} ${iface ? 'names its interface' : 'has no unicast peers'}: keepalived clears the vrf` });
  }
  return out;
}
