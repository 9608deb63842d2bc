// What keepalived fills in for a virtual_server that leaves it out, when it validates the checker config
// (check_data.c): it says so as a configuration error, so `keepalived -t` fails (exit status 5) though the
// daemon would run with the default.
import { includeDirective } from '../../schema';
import type { Statement } from '../../syntax';
import { last, type VirtualServerView } from '../../syntax/views';
import { collect, type ConfigUnit, type FileDiagnostic } from '../unit';

/** a real server's own forwarding method (lvs_method, or its older name lb_kind), when it sets one */
export function ownForwardingMethod(realServer: Statement): string | undefined {
  return (last(realServer, 'lvs_method') ?? last(realServer, 'lb_kind'))?.args[0]?.text;
}

export function checkLvsDefaults(unit: ConfigUnit): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  const groups = new Set(collect(unit, 'virtualServerGroups').map(({ item }) => item.name));
  for (const { file, item } of collect(unit, 'virtualServers')) {
    // an include inside the block may set what is missing (the included file is checked where it lands)
    if (hasInclude(item.statement)) continue;
    // keepalived drops a service whose group is not defined before it fills anything in (ipwrapper.c,
    // link_vsg_to_vs); the undefined name is reported where it is used
    if (item.form === 'group' && !groups.has(item.group?.value ?? '')) continue;
    const range = item.statement.keyword.range;
    const service = label(item);
    const add = (code: FileDiagnostic['code'], what: string, fallback: string, hint = '') =>
      out.push({ file, range, severity: 'error', code, message: `${service}: ${what}, so keepalived ${fallback} and keepalived -t fails${hint && ` (${hint})`}` });
    // a service by address (not by firewall mark; a group's ranges are not resolved here)
    if (item.form === 'address') {
      if (!item.protocol) add('missing-protocol', 'no protocol', 'uses UDP', "a TCP service needs 'protocol TCP'");
      if (item.port?.value === 0 && !last(item.statement, 'persistence_timeout')) add('zero-port-not-persistent', 'port 0 without persistence_timeout', 'sets it to 360');
    }
    if (!item.lbAlgo) add('missing-scheduler', 'no lvs_sched', 'uses wlc');
    if (!item.lbKind && item.realServers.some((rs) => !ownForwardingMethod(rs.statement) && !hasInclude(rs.statement))) add('missing-forwarding-method', 'no lvs_method', 'forwards with NAT', "an LVS-DR cluster needs 'lvs_method DR'");
  }
  return out;
}

function hasInclude(statement: Statement): boolean {
  return (statement.block?.statements ?? []).some((child) => includeDirective(child.name));
}

function label(item: VirtualServerView): string {
  if (item.form === 'fwmark') return `virtual_server fwmark ${item.fwmark?.value ?? ''}`.trimEnd();
  if (item.form === 'group') return `virtual_server group ${item.group?.value ?? ''}`.trimEnd();
  return `virtual_server ${[item.address?.value, item.port?.value].filter((v) => v !== undefined).join(' ')}`;
}
