// Checks of a vrrp_instance that keepalived makes once it has read the whole config (vrrp.c's
// vrrp_complete_instance, vrrp_data.c): what it says about missing or repeated VIPs and about the advert
// interval of a VRRPv2 instance. Each answers a message of keepalived's (docs/keepalived-messages.md).
import type { Statement } from '../../syntax';
import { includeDirective } from '../../schema';
import { all } from '../../syntax/views';
import { addressKey, ipFamily, readableAddress } from '../ipFamily';
import { collect, type ConfigUnit, type FileDiagnostic } from '../unit';
import { globalVrrpDefaults, instanceMode } from './instanceMode';
import { unicastPeerFindings } from './unicastPeers';
import { checkInstanceResets } from './vrrpResets';
import { keptVips } from './instanceFamily';
import { vipVmacFindings } from './vipVmac';
import { devOf } from '../argTypes';
import { authHmacFindings } from './authHmac';
import { ipvlanVrfFindings } from './ipvlanVrf';
import { advertRoomFindings } from './advertRoom';
import { strictModeFindings } from './strictMode';
import { vmacFindings, vmacSettingFindings } from './vmacOptions';
import { compareVersions } from '../versions';

/** keepalived 2.3.3 started to drop a VIP an instance lists twice, and to say so. */
const DUPLICATE_VIP_SINCE = '2.3.3';
/** no_virtual_ipaddress came with 2.2.8; before it an instance without VIPs always gets the message. */
const NO_VIP_KEYWORD_SINCE = '2.2.8';

const atLeast = (target: string | undefined, since: string) => !target || compareVersions(target, since) >= 0;

/** the global vrrp_garp_extra_if's (and vrrp_vmac_garp_intvl's) findings */
function globalGarpFindings(unit: ConfigUnit): FileDiagnostic[] {
  return collect(unit, 'globalDefs').flatMap(({ file, item }) => [...all(item, 'vrrp_garp_extra_if'), ...all(item, 'vrrp_vmac_garp_intvl')].flatMap((garp) => garpExtraIfFindings(file, garp, 1)));
}

/**
 * `garp_extra_if` (and global `vrrp_garp_extra_if`, and their old names) take `all` and a number of seconds,
 * in any order; keepalived ignores the whole line at a word that is neither, and a line without seconds.
 * The instance's seconds start at 0, the global's at 1 (vrrp_parser.c and global_parser.c).
 */
function garpExtraIfFindings(file: string, statement: Statement, minSeconds: number): FileDiagnostic[] {
  let seconds = false;
  for (const word of statement.args) {
    if (word.text === 'all') continue;
    const value = /^\d+$/.test(word.text) ? Number(word.text) : NaN;
    if (!(value >= minSeconds && value <= 86400)) {
      return [{ file, range: word.range, severity: 'error', code: 'invalid-number', message: `'${word.text}' is neither \`all\` nor a number of seconds from ${minSeconds} to 86400: keepalived ignores this ${statement.name}` }];
    }
    seconds = true;
  }
  if (seconds) return [];
  return [{ file, range: statement.keyword.range, severity: 'error', code: 'argument-count', message: `${statement.name} without a number of seconds: keepalived ignores it` }];
}

