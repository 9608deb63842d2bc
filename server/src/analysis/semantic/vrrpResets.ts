// Settings of a vrrp_instance that keepalived turns off when it completes the instance (vrrp.c's
// vrrp_complete_instance), in the order it looks at them: the authentication it ignores, unicast settings
// without peers, preemption settings that contradict each other. keepalived goes on running without them,
// so each is a warning: the config runs, just not as written.
import type { Statement } from '../../syntax';
import type { VrrpInstanceView } from '../../syntax/views';
import type { FileDiagnostic } from '../unit';
import { droppedAuthentication, type DroppedAuthentication, type InstanceMode } from './instanceMode';

/** the priority of an address owner: the instance owns the VIPs and always wins */
const OWNER_PRIORITY = 255;
/** what keepalived gives an instance without `priority`: 255 if it starts as MASTER, else 100 */
const DEFAULT_PRIORITY = 100;

const children = (s: Statement | undefined, name: string) => s?.block?.statements.filter((c) => c.name === name) ?? [];

export function checkInstanceResets(file: string, item: VrrpInstanceView, mode: InstanceMode, out: FileDiagnostic[]): void {
  const dropped = droppedAuthentication(item, mode);
  if (dropped) out.push({ file, range: item.authentication!.keyword.range, severity: 'warning', code: 'ignored-authentication', message: DROPPED[dropped](item) });
  const unicast = unicastWithoutPeers(item);
  if (unicast) {
    out.push({
      file,
      range: unicast.keyword.range,
      severity: 'warning',
      code: 'unicast-without-peers',
      message: `${item.name} ${unicast.name === 'unicast_peer' ? 'lists no peer under unicast_peer' : `has ${unicast.name} but no unicast peer`}: keepalived advertises by multicast (and calls this use deprecated). List the other directors under unicast_peer${unicast.name === 'unicast_peer' ? '' : `, or remove ${unicast.name}`}`,
    });
  }
  out.push(...preemptionResets(file, item, mode));
}

const DROPPED: Record<DroppedAuthentication, (item: VrrpInstanceView) => string> = {
  strict: (item) => `${item.name} runs in strict mode (RFC compliance), which has no authentication: keepalived ignores this block`,
  'version-3': (item) => `${item.name} speaks VRRPv3${item.ipv6 ? ' (an IPv6 instance does unless it says version 2)' : ''}, which has no authentication: keepalived ignores this block. Remove it, or use version 2 on every director`,
  'empty-password': () => 'authentication with an empty auth_pass: keepalived ignores this block',
  'ah-over-ipv6': () => 'AH authentication does not work over IPv6: keepalived ignores this block',
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
  if (peerBlocks.some((b) => (b.block?.statements.length ?? 0) > 0)) return undefined;
  return body.find((s) => s.name === 'unicast_src_ip' || s.name === 'check_unicast_src' || s.name === 'unicast_peer');
}

/**
 * keepalived clears nopreempt at the owner priority 255 (which `state MASTER` without `priority` means),
 * then, if preempt_delay is still set, clears it in strict mode or beside nopreempt. An initial state
 * MASTER clears both first (nopreempt-with-master and preempt-delay-with-master report those).
 */
function preemptionResets(file: string, item: VrrpInstanceView, mode: InstanceMode): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  const nopreempt = effectiveNopreempt(item.statement);
  const state = initialState(item.statement);
  const priority = item.priority?.value ?? (state === 'MASTER' ? OWNER_PRIORITY : DEFAULT_PRIORITY);
  const owner = priority === OWNER_PRIORITY;
  const master = state === 'MASTER' || (state === undefined && owner);
  if (nopreempt && owner) {
    out.push({
      file,
      range: nopreempt.keyword.range,
      severity: 'warning',
      code: 'preemption-reset',
      message: `nopreempt does not work at priority ${OWNER_PRIORITY}${item.priority ? '' : " (what 'state MASTER' without a priority means)"}: the address owner always takes over, so keepalived clears it`,
    });
  }
  const delay = item.preemptDelay;
  if (!delay || master || !(Number(delay.args[0]?.text) > 0)) return out;
  if (mode.strict) {
    out.push({ file, range: delay.keyword.range, severity: 'warning', code: 'preemption-reset', message: 'preempt_delay does not work in strict mode: keepalived clears it' });
  }
  if (nopreempt && !owner) {
    out.push({ file, range: delay.keyword.range, severity: 'warning', code: 'preemption-reset', message: 'preempt_delay does nothing beside nopreempt (which never preempts): keepalived clears it' });
  }
  return out;
}

/** keepalived keeps a first MASTER against a later BACKUP, and takes any other word as BACKUP */
function initialState(instance: Statement): 'MASTER' | 'BACKUP' | undefined {
  let state: 'MASTER' | 'BACKUP' | undefined;
  for (const s of children(instance, 'state')) state = s.args[0]?.text === 'MASTER' ? 'MASTER' : state === 'MASTER' && s.args[0]?.text === 'BACKUP' ? 'MASTER' : 'BACKUP';
  return state;
}

/** the nopreempt statement, when the last of nopreempt and its opposite `preempt` is nopreempt */
function effectiveNopreempt(instance: Statement): Statement | undefined {
  const toggles = instance.block?.statements.filter((s) => s.name === 'nopreempt' || s.name === 'preempt') ?? [];
  const final = toggles.at(-1);
  return final?.name === 'nopreempt' ? final : undefined;
}
