// Settings of a vrrp_instance that keepalived turns off when it completes the instance (vrrp.c's
// vrrp_complete_instance), in the order it looks at them: the authentication it ignores, unicast settings
// without peers, preemption settings that contradict each other, and the timer and owner options that need
// nopreempt or the owner priority. keepalived goes on running without them,
// so each is a warning: the config runs, just not as written.
import type { Statement } from '../../syntax';
import { all, type VrrpInstanceView } from '../../syntax/views';
import { blockSpec, includeDirective, keywordSpec } from '../../schema';
import { readBoolean } from '../../syntax/numbers';
import { knownTo } from '../versions';
import { readableAddress } from '../ipFamily';
import type { FileDiagnostic } from '../unit';
import { instanceFamily } from './instanceFamily';
import { basePriority, demotedByAuthentication, droppedAuthentication, effectiveNopreempt, OWNER_PRIORITY, startsAsMaster, type DroppedAuthentication, type InstanceMode } from './instanceMode';

export function checkInstanceResets(file: string, item: VrrpInstanceView, mode: InstanceMode, keepalivedVersion: string | undefined, out: FileDiagnostic[]): void {
  const dropped = droppedAuthentication(item, mode);
  if (dropped) out.push({ file, range: item.authentication!.keyword.range, severity: 'warning', code: 'ignored-authentication', message: DROPPED[dropped](item) });
  const unicast = unicastWithoutPeers(item);
  if (unicast) {
    out.push({
      file,
      range: unicast.keyword.range,
      severity: 'warning',
      code: 'unicast-without-peers',
      message: `${item.name} ${unicast.name === 'unicast_peer' ? 'lists no peer keepalived can read under unicast_peer' : `has ${unicast.name} but no unicast peer`}: keepalived advertises by multicast (and calls this use deprecated). List the other directors under unicast_peer${unicast.name === 'unicast_peer' ? '' : `, or remove ${unicast.name}`}`,
    });
  }
  out.push(...preemptionResets(file, item, mode));
  out.push(...timerAndOwnerResets(file, item, keepalivedVersion));
}

/**
 * timer_expired_backup works only with nopreempt, and owner_ignore_adverts only at the owner priority 255,
 * which keepalived turns it on for whatever the line says (vrrp.c). Releases that do not know a keyword read
 * it as unknown, which the schema check reports.
 */
function timerAndOwnerResets(file: string, item: VrrpInstanceView, keepalivedVersion: string | undefined): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  const known = (keyword: string) => knownTo(keywordSpec(blockSpec('vrrp_instance')!, keyword)?.since, keepalivedVersion);
  const timer = [...all(item.statement, 'timer_expired_backup'), ...all(item.statement, 'thread_timer_expired')].filter((s) => known(s.name)).at(-1);
  if (timer && !effectiveNopreempt(item)) {
    out.push({ file, range: timer.keyword.range, severity: 'warning', code: 'ineffective-setting', message: `${timer.name} works only with nopreempt: keepalived resets it` });
  }
  // keepalived ignores a line whose word is no boolean
  const ownerSetting = all(item.statement, 'owner_ignore_adverts').filter((s) => readBoolean(s.args[0]?.text) !== undefined).at(-1);
  if (ownerSetting && known(ownerSetting.name)) {
    const on = readBoolean(ownerSetting.args[0]?.text)!;
    const owner = basePriority(item) === OWNER_PRIORITY;
    if (on && !owner) out.push({ file, range: ownerSetting.keyword.range, severity: 'warning', code: 'ineffective-setting', message: `owner_ignore_adverts applies to the address owner (priority ${OWNER_PRIORITY}) only: keepalived ignores it here` });
    if (!on && owner) out.push({ file, range: ownerSetting.keyword.range, severity: 'warning', code: 'ineffective-setting', message: `keepalived turns owner_ignore_adverts on for the address owner (priority ${OWNER_PRIORITY}) whatever this line says` });
  }
  return out;
}

