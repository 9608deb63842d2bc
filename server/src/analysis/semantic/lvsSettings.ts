// Checks of a virtual_server that keepalived makes while reading it (check_parser.c) and once it has read
// the whole config (check_data.c): scheduler flags, sorry_server_inhibit, persistence granularity,
// repeated real servers, one-packet scheduling, real and sorry server ports under DR/TUN, address families,
// empty groups. Each answers a message of keepalived's (docs/keepalived-messages.md).
import type { Statement } from '../../syntax';
import { isForwardingMethod, type VirtualServerView } from '../../syntax/views';
import { StatementMemo } from '../statementMemo';
import { serviceFamilyFindings } from './lvsFamily';
import { ownForwardingMethod } from './lvsDefaults';
import { tunnelOptionFindings } from './tunnelOptions';
import { sorryInhibitFindings } from './sorryInhibit';
import { addressKey, ipFamily } from '../ipFamily';
import { addressPart } from '../argTypes';
import { collect, type ConfigUnit, type FileDiagnostic } from '../unit';

const SCHEDULER_FLAGS = new Set(['sh-port', 'sh-fallback', 'mh-port', 'mh-fallback']);
const SCHEDULER_KEYWORDS = new Set(['lb_algo', 'lvs_sched']);
const METHOD_KEYWORDS = new Set(['lb_kind', 'lvs_method']);
/** IP_VS_PENAME_MAXLEN: keepalived cuts a longer persistence engine name */
const PE_NAME_MAX = 16;

/** Each virtual_server's findings depend on it alone: remembered, so an edit re-checks only what it re-parsed. */
const perService = new StatementMemo<FileDiagnostic>();

export function checkLvsSettings(unit: ConfigUnit): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  for (const { file, item } of collect(unit, 'virtualServers')) out.push(...perService.findings(item.statement, file, () => checkService(file, item)));
  for (const { file, item } of collect(unit, 'virtualServerGroups')) {
    if ((item.statement.block?.statements.length ?? 0) > 0) continue;
    out.push({ file, range: item.statement.keyword.range, severity: 'warning', code: 'empty-group', message: `virtual_server_group ${item.name} has no entries: keepalived removes it` });
  }
  return out;
}

