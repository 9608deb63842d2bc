// The words after use_vmac, read as keepalived's vrrp_vmac_handler reads them (vrrp_parser.c): a word with a
// ':' is the macvlan's MAC address, from 2.3.0 `netlink_notify_msg`, `group NAME` and `name NAME` are options,
// and any other word is the macvlan's name. keepalived ignores a bad or repeated value, and a name another
// instance took first. Whether an interface of that name exists already depends on the machine.
import type { Word } from '../../syntax';
import { all, type VrrpInstanceView } from '../../syntax/views';
import { compareVersions } from '../versions';
import type { FileDiagnostic } from '../unit';
import { UNICAST_KEYWORDS } from './instanceMode';

const OPTIONS_SINCE = '2.3.0';
const IFNAME_MAX = 15;
const HEX_AND_COLONS = /^[0-9A-Fa-f:]*$/;
/** words people write for a flag; use_vmac reads any of them as the macvlan's name */
const ON_OFF_WORDS = new Set(['true', 'false', 'yes', 'no', 'on', 'off']);

/** `instances` in config order: a name is taken by the first instance that asks for it */
export function vmacFindings(instances: readonly { file: string; item: VrrpInstanceView }[], keepalivedVersion: string | undefined): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  const options = keepalivedVersion === undefined || compareVersions(keepalivedVersion, OPTIONS_SINCE) >= 0;
  const takenBy = new Map<string, string>();
  for (const { file, item } of instances) {
    const report = (word: Word, severity: 'error' | 'warning', code: 'invalid-value' | 'invalid-argument' | 'duplicate-keyword' | 'duplicate-name', message: string) => out.push({ file, range: word.range, severity, code, message });
    let mac: Word | undefined;
    let name: Word | undefined;
    for (const statement of all(item.statement, 'use_vmac')) {
      const words = statement.args;
      for (let i = 0; i < words.length; i++) {
        const word = words[i];
        if (word.text.includes(':')) {
          if (mac) report(word, 'warning', 'duplicate-keyword', `use_vmac already has the MAC address ${mac.text}: keepalived ignores ${word.text}`);
          else {
            const problem = macProblem(word.text);
            if (problem) report(word, 'error', 'invalid-value', `${word.text} ${problem}: keepalived ignores it`);
            else mac = word;
          }
          continue;
        }
        if (options && word.text === 'netlink_notify_msg') continue;
        if (options && word.text === 'group') {
          i++;
          continue;
        }
        const given = options && word.text === 'name' ? words[++i] : word;
        if (!given) continue;
        if (name) {
          report(given, 'warning', 'duplicate-keyword', `use_vmac already names the macvlan ${name.text}: keepalived ignores ${given.text}`);
          continue;
        }
        if (!validName(given.text)) {
          const hint = !options && ['netlink_notify_msg', 'group', 'name'].includes(given.text) ? ` (an option from ${OPTIONS_SINCE}; this release reads it as the name)` : '';
          report(given, 'error', 'invalid-argument', `'${given.text}' is no interface name (at most ${IFNAME_MAX} characters, no '/', ':' or blank)${hint}: keepalived ignores it`);
          continue;
        }
        if (ON_OFF_WORDS.has(given.text.toLowerCase())) {
          report(given, 'warning', 'invalid-value', `use_vmac takes no on/off: keepalived gives ${item.name} a VMAC named '${given.text}' (leave use_vmac out for none)`);
        }
        const owner = takenBy.get(given.text);
        if (owner) {
          report(given, 'error', 'duplicate-name', `${owner} already uses the macvlan name ${given.text}: keepalived ignores it here and names this one itself`);
          continue;
        }
        takenBy.set(given.text, item.name);
        name = given;
      }
    }
  }
  return out;
}

/** the MAC address keepalived gives the instance's macvlan: the first valid one on its use_vmac lines */
export function vmacAddress(item: VrrpInstanceView): Word | undefined {
  return all(item.statement, 'use_vmac').flatMap((s) => s.args).find((word) => word.text.includes(':') && !macProblem(word.text));
}

