// The words after a forwarding method (check_parser.c, svr_forwarding_handler): `type ipip|gue|gre`,
// `port N` (gue only) and `nocsum|csum|remcsum`. keepalived reads them after any method, NAT and DR too, and
// at the first mistake stops: it keeps the method but none of the line's tunnel options.
import type { Statement, Word } from '../../syntax';
import { isForwardingMethod } from '../../syntax/views';
import type { FileDiagnostic } from '../unit';
import type { RuleCode } from '../../rules/codes';
import { readDecimal } from './routeValues';

const TUNNEL_TYPES = ['ipip', 'gue', 'gre'];
const CHECKSUMS = ['nocsum', 'csum', 'remcsum'];

/** which server keepalived names in its messages: the service's default, the sorry server or a real server */
export type ForwardingOwner = 'virtual' | 'sorry' | 'real';
const OWNERS: Record<ForwardingOwner, string> = { virtual: 'the service', sorry: 'the sorry server', real: 'this real server' };

/** The finding for a forwarding method line whose tunnel options keepalived refuses, if any. */
export function tunnelOptionFindings(file: string, statement: Statement, owner: ForwardingOwner): FileDiagnostic[] {
  const [method, ...words] = statement.args;
  // an unknown method stops keepalived before the options (reported with the method)
  if (!isForwardingMethod(method?.text)) return [];
  const ignored = `keepalived sets ${method.text} forwarding for ${OWNERS[owner]} but ignores this line's tunnel options`;
  const finding = (word: Word, code: RuleCode, what: string): FileDiagnostic[] => [{ file, range: word.range, severity: 'error', code, message: `${what}: ${ignored}` }];
  let type: Word | undefined;
  let port: Word | undefined;
  let checksum: Word | undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const value = words[i + 1];
    if (word.text === 'type') {
      if (!value) return finding(word, 'argument-count', "'type' needs a tunnel type (ipip, gue or gre)");
      if (!TUNNEL_TYPES.includes(value.text)) return finding(value, 'invalid-value', `'${value.text}' is not a tunnel type (ipip, gue or gre, in lower case)`);
      type = value;
      i++;
    } else if (word.text === 'port') {
      if (!value) return finding(word, 'argument-count', "'port' needs the gue tunnel's port");
      const n = readDecimal(value.text, 65535);
      if (n === undefined || n < 1) return finding(value, 'invalid-number', `gue tunnel port '${value.text}' is not a number from 1 to 65535`);
      port = value;
      i++;
    } else if (CHECKSUMS.includes(word.text)) checksum = word;
    else return finding(word, 'invalid-value', `'${word.text}' is no tunnel option (type, port, nocsum, csum, remcsum)`);
  }
  const typeName = type?.text ?? 'ipip';
  if (typeName === 'gue' && !port) return finding(type!, 'missing-required', "a gue tunnel needs 'port N'");
  if (typeName !== 'gue' && port) return finding(port, 'invalid-argument', `only gue tunnels take a port, not ${typeName}${type ? '' : ' (the default type)'}`);
  if (typeName === 'ipip' && checksum && checksum.text !== 'nocsum') return finding(checksum, 'invalid-argument', `ipip tunnels take no checksum option ('${checksum.text}')${type ? '' : ' (ipip is the default type)'}`);
  if (typeName === 'gre' && checksum?.text === 'remcsum') return finding(checksum, 'invalid-argument', "gre tunnels take no remote checksum ('remcsum')");
  return [];
}
