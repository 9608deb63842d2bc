// Where a checker connects to and from, as keepalived reads it (check/check_api.c): connect_ip starts as the
// real server's address (SMTP_CHECK's starts unset and takes it at the end); a connect_ip or bindto of the
// other family than the one already set is skipped and clears its own address; an address that cannot be
// read clears it too. As the checker's block closes (check_conn_opts) a link-local IPv6 destination without a
// bind_if drops the checker.
import type { Statement, Word } from '../../syntax';
import { isTemplateValue } from '../../syntax/template';
import { addressPart } from '../argTypes';
import { ipFamily, isIpv6LinkLocal } from '../ipFamily';
import type { FileDiagnostic } from '../unit';

/** IFNAMSIZ - 1: a longer bind_if is ignored */
const IFNAME_MAX = 15;

interface Address {
  family: 4 | 6;
  text: string;
  /** the word that set it; none for the real server's own address */
  word?: Word;
}

export interface ConnectionRead {
  findings: FileDiagnostic[];
  /** keepalived drops the checker as its block closes */
  dropped: boolean;
}

/** the family inet_stosockaddr gives a word (from a ':' anywhere), or 0 when it cannot read it */
function readAddress(text: string): 4 | 6 | 0 {
  const family = ipFamily(addressPart(text));
  return family !== 0 && (family === 6) === text.includes(':') ? family : 0;
}


/**
 * The connection options of a checker block (or of an SMTP_CHECK host block). `server` is the real server's
 * address; `startsUnset` for SMTP_CHECK, whose destination is the real server's only if none is set at the end.
 */
export function readConnection(file: string, checker: Statement, server: string, startsUnset: boolean): ConnectionRead {
  const none: ConnectionRead = { findings: [], dropped: false };
  const serverFamily = readAddress(server);
  if (serverFamily === 0) return none;
  const fromServer: Address = { family: serverFamily, text: addressPart(server) };
  const findings: FileDiagnostic[] = [];
  let dst: Address | undefined = startsUnset ? undefined : fromServer;
  let bindto: Address | undefined;
  let bindIf = false;
  const describe = (a: Address) => (a.word ? `${a.text} (line ${a.word.range.start.line + 1})` : `${a.text} (the real server's address)`);
  for (const s of checker.block?.statements ?? []) {
    const word = s.args[0];
    if (!word) continue;
    if (isTemplateValue(word.text)) return none;
    if (s.name === 'bind_if') bindIf ||= word.text.length <= IFNAME_MAX;
    if (s.name !== 'connect_ip' && s.name !== 'bindto') continue;
    const family = readAddress(word.text);
    const read: Address | undefined = family === 0 ? undefined : { family, text: addressPart(word.text), word };
    const other = s.name === 'connect_ip' ? bindto : dst;
    if (read && other && other.family !== read.family) {
      findings.push({
        file,
        range: word.range,
        severity: 'error',
        code: 'ip-family-mismatch',
        message: s.name === 'connect_ip'
          ? `connect_ip ${read.text} is IPv${read.family} but bindto ${describe(other)} is IPv${other.family}: keepalived skips this connect_ip, leaving the checker no address to connect to`
          : `bindto ${read.text} is IPv${read.family} but the checker connects to ${describe(other)}, IPv${other.family}: keepalived skips this bindto`,
      });
    }
    // a skipped or unreadable address clears what was set (inet_stosockaddr writes before it fails)
    const kept = read && !(other && other.family !== read.family) ? read : undefined;
    if (s.name === 'connect_ip') dst = kept;
    else bindto = kept;
  }
  const destination = dst ?? (startsUnset ? fromServer : undefined);
  if (destination && destination.family === 6 && isIpv6LinkLocal(destination.text) && !bindIf) {
    findings.push({
      file,
      range: destination.word?.range ?? checker.keyword.range,
      severity: 'error',
      code: 'missing-required',
      message: `${checker.name === 'host' ? 'This SMTP_CHECK host' : checker.name} connects to the link-local address ${destination.word ? destination.text : describe(destination)} without a bind_if naming the interface: keepalived drops this ${checker.name === 'host' ? 'host' : 'checker'}`,
    });
    return { findings, dropped: true };
  }
  return { findings, dropped: false };
}
