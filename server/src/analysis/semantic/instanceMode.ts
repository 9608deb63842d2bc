// The VRRP version and strictness an instance runs with once keepalived has completed it (vrrp.c's
// vrrp_complete_instance), from its own settings and global_defs, and the authentication that survives
// them. The per-config checks, the cluster comparison and the failover model all read these.
import type { Statement } from '../../syntax';
import { all, type VrrpInstanceView } from '../../syntax/views';
import { numericDefault } from '../cluster/effective';
import { collect, type ConfigUnit } from '../unit';
import { readFamily } from './instanceFamily';
import { compareVersions, knownTo } from '../versions';

export interface InstanceMode {
  version: '2' | '3';
  strict: boolean;
  /** the instance has an auth_hmac block the target release reads (it replaces authentication) */
  authHmac: boolean;
}

export interface GlobalVrrpDefaults {
  vrrpVersion?: '2' | '3';
  strict: boolean;
  /** the target release reads auth_hmac */
  readsAuthHmac: boolean;
}

/** the release that brought auth_hmac; older ones read the block as an unknown keyword */
const AUTH_HMAC_SINCE = '2.4.0';


/**
 * global_defs' vrrp_version (the last valid one) and vrrp_strict. keepalived before 2.3.0 ignores
 * vrrp_strict's argument, so `vrrp_strict no` is strict there; without a target release, the newest reading.
 */
export function globalVrrpDefaults(unit: ConfigUnit, keepalivedVersion: string | undefined): GlobalVrrpDefaults {
  let vrrpVersion: '2' | '3' | undefined;
  let strict = false;
  const readsArgument = !keepalivedVersion || compareVersions(keepalivedVersion, '2.3.0') >= 0;
  for (const { item: top } of collect(unit, 'globalDefs')) {
    for (const s of all(top, 'vrrp_version')) if (s.args[0]?.text === '2' || s.args[0]?.text === '3') vrrpVersion = s.args[0].text;
    for (const s of all(top, 'vrrp_strict')) strict = !readsArgument || !['off', 'false', 'no'].includes(s.args[0]?.text.toLowerCase() ?? '');
  }
  return { vrrpVersion, strict, readsAuthHmac: knownTo(AUTH_HMAC_SINCE, keepalivedVersion) };
}

/** An IPv6 instance speaks VRRPv3 unless it says version 2 itself, outside strict mode (global_defs' vrrp_version does not count). */
export function instanceMode(item: VrrpInstanceView, globals: GlobalVrrpDefaults): InstanceMode {
  const instance = item.statement;
  const strict = instanceStrictMode(instance) ?? globals.strict;
  const { version: own, family } = readFamily(instance);
  const ipv6 = family === 6;
  const version = ipv6 ? (own === '2' && !strict ? '2' : '3') : (own ?? globals.vrrpVersion ?? '2');
  return { version, strict, authHmac: globals.readsAuthHmac && all(instance, 'auth_hmac').some((s) => s.block) };
}

/** the last valid strict_mode of an instance (no word means on), or undefined to follow global_defs */
function instanceStrictMode(instance: Statement): boolean | undefined {
  let strict: boolean | undefined;
  for (const s of all(instance, 'strict_mode')) {
    const word = s.args[0]?.text;
    if (word === undefined || ['true', 'on', 'yes'].includes(word)) strict = true;
    else if (['false', 'off', 'no'].includes(word)) strict = false;
  }
  return strict;
}

/** the priority of an address owner: it owns the VIPs and always wins */
export const OWNER_PRIORITY = 255;
/** keepalived's priority for an instance that does not start as MASTER and sets none, or sets an invalid one */
export const DEFAULT_PRIORITY = numericDefault('vrrp_instance', 'priority', 100);

/** `state` as keepalived reads it: a first MASTER stands against a later BACKUP; any other word is BACKUP */
export function initialState(item: VrrpInstanceView): 'MASTER' | 'BACKUP' | undefined {
  let state: 'MASTER' | 'BACKUP' | undefined;
  for (const s of all(item.statement, 'state')) {
    const word = s.args[0]?.text;
    state = word === 'MASTER' || (state === 'MASTER' && word === 'BACKUP') ? 'MASTER' : 'BACKUP';
  }
  return state;
}