function checkService(file: string, item: VirtualServerView): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  const body = item.statement.block?.statements ?? [];
  let scheduler: string | undefined;
  let sorryServer: { statement: Statement; method: string | undefined } | undefined;
  let methodSet: string | undefined;
  let method = 'NAT';
  let protocol: string | undefined;
  let ops: Statement | undefined;
  let sorryRead = false;
  for (const s of body) {
    const value = s.args[0]?.text;
    if (SCHEDULER_KEYWORDS.has(s.name)) scheduler = value;
    else if (METHOD_KEYWORDS.has(s.name)) {
      if (isForwardingMethod(value)) method = methodSet = value!;
      out.push(...tunnelOptionFindings(file, s, 'virtual'));
    }
    else if (s.name === 'protocol') protocol = value?.toUpperCase();
    else if (s.name === 'ops') ops = s;
    else if (s.name === 'persistence_engine' && value !== undefined && value.length > PE_NAME_MAX) {
      out.push({ file, range: s.args[0].range, severity: 'warning', code: 'invalid-argument', message: `persistence_engine '${value}' is longer than ${PE_NAME_MAX} characters: keepalived cuts it to '${value.slice(0, PE_NAME_MAX)}'` });
    }
    else if (s.name === 'sorry_server') {
      sorryServer = { statement: s, method: methodSet };
      // keepalived reads sorry_server_lvs_method once a sorry server's address was read
      sorryRead ||= ipFamily(value ?? '') !== 0;
    }
    else if (s.name === 'sorry_server_lvs_method') {
      if (sorryServer) {
        if (isForwardingMethod(value)) sorryServer.method = value;
        if (sorryRead) out.push(...tunnelOptionFindings(file, s, 'sorry'));
      }
      else out.push({ file, range: s.keyword.range, severity: 'warning', code: 'sorry-server-order', message: 'sorry_server_lvs_method must follow sorry_server: keepalived ignores it here' });
    }
    // keepalived reads these flags against the scheduler set so far
    else if (SCHEDULER_FLAGS.has(s.name) && scheduler !== 'sh' && scheduler !== 'mh') {
      out.push({ file, range: s.keyword.range, severity: 'warning', code: 'scheduler-flag', message: `${s.name} applies to the sh and mh schedulers only, set before it with lb_algo: keepalived ignores it here` });
    } else if (s.name === 'sorry_server_inhibit' && !sorryServer) {
      out.push({ file, range: s.keyword.range, severity: 'warning', code: 'sorry-server-order', message: 'sorry_server_inhibit must follow sorry_server: keepalived ignores it here' });
    }
  }

  const familyFindings = serviceFamilyFindings(file, item);
  out.push(...familyFindings);
  // a sorry server of the wrong family is dropped: its port no longer matters
  const sorrySkipped = sorryServer && familyFindings.some((f) => f.range === sorryServer.statement.args[0]?.range);
  if (sorryServer && !sorrySkipped) out.push(...sorryServerPort(file, item, sorryServer.statement, sorryServer.method ?? method));
  out.push(...sorryInhibitFindings(file, item));

  if (ops && protocol !== 'UDP' && item.form !== 'fwmark') {
    out.push({ file, range: ops.keyword.range, severity: 'warning', code: 'ops-without-udp', message: 'One-packet scheduling (ops) works with UDP services only: keepalived turns it off here' });
  }

  const seen = new Map<string, Statement>();
  for (const rs of item.realServers) {
    if (!rs.address) continue;
    for (const s of rs.statement.block?.statements ?? []) if (s.name === 'lvs_method') out.push(...tunnelOptionFindings(file, s, 'real'));
    const key = `${addressKey(addressPart(rs.address.value))}|${rs.port?.value ?? ''}`;
    const earlier = seen.get(key);
    if (earlier) {
      out.push({
        file,
        range: rs.statement.keyword.range,
        severity: 'warning',
        code: 'duplicate-real-server',
        message: `real_server ${rs.address.value}${rs.port ? ` ${rs.port.value}` : ''} is listed twice in this virtual_server: keepalived drops the second`,
        related: [{ file, range: earlier.keyword.range, message: 'first listed here' }],
      });
    } else seen.set(key, rs.statement);

    // DR and TUN cannot change the port: keepalived resets a different one to the service's
    const rsMethod = ownForwardingMethod(rs.statement) ?? method;
    if (item.form === 'address' && rsMethod !== 'NAT' && rs.port && item.port && rs.port.value !== 0 && rs.port.value !== item.port.value) {
      out.push({
        file,
        range: rs.port.word.range,
        severity: 'warning',
        code: 'real-server-port',
        message: `With ${rsMethod} forwarding a real server answers on the service's port ${item.port.value}: keepalived changes ${rs.port.value} to it`,
      });
    }
  }
  return out;
}

/** Outside NAT the sorry server answers on the service's port, as a real server does (check_data.c). */
function sorryServerPort(file: string, item: VirtualServerView, sorry: Statement, method: string): FileDiagnostic[] {
  const port = sorry.args[1];
  if (method === 'NAT' || !port || Number(port.text) === 0) return [];
  if (item.form === 'fwmark') {
    return [{ file, range: port.range, severity: 'warning', code: 'port-with-fwmark', message: 'The sorry server of an fwmark service takes no port: keepalived clears it (the packet keeps its destination port)' }];
  }
  if (item.form === 'address' && item.port && Number(port.text) !== item.port.value) {
    return [{ file, range: port.range, severity: 'warning', code: 'real-server-port', message: `With ${method} forwarding the sorry server answers on the service's port ${item.port.value}: keepalived changes ${port.text} to it` }];
  }
  return [];
}
