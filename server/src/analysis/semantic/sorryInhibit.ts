// A sorry server that is also one of the real servers must share its inhibit_on_failure: once the config is
// read keepalived copies the real server's setting onto the sorry server (check_data.c, validate_check_config).
import type { Statement } from '../../syntax';
import { readBoolean } from '../../syntax/numbers';
import type { VirtualServerView } from '../../syntax/views';
import { addressPart } from '../argTypes';
import { addressKey, ipFamily } from '../ipFamily';
import type { FileDiagnostic } from '../unit';

/** address and port as keepalived compares two servers (sockstorage_equal); a port of 0 is none */
function serverKey(statement: Statement): string | undefined {
  const [address, port] = statement.args;
  const family = address ? ipFamily(addressPart(address.text)) : 0;
  if (!family) return undefined;
  const text = addressPart(address.text);
  return `${addressKey(text)}|${port ? Number(port.text) : 0}`;
}

/** the real server's own inhibit_on_failure (the last one keepalived could read), else the service's */
function realServerInhibit(rs: Statement, serviceInhibit: boolean): boolean {
  let inhibit: boolean | undefined;
  for (const s of rs.block?.statements ?? []) {
    if (s.name !== 'inhibit_on_failure') continue;
    const value = readBoolean(s.args[0]?.text);
    if (value !== undefined) inhibit = value;
  }
  return inhibit ?? serviceInhibit;
}

export function sorryInhibitFindings(file: string, item: VirtualServerView): FileDiagnostic[] {
  const body = item.statement.block?.statements ?? [];
  let sorry: { statement: Statement; key: string; inhibit: boolean } | undefined;
  let serviceInhibit = false;
  for (const s of body) {
    // a sorry server keepalived cannot read leaves the one before it
    if (s.name === 'sorry_server') {
      const key = serverKey(s);
      if (key) sorry = { statement: s, key, inhibit: false };
    } else if (s.name === 'sorry_server_inhibit' && sorry) sorry.inhibit = true;
    // the service's inhibit_on_failure takes no value: any use turns it on
    else if (s.name === 'inhibit_on_failure') serviceInhibit = true;
  }
  if (!sorry) return [];
  const rs = item.realServers.find((r) => serverKey(r.statement) === sorry.key);
  if (!rs) return [];
  const inhibit = realServerInhibit(rs.statement, serviceInhibit);
  if (inhibit === sorry.inhibit) return [];
  return [{
    file,
    range: sorry.statement.args[0].range,
    severity: 'warning',
    code: 'ineffective-setting',
    message: `The sorry server is also the real server on line ${rs.statement.range.start.line + 1}, which ${inhibit ? 'has' : 'does not have'} inhibit_on_failure: keepalived ${inhibit ? 'sets' : 'clears'} sorry_server_inhibit to match`,
  }];
}
