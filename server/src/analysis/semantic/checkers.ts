// The checks keepalived makes of each health checker as it reads the checker's block: its connection
// options (checkerConnection.ts), UDP_CHECK's own settings (udpCheck.ts) and BFD_CHECK's name (bfdCheck.ts).
import type { Statement } from '../../syntax';
import type { CheckerType } from '../../syntax/views';
import { collect, type ConfigUnit, type FileDiagnostic } from '../unit';
import { readConnection } from './checkerConnection';
import { udpCheckFindings } from './udpCheck';
import { bfdCheckFindings } from './bfdCheck';

/** the checkers that open a connection, and read connect_ip, bindto and bind_if */
const CONNECTING: ReadonlySet<CheckerType> = new Set(['HTTP_GET', 'SSL_GET', 'TCP_CHECK', 'SMTP_CHECK', 'DNS_CHECK', 'UDP_CHECK', 'PING_CHECK']);
const CONNECTION_KEYWORDS = new Set(['connect_ip', 'connect_port', 'bindto', 'bind_port', 'bind_if', 'fwmark', 'connect_timeout']);

export function checkCheckers(unit: ConfigUnit, version: string | undefined): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  const bfdInstances = collect(unit, 'bfdInstances', { skipped: true });
  for (const { file, item } of collect(unit, 'virtualServers')) {
    // keepalived reads a file top down: a bfd_instance of this file counts only above the line naming it
    const defined = (name: string, at: Statement) => bfdInstances.some((b) => b.item.name === name && (b.file !== file || b.item.statement.start < at.start));
    for (const rs of item.realServers) {
      out.push(...bfdCheckFindings(file, rs.statement, defined));
      if (!rs.address) continue;
      for (const checker of rs.checkers) {
        if (!CONNECTING.has(checker.type)) continue;
        const statement = checker.statement;
        const body = statement.block?.statements ?? [];
        let connection = readConnection(file, statement, rs.address.value, checker.type === 'SMTP_CHECK');
        if (checker.type === 'SMTP_CHECK') {
          // each (deprecated) host block is a checker of its own; without a connection option of its own, the
          // SMTP_CHECK takes the first host's and checks nothing at its end
          const hosts = body.filter((s) => s.name === 'host' && s.block);
          for (const host of hosts) out.push(...readConnection(file, host, rs.address.value, false).findings);
          if (hosts.length > 0 && !body.some((s) => CONNECTION_KEYWORDS.has(s.name))) connection = { ...connection, dropped: false, findings: connection.findings.filter((f) => f.code !== 'missing-required') };
        }
        // an HTTP_GET or SSL_GET without a url is dropped before its connection is looked at
        if ((checker.type === 'HTTP_GET' || checker.type === 'SSL_GET') && checker.urls.length === 0) connection = { dropped: true, findings: connection.findings.filter((f) => f.code !== 'missing-required') };
        out.push(...connection.findings);
        if (checker.type === 'UDP_CHECK') out.push(...udpCheckFindings(file, statement, !connection.dropped, version));
      }
    }
  }
  return out;
}