/**
 * The priority keepalived starts the instance with: the last `priority` (an invalid one means 100), else 255
 * for an instance that starts as MASTER, else 100.
 */
export function basePriority(item: VrrpInstanceView): number {
  const set = all(item.statement, 'priority').at(-1);
  if (set) {
    const text = set.args[0]?.text ?? '';
    const value = /^\d+$/.test(text) ? Number(text) : NaN;
    return value >= 1 && value <= OWNER_PRIORITY ? value : DEFAULT_PRIORITY;
  }
  return initialState(item) === 'MASTER' ? OWNER_PRIORITY : DEFAULT_PRIORITY;
}

/**
 * whether keepalived starts the instance as MASTER: `state MASTER`, or no state and priority 255; in strict
 * mode only the address owner (priority 255), whatever the state says
 */
export function startsAsMaster(item: VrrpInstanceView, mode?: InstanceMode): boolean {
  if (mode?.strict) return basePriority(item) === OWNER_PRIORITY;
  const state = initialState(item);
  return state === 'MASTER' || (state === undefined && basePriority(item) === OWNER_PRIORITY);
}

/** the nopreempt statement, when the last of nopreempt and its opposite `preempt` is nopreempt */
export function effectiveNopreempt(item: VrrpInstanceView): Statement | undefined {
  const toggles = item.statement.block?.statements.filter((s) => s.name === 'nopreempt' || s.name === 'preempt') ?? [];
  const final = toggles.at(-1);
  return final?.name === 'nopreempt' ? final : undefined;
}

export type DroppedAuthentication = 'strict' | 'version-3' | 'empty-password' | 'ah-over-ipv6' | 'auth-hmac';

/**
 * Why keepalived drops the instance's authentication, in the order it asks: strict mode, VRRPv3, an empty
 * password, AH over IPv6, an auth_hmac block beside it. Only `auth_type PASS` or `AH` (exactly so) turns
 * authentication on.
 */
export function droppedAuthentication(item: VrrpInstanceView, mode: InstanceMode): DroppedAuthentication | undefined {
  const type = authenticationType(item);
  if (!type) return undefined;
  if (mode.strict) return 'strict';
  if (mode.version === '3') return 'version-3';
  // no auth_pass at all is the schema's missing-required; an empty one is as good as none
  if (all(item.authentication, 'auth_pass').at(-1)?.args[0]?.text === '') return 'empty-password';
  if (type === 'AH' && readFamily(item.statement).family === 6) return 'ah-over-ipv6';
  if (mode.authHmac) return 'auth-hmac';
  return undefined;
}

export function authenticationType(item: VrrpInstanceView): 'PASS' | 'AH' | undefined {
  const type = all(item.authentication, 'auth_type').filter((s) => s.args[0]?.text === 'PASS' || s.args[0]?.text === 'AH').at(-1);
  return type?.args[0].text as 'PASS' | 'AH' | undefined;
}

/** The authentication adverts carry once keepalived has completed the instance: none when it dropped it. */
export function effectiveAuthentication(item: VrrpInstanceView, mode: InstanceMode): { type: 'PASS' | 'AH'; pass?: string } | undefined {
  const type = authenticationType(item);
  if (!type || droppedAuthentication(item, mode)) return undefined;
  return { type, pass: item.authPass?.value };
}

/** AH authentication turns an instance that would start as MASTER (below priority 255) into a BACKUP */
export function demotedByAuthentication(item: VrrpInstanceView, mode: InstanceMode): boolean {
  return authenticationType(item) === 'AH' && !droppedAuthentication(item, mode) && startsAsMaster(item) && basePriority(item) !== OWNER_PRIORITY;
}

/** the keywords that make keepalived treat an instance as unicast while it reads it, peers or not (vrrp_parser.c) */
export const UNICAST_KEYWORDS: readonly string[] = ['unicast_peer', 'unicast_src_ip', 'unicast_fault_no_peer', 'check_unicast_src', 'old_unicast_checksum'];