export function checkVrrpSettings(unit: ConfigUnit, keepalivedVersion: string | undefined): FileDiagnostic[] {
  const out: FileDiagnostic[] = checkAdvertGroups(unit);
  out.push(...globalGarpFindings(unit));
  out.push(...vmacFindings(collect(unit, 'instances'), keepalivedVersion));
  const globals = globalVrrpDefaults(unit, keepalivedVersion);
  for (const { file, item } of collect(unit, 'instances')) {
    const instance = item.statement;
    // keepalived skips a VIP it cannot read: only the others count
    const vips = keptVips(item, all(instance, 'virtual_ipaddress').flatMap((block) => block.block?.statements ?? []).filter((v) => includeDirective(v.name) || readableAddress(v.name)));
    const mode = instanceMode(item, globals);
    const { version, strict } = mode;
    checkInstanceResets(file, item, mode, keepalivedVersion, out);
    out.push(...authHmacFindings(file, item, mode));
    out.push(...ipvlanVrfFindings(file, item, keepalivedVersion));
    out.push(...strictModeFindings(file, item, mode, keepalivedVersion));
    out.push(...vmacSettingFindings(file, item, strict));
    out.push(...vipVmacFindings(file, item));

    const allowsNone = all(instance, 'no_virtual_ipaddress').length > 0 && !strict && atLeast(keepalivedVersion, NO_VIP_KEYWORD_SINCE);
    if (vips.length === 0 && !allowsNone) {
      const required = version === '3' || strict;
      out.push({
        file,
        range: instance.keyword.range,
        severity: required ? 'error' : 'warning',
        code: 'no-vip',
        message: required
          ? `${item.name} has no virtual_ipaddress keepalived can read: it refuses a ${strict ? 'strict-mode' : 'VRRPv3'} instance without one`
          : `${item.name} has no virtual_ipaddress keepalived can read: it warns, since the instance moves no address${atLeast(keepalivedVersion, NO_VIP_KEYWORD_SINCE) ? ' (add no_virtual_ipaddress if that is meant)' : ''}`,
      });
    }

    out.push(...advertRoomFindings(file, item, vips));
    out.push(...unicastPeerFindings(file, instance, keepalivedVersion));
    const ttl = all(instance, 'unicast_ttl')[0];
    if (ttl && all(instance, 'unicast_peer').length === 0) {
      out.push({
        file,
        range: ttl.keyword.range,
        severity: 'warning',
        code: 'ineffective-setting',
        message: `${item.name} has unicast_ttl but no unicast_peer: keepalived resets it and advertises by multicast`,
      });
    }
    const mcastDestination = all(instance, 'mcast_dst_ip').at(-1);
    if (mcastDestination && item.unicastPeers.length > 0) {
      out.push({ file, range: mcastDestination.keyword.range, severity: 'warning', code: 'ineffective-setting', message: `${item.name} advertises to its unicast peers: keepalived ignores mcast_dst_ip` });
    }
    for (const garp of [...all(instance, 'garp_extra_if'), ...all(instance, 'vmac_garp_intvl')]) out.push(...garpExtraIfFindings(file, garp, 0));

    if (atLeast(keepalivedVersion, DUPLICATE_VIP_SINCE)) out.push(...duplicateVipFindings(file, item.name, vips, excludedVips(instance), keepalivedVersion));

    // `lo` is a loopback interface on every Linux machine; keepalived drops it as the instance's interface
    if (item.iface?.value === 'lo') {
      out.push({ file, range: item.iface.word.range, severity: 'error', code: 'loopback-interface', message: `${item.name} cannot run VRRP on the loopback interface: keepalived ignores 'interface lo'` });
    }

    for (const dst of all(instance, 'mcast_dst_ip')) {
      const word = dst.args[0];
      const family = word && ipFamily(word.text);
      if (!word || !family || isMulticastGroup(word.text, family)) continue;
      out.push({
        file,
        range: word.range,
        severity: 'error',
        code: 'invalid-address',
        message: family === 4 ? `mcast_dst_ip ${word.text} is not a multicast address (224.0.0.0/4): keepalived ignores it` : `mcast_dst_ip ${word.text} is not a link-local multicast address (ff02::/16 and the like): keepalived ignores it`,
      });
    }

    const advert = all(instance, 'advert_int').at(-1);
    const finding = advert && advertIntFinding(advert, version);
    if (finding) out.push({ file, range: advert.args[0].range, severity: 'warning', ...finding });
  }
  return out;
}

/** VRRPv3's largest advert interval, in its unit: 4095 hundredths of a second (12 bits) */
const VRRP3_MAX_CENTISECONDS = 4095;
const VRRP3_MAX_ADVERT = (VRRP3_MAX_CENTISECONDS / 100).toFixed(2);
/** keepalived counts the interval in microseconds; VRRPv3 carries hundredths of a second */
const CENTISECOND_US = 10_000;

/**
 * A valid advert_int (0.01 to 255 s, which the schema checks) that the advert cannot carry: VRRPv2 counts
 * whole seconds, VRRPv3 centiseconds up to 40.95 s; keepalived rounds or caps it.
 */
function advertIntFinding(advert: Statement, version: string): { code: 'advert-int-fraction' | 'advert-int-range'; message: string } | undefined {
  const text = advert.args[0]?.text ?? '';
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text);
  const seconds = Number(text);
  const fraction = match?.[2] ?? '';
  // more than six decimals is a number keepalived refuses (the schema says so), not one it rounds
  if (!match || !(seconds >= 0.01 && seconds <= 255) || fraction.length > 6) return undefined;
  if (version === '2') {
    if (!/[1-9]/.test(fraction)) return undefined;
    return { code: 'advert-int-fraction', message: `VRRPv2 adverts carry whole seconds: keepalived rounds advert_int ${text} (use 'version 3' for fractions)` };
  }
  // in whole microseconds, as keepalived reads it: no floating-point edge at 40.96
  const micros = Number(match[1]) * 1_000_000 + Number(fraction.padEnd(6, '0'));
  if (micros >= (VRRP3_MAX_CENTISECONDS + 1) * CENTISECOND_US) return { code: 'advert-int-range', message: `VRRPv3 adverts carry at most ${VRRP3_MAX_ADVERT} s: keepalived uses ${VRRP3_MAX_ADVERT} instead of ${text}` };
  if (micros % CENTISECOND_US !== 0) return { code: 'advert-int-fraction', message: `VRRPv3 adverts carry hundredths of a second: keepalived rounds advert_int ${text} to 10 ms` };
  return undefined;
}