/** the kernel's test of an interface name (dev_name_valid), less ':' which makes the word a MAC address */
function validName(text: string): boolean {
  return text.length > 0 && text.length <= IFNAME_MAX && text !== '.' && text !== '..' && !/[/\s]/.test(text);
}

/**
 * What is wrong with a MAC address as keepalived reads it: hex octets of one or two digits, five of them (the
 * VRID is then the sixth) or six; not multicast; not the VRRP MAC range 00:00:5e:00:01/02.
 */
function macProblem(text: string): string | undefined {
  if (!HEX_AND_COLONS.test(text)) return 'is not a MAC address';
  const octets = text.split(':');
  const used = octets.length >= 6 ? octets.slice(0, 6) : octets;
  // five octets (optionally with a trailing ':') leave the last to the VRID
  const five = octets.length === 5 || (octets.length === 6 && octets[5] === '');
  const counted = five ? octets.slice(0, 5) : used;
  if (counted.length < 5 || counted.some((o) => o.length === 0 || o.length > 2)) return 'is not a MAC address';
  const bytes = counted.map((o) => parseInt(o, 16));
  if (bytes[0] & 1) return 'is a multicast address';
  if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0x5e && bytes[3] === 0 && (bytes[4] === 1 || bytes[4] === 2)) return 'is in the VRRP MAC range (00:00:5e:00:01 and 02), which keepalived gives the instance itself';
  return undefined;
}


/**
 * Settings keepalived changes beside a VMAC: at the end of the instance's block (vrrp_parser.c), a unicast
 * instance loses its VMAC without an interface and sends from the base interface with one; once it has read
 * the instance (vrrp.c, vrrp_complete_instance), it drops promote_secondaries, which it sets on a macvlan or
 * ipvlan itself, vmac_xmit_base without use_vmac, and vmac_xmit_base in strict mode.
 */
export function vmacSettingFindings(file: string, item: VrrpInstanceView, strict: boolean): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  const vmac = all(item.statement, 'use_vmac').length > 0;
  const ipvlan = all(item.statement, 'use_ipvlan').length > 0;
  const vmacLine = all(item.statement, vmac ? 'use_vmac' : 'use_ipvlan').at(0);
  const unicast = UNICAST_KEYWORDS.some((k) => all(item.statement, k).length > 0);
  if (vmacLine && unicast) {
    const kind = vmacLine.name === 'use_vmac' ? 'VMAC' : 'ipvlan';
    if (!item.iface) {
      out.push({ file, range: vmacLine.keyword.range, severity: 'warning', code: 'ineffective-setting', message: `A unicast instance needs an interface for its ${kind}: keepalived drops ${vmacLine.name} on ${item.name}` });
      return out;
    }
    if (all(item.statement, 'vmac_xmit_base').length === 0) {
      out.push({ file, range: vmacLine.keyword.range, severity: 'warning', code: 'ineffective-setting', message: `A unicast instance with a ${kind} sends from the base interface: keepalived turns vmac_xmit_base on for ${item.name} and says so at every start (write vmac_xmit_base)` });
    }
  }
  const promote = all(item.statement, 'promote_secondaries').at(-1);
  if (promote && item.iface && (vmac || ipvlan)) {
    out.push({ file, range: promote.keyword.range, severity: 'warning', code: 'ineffective-setting', message: `keepalived sets promote_secondaries on ${item.name}'s ${vmac ? 'macvlan' : 'ipvlan'} itself and ignores this line` });
  }
  const xmitBase = all(item.statement, 'vmac_xmit_base').at(-1);
  if (xmitBase && !vmac) {
    out.push({ file, range: xmitBase.keyword.range, severity: 'warning', code: 'ineffective-setting', message: `vmac_xmit_base works only with use_vmac: keepalived ignores it on ${item.name}` });
  } else if (xmitBase && strict && item.iface) {
    out.push({ file, range: xmitBase.keyword.range, severity: 'warning', code: 'strict-mode-reset', message: `Strict mode sends adverts from the macvlan: keepalived turns vmac_xmit_base off on ${item.name}` });
  }
  return out;
}
