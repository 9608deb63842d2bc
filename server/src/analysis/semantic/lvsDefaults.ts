// What keepalived fills in for a virtual_server that leaves it out, when it validates the checker config
// (check_data.c): it says so as a configuration error, so `keepalived -t` fails (exit status 5) though the
// daemon would run with the default.
import type { Statement } from '../../syntax';
import { isForwardingMethod, type VirtualServerView } from '../../syntax/views';
import { collect, readInside, type ConfigUnit, type FileDiagnostic } from '../unit';

/** a real server's own forwarding method (lvs_method, or its older name lb_kind), when it sets one keepalived takes */
export function ownForwardingMethod(realServer: Statement): string | undefined {
  return forwardingMethodIn(realServer.block?.statements ?? []);
}

/** the last forwarding method keepalived takes among these statements (it ignores a word it does not know) */
function forwardingMethodIn(statements: readonly Statement[]): string | undefined {
  let method: string | undefined;
  for (const s of statements) if ((s.name === 'lvs_method' || s.name === 'lb_kind') && isForwardingMethod(s.args[0]?.text)) method = s.args[0].text;
  return method;
}

const setsAny = (statements: readonly Statement[], ...names: string[]) => statements.some((s) => names.includes(s.name));

export function checkLvsDefaults(unit: ConfigUnit): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  const groups = new Set(collect(unit, 'virtualServerGroups').map(({ item }) => item.name));
  for (const { file, item } of collect(unit, 'virtualServers')) {
    // keepalived drops a service whose group is not defined before it fills anything in (ipwrapper.c,
    // link_vsg_to_vs); the undefined name is reported where it is used
    if (item.form === 'group' && !groups.has(item.group?.value ?? '')) continue;
    // what an include inside the block reads in counts as the block's own
    const inside = readInside(unit, item.statement);
    const realServers = inside.filter((s) => s.name === 'real_server');
    // a service without real servers is dropped before anything is filled in (its missing real_server is reported)
    if (realServers.length === 0) continue;
    const range = item.statement.keyword.range;
    const service = label(item);
    const add = (code: FileDiagnostic['code'], what: string, fallback: string, hint = '') =>
      out.push({ file, range, severity: 'error', code, message: `${service}: ${what}, so keepalived ${fallback} and keepalived -t fails${hint && ` (${hint})`}` });
    // a service by address (not by firewall mark; a group's ranges are not resolved here)
    if (item.form === 'address') {
      if (!setsAny(inside, 'protocol')) add('missing-protocol', 'no protocol', 'uses UDP', "a TCP service needs 'protocol TCP'");
      if (item.port?.value === 0 && !setsAny(inside, 'persistence_timeout')) add('zero-port-not-persistent', 'port 0 without persistence_timeout', 'sets it to 360');
    }
    if (!setsAny(inside, 'lvs_sched', 'lb_algo')) add('missing-scheduler', 'no lvs_sched', 'uses wlc');
    if (!forwardingMethodIn(inside) && realServers.some((rs) => !forwardingMethodIn(readInside(unit, rs)))) add('missing-forwarding-method', 'no lvs_method', 'forwards with NAT', "an LVS-DR cluster needs 'lvs_method DR'");
  }
  return out;
}

function label(item: VirtualServerView): string {
  if (item.form === 'fwmark') return `virtual_server fwmark ${item.fwmark?.value ?? ''}`.trimEnd();
  if (item.form === 'group') return `virtual_server group ${item.group?.value ?? ''}`.trimEnd();
  return `virtual_server ${[item.address?.value, item.port?.value].filter((v) => v !== undefined).join(' ')}`;
}