/** What keepalived accepts as an advert group: IPv4 multicast, or IPv6 link-local-scope multicast. */
function isMulticastGroup(address: string, family: 4 | 6): boolean {
  if (family === 4) {
    const first = Number(address.split('.')[0]);
    return first >= 224 && first <= 239;
  }
  const full = addressKey(address);
  return full.startsWith('ff') && full[3] === '2';
}

/** vrrp_mcast_group4/6 name the group adverts go to: keepalived skips one that is not a multicast address. */
function checkAdvertGroups(unit: ConfigUnit): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  for (const { file, item: top } of collect(unit, 'globalDefs')) {
    for (const [keyword, family] of [['vrrp_mcast_group4', 4], ['vrrp_mcast_group6', 6]] as const) {
      for (const s of all(top, keyword)) {
        const word = s.args[0];
        if (!word || ipFamily(word.text) !== family) continue; // a wrong family is the schema's finding
        const multicast = family === 4 ? isMulticastGroup(word.text, 4) : addressKey(word.text).startsWith('ff');
        if (!multicast) out.push({ file, range: word.range, severity: 'error', code: 'invalid-address', message: `${keyword} ${word.text} is not a multicast address: keepalived skips it` });
        else if (family === 6 && !isMulticastGroup(word.text, 6)) {
          out.push({ file, range: word.range, severity: 'warning', code: 'invalid-address', message: `${keyword} ${word.text} is not link-local multicast (ffx2::/16): keepalived uses it, but VRRP adverts belong on the link (RFC 5798)` });
        }
      }
    }
  }
  return out;
}

/** the readable addresses of an instance's virtual_ipaddress_excluded blocks */
function excludedVips(instance: Statement): Statement[] {
  return all(instance, 'virtual_ipaddress_excluded').flatMap((block) => block.block?.statements ?? []).filter((v) => readableAddress(v.name));
}

/**
 * keepalived 2.3.3 on drops an address an instance lists again, in the order it reads them (vrrp_data.c's
 * vip_is_duplicate): a VIP equal to an earlier VIP anywhere, or to an earlier excluded VIP on the same
 * interface; an excluded VIP equal to an earlier VIP or excluded VIP on the same interface.
 */
function duplicateVipFindings(file: string, name: string, vips: readonly Statement[], excluded: readonly Statement[], keepalivedVersion: string | undefined): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  const entries = [...vips.map((entry) => ({ entry, isExcluded: false })), ...excluded.map((entry) => ({ entry, isExcluded: true }))].sort((a, b) => a.entry.start - b.entry.start);
  // by address: an instance may list many, and only equal ones need comparing
  const earlier = new Map<string, { entry: Statement; isExcluded: boolean }[]>();
  for (const { entry, isExcluded } of entries) {
    const address = entry.name.split('/')[0];
    const family = ipFamily(address);
    if (!family) continue;
    const key = addressKey(address);
    const listed = earlier.get(key);
    const same = listed?.find((e) => (!isExcluded && !e.isExcluded) || devOf(e.entry) === devOf(entry));
    if (!same) {
      if (listed) listed.push({ entry, isExcluded });
      else earlier.set(key, [{ entry, isExcluded }]);
      continue;
    }
    const kind = (excludedOne: boolean) => (excludedOne ? 'excluded VIP' : 'VIP');
    out.push({
      file,
      range: entry.keyword.range,
      severity: 'warning',
      code: 'duplicate-vip',
      message: `${name} lists ${kind(same.isExcluded)} ${address} already${same.isExcluded || isExcluded ? ' on the same interface' : ''}: keepalived${keepalivedVersion ? ` ${keepalivedVersion}` : ''} ignores this ${kind(isExcluded)}`,
      related: [{ file, range: same.entry.keyword.range, message: 'first listed here' }],
    });
  }
  return out;
}
