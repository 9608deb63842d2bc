// What keepalived fills in for a virtual_server that leaves it out, when it validates the checker config
// (check_data.c): it says so as a configuration error, so `keepalived -t` fails (exit status 5) though the
// daemon would run with the default.
import { includeDirective } from '../../schema';
import type { Statement } from '../../syntax';
import type { VirtualServerView } from '../../syntax/views';
import { collect, type ConfigUnit, type FileDiagnostic } from '../unit';

const FORWARDING = ['lvs_method', 'lb_kind'];

export function checkLvsDefaults(unit: ConfigUnit): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  for (const { file, item } of collect(unit, 'virtualServers')) {
    // an include inside the block may set what is missing (the included file is checked where it lands)
    if (hasInclude(item.statement)) continue;
    const range = item.statement.keyword.range;
    const service = label(item);
    const add = (code: FileDiagnostic['code'], what: string, fallback: string, hint = '') =>
      out.push({ file, range, severity: 'error', code, message: `${service}: ${what}, so keepalived ${fallback} and keepalived -t fails${hint && ` (${hint})`}` });
    // a service by address (not by firewall mark; a group's ranges are not resolved here)
    if (item.form === 'address') {
      if (!item.protocol) add('missing-protocol', 'no protocol', 'uses UDP', "a TCP service needs 'protocol TCP'");
      if (item.port?.value === 0 && !has(item.statement, ['persistence_timeout'])) add('zero-port-not-persistent', 'port 0 without persistence_timeout', 'sets it to 360');
    }
    if (!item.lbAlgo) add('missing-scheduler', 'no lvs_sched', 'uses wlc');
    if (!item.lbKind && item.realServers.some((rs) => !has(rs.statement, FORWARDING) && !hasInclude(rs.statement))) add('missing-forwarding-method', 'no lvs_method', 'forwards with NAT', "an LVS-DR cluster needs 'lvs_method DR'");
  }
  return out;
}

function hasInclude(statement: Statement): boolean {
  return (statement.block?.statements ?? []).some((child) => includeDirective(child.name));
}

function has(statement: Statement, names: readonly string[]): boolean {
  return (statement.block?.statements ?? []).some((child) => names.includes(child.name));
}

function label(item: VirtualServerView): string {
  if (item.form === 'fwmark') return `virtual_server fwmark ${item.fwmark?.value ?? ''}`.trimEnd();
  if (item.form === 'group') return `virtual_server group ${item.group?.value ?? ''}`.trimEnd();
  return `virtual_server ${[item.address?.value, item.port?.value].filter((v) => v !== undefined).join(' ')}`;
}
