// What strict mode (vrrp_strict, or an instance's strict_mode) changes when keepalived completes an instance
// (vrrp.c's vrrp_complete_instance), in the order it looks: the initial state follows the priority, unicast
// peers disable the instance, an IPv6 instance speaks VRRPv3 and leads with a link-local VIP, and the
// settings that go against RFC 5798 are reset. Many distributions ship vrrp_strict in their sample config.
import type { Statement } from '../../syntax';
import { all, type VrrpInstanceView } from '../../syntax/views';
import { readBoolean } from '../../syntax/numbers';
import type { FileDiagnostic } from '../unit';
import { ipFamily, isIpv6LinkLocal } from '../ipFamily';
import { addressPart } from '../argTypes';
import { instanceFamily } from './instanceFamily';
import { basePriority, initialState, OWNER_PRIORITY, type InstanceMode } from './instanceMode';
import { vmacAddress } from './vmacOptions';
import { knownTo } from '../versions';

/** keepalived's default number of adverts a BACKUP waits before taking over */
const DOWN_TIMER_ADVERTS = 3;

export function strictModeFindings(file: string, item: VrrpInstanceView, mode: InstanceMode, keepalivedVersion: string | undefined): FileDiagnostic[] {
  if (!mode.strict) return [];
  const out: FileDiagnostic[] = [];
  const reset = (at: Statement, message: string) => out.push({ file, range: at.keyword.range, severity: 'warning', code: 'strict-mode-reset', message });
  const owner = basePriority(item) === OWNER_PRIORITY;
  const state = initialState(item);
  if (item.state && state !== undefined && (state === 'MASTER') !== owner) {
    reset(item.state.statement, `In strict mode only the address owner (priority ${OWNER_PRIORITY}) starts as MASTER: keepalived starts ${item.name} as ${owner ? 'MASTER' : 'BACKUP'}`);
  }
  const peers = item.unicastPeers.length > 0 ? item.unicastPeer : undefined;
  if (peers && item.iface) {
    out.push({ file, range: peers.keyword.range, severity: 'error', code: 'strict-mode-reset', message: `Strict mode allows no unicast peers on a multicast interface: keepalived disables ${item.name}` });
  }
  const ipv6 = instanceFamily(item) === 6;
  if (ipv6) {
    const ownVersion = all(item.statement, 'version').at(0);
    if (ownVersion?.args[0]?.text === '2') reset(ownVersion, 'In strict mode an IPv6 instance speaks VRRPv3: keepalived uses version 3');
    // keepalived skips VIPs of the other family: the first it keeps is its first IPv6 one
    const first = item.vips.find((vip) => ipFamily(addressPart(vip.value)) === 6);
    if (!peers && first && !isIpv6LinkLocal(first.value)) {
      out.push({ file, range: first.word.range, severity: 'warning', code: 'strict-mode-reset', message: `In strict mode the first IPv6 VIP of ${item.name} must be link-local (fe80::/10), as RFC 5798 asks` });
    }
  }
  const mac = vmacAddress(item);
  if (mac) out.push({ file, range: mac.range, severity: 'warning', code: 'strict-mode-reset', message: `Strict mode takes no MAC address of your own on use_vmac: keepalived uses the VRRP MAC 00:00:5e:00:0${ipv6 ? '2' : '1'}:VRID` });
  const downTimer = lastValid(item, 'down_timer_adverts', readCount);
  if (downTimer && downTimer.value !== DOWN_TIMER_ADVERTS) reset(downTimer.statement, `down_timer_adverts does not work in strict mode: keepalived uses ${DOWN_TIMER_ADVERTS}`);
  const accept = item.statement.block?.statements.filter((s) => s.name === 'accept' || s.name === 'no_accept').at(-1);
  if (accept?.name === 'accept' && !owner && mode.version === '2') reset(accept, 'accept mode is not part of VRRPv2 (RFC 3768): in strict mode keepalived turns it off below priority 255');
  const garpRepeat = lastValid(item, 'garp_lower_prio_repeat', readCount);
  if (garpRepeat && garpRepeat.value > 0) reset(garpRepeat.statement, 'Strict mode sends no gratuitous ARPs on a lower-priority advert: keepalived sets garp_lower_prio_repeat to 0');
  const garpDelay = lastValid(item, 'garp_lower_prio_delay', readCount);
  if (garpDelay && garpDelay.value > 0) reset(garpDelay.statement, 'Strict mode sends no gratuitous ARPs on a lower-priority advert: keepalived sets garp_lower_prio_delay to 0');
  const lowerPrio = lastValid(item, 'lower_prio_no_advert', readBoolean);
  if (lowerPrio && !lowerPrio.value) reset(lowerPrio.statement, 'Strict mode answers no lower-priority advert: keepalived turns lower_prio_no_advert back on');
  const higherPrio = lastValid(item, 'higher_prio_send_advert', readBoolean);
  if (higherPrio?.value) reset(higherPrio.statement, 'Strict mode sends no advert on seeing a higher priority: keepalived turns higher_prio_send_advert off');
  const noVips = all(item.statement, 'no_virtual_ipaddress').at(0);
  if (noVips && knownTo(NO_VIPS_SINCE, keepalivedVersion)) reset(noVips, 'Strict mode requires a VIP: keepalived clears no_virtual_ipaddress');
  return out;
}

/** the release that brought no_virtual_ipaddress */
const NO_VIPS_SINCE = '2.2.8';

const readCount = (text: string | undefined) => (text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined);


/** the last statement of `keyword` whose value keepalived accepts (it ignores the others) */
function lastValid<T>(item: VrrpInstanceView, keyword: string, read: (text: string | undefined) => T | undefined): { statement: Statement; value: T } | undefined {
  let found: { statement: Statement; value: T } | undefined;
  for (const statement of all(item.statement, keyword)) {
    const value = read(statement.args[0]?.text);
    if (value !== undefined) found = { statement, value };
  }
  return found;
}