const DROPPED: Record<DroppedAuthentication, (item: VrrpInstanceView) => string> = {
  strict: (item) => `${item.name} runs in strict mode (RFC compliance), which has no authentication: keepalived ignores this block`,
  'version-3': (item) => `${item.name} speaks VRRPv3${instanceFamily(item) === 6 ? ' (an IPv6 instance does unless it says version 2)' : ''}, which has no authentication: keepalived ignores this block. Remove it, or use version 2 on every director`,
  'empty-password': () => 'authentication with an empty auth_pass: keepalived ignores this block',
  'ah-over-ipv6': () => 'AH authentication does not work over IPv6: keepalived ignores this block',
  'auth-hmac': (item) => `${item.name} has auth_hmac too, which replaces authentication: keepalived ignores this block. Remove it once every director signs with auth_hmac`,
};

/**
 * unicast_src_ip, check_unicast_src or a unicast_peer block make an instance "unicast"; with no peer listed
 * keepalived falls back to multicast (unicast_fault_no_peer asks for a FAULT state instead). A peer block
 * that includes a file may list peers this check cannot see.
 */
function unicastWithoutPeers(item: VrrpInstanceView): Statement | undefined {
  const body = item.statement.block?.statements ?? [];
  const peerBlocks = body.filter((s) => s.name === 'unicast_peer');
  if (body.some((s) => s.name === 'unicast_fault_no_peer')) return undefined;
  // a peer keepalived cannot read is skipped: only the others count
  if (peerBlocks.some((b) => (b.block?.statements ?? []).some((e) => includeDirective(e.name) || readableAddress(e.name)))) return undefined;
  // a unicast_src_ip without its address is a line keepalived never applies (it stops reading there)
  return body.find((s) => (s.name === 'unicast_src_ip' && s.args.length > 0) || s.name === 'check_unicast_src' || s.name === 'unicast_peer');
}

/**
 * In keepalived's order: AH authentication turns an initial MASTER (below 255) into a BACKUP; nopreempt is
 * cleared at the owner priority 255 (which `state MASTER` without a priority means), and then for an initial
 * MASTER, as is preempt_delay; a preempt_delay still set is cleared in strict mode and beside nopreempt.
 */
function preemptionResets(file: string, item: VrrpInstanceView, mode: InstanceMode): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  const owner = basePriority(item) === OWNER_PRIORITY;
  const demotedByAh = demotedByAuthentication(item, mode);
  if (demotedByAh) {
    out.push({ file, range: (item.state?.word ?? item.statement.keyword).range, severity: 'warning', code: 'ah-with-master', message: 'An initial state MASTER is incompatible with AH authentication: keepalived changes it to BACKUP' });
  }
  const master = startsAsMaster(item, mode) && !demotedByAh;
  let nopreempt = effectiveNopreempt(item);
  if (nopreempt && owner) {
    out.push({
      file,
      range: nopreempt.keyword.range,
      severity: 'warning',
      code: 'preemption-reset',
      message: `nopreempt does not work at priority ${OWNER_PRIORITY}${item.priority ? '' : " (what 'state MASTER' without a priority means)"}: the address owner always takes over, so keepalived clears it`,
    });
    nopreempt = undefined;
  }
  if (nopreempt && master) {
    out.push({ file, range: nopreempt.keyword.range, severity: 'warning', code: 'nopreempt-with-master', message: "nopreempt does not work with 'state MASTER': keepalived clears it. Use 'state BACKUP' on every node with nopreempt" });
    nopreempt = undefined;
  }
  const delay = item.preemptDelay;
  if (!delay || !(Number(delay.args[0]?.text) > 0)) return out;
  if (master) {
    out.push({ file, range: delay.keyword.range, severity: 'warning', code: 'preempt-delay-with-master', message: "preempt_delay is ignored with 'state MASTER': it only delays a BACKUP taking over" });
    return out;
  }
  if (mode.strict) {
    out.push({ file, range: delay.keyword.range, severity: 'warning', code: 'preemption-reset', message: 'preempt_delay does not work in strict mode: keepalived clears it' });
  }
  if (nopreempt) {
    out.push({ file, range: delay.keyword.range, severity: 'warning', code: 'preemption-reset', message: 'preempt_delay does nothing beside nopreempt (which never preempts): keepalived clears it' });
  }
  return out;
}
