// The address family of a virtual_server as keepalived settles it while reading the block (check_parser.c):
// the service's own address, else `ip_family`, else the first real server that is not tunnelled, else
// persistence_granularity. A real or sorry server of the other family is skipped; under TUN the families may
// differ (the kernel encapsulates). persistence_granularity is read by the family settled so far.
import type { Statement } from '../../syntax';
import { isForwardingMethod, type VirtualServerView } from '../../syntax/views';
import { ipFamily } from '../ipFamily';
import type { FileDiagnostic } from '../unit';
import { ownForwardingMethod } from './lvsDefaults';

const METHOD_KEYWORDS = new Set(['lb_kind', 'lvs_method']);
const FAMILY_NAMES: Record<string, 4 | 6> = { inet: 4, inet6: 6 };
const label = (family: 4 | 6) => (family === 4 ? 'IPv4' : 'IPv6');

export function serviceFamilyFindings(file: string, service: VirtualServerView): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  const address = service.form === 'address' && service.address ? ipFamily(service.address.value) : 0;
  let family: 4 | 6 | undefined = address || undefined;
  let method: string | undefined;
  let sorry: { statement: Statement; method: string | undefined } | undefined;

  const join = (statement: Statement, serverMethod: string | undefined, what: string) => {
    const word = statement.args[0];
    const own = word ? ipFamily(word.text) : 0;
    if (!own || serverMethod === 'TUN') return;
    if (family === undefined) family = own;
    else if (own !== family) {
      out.push({
        file,
        range: word.range,
        severity: 'error',
        code: 'ip-family-mismatch',
        message: `${what} ${word.text} is ${label(own)} but this virtual_server is ${label(family)}: keepalived skips it (only a TUN server may differ)`,
      });
    }
  };

  for (const s of service.statement.block?.statements ?? []) {
    const value = s.args[0]?.text;
    if (METHOD_KEYWORDS.has(s.name)) {
      if (isForwardingMethod(value)) method = value!;
    }
    else if (s.name === 'ip_family' && value && FAMILY_NAMES[value]) {
      const named = FAMILY_NAMES[value];
      if (family !== undefined && named !== family) {
        out.push({ file, range: s.args[0].range, severity: 'error', code: 'ip-family-mismatch', message: `ip_family ${value} contradicts this virtual_server's ${label(family)} addresses: keepalived ignores it` });
      } else family = named;
    } else if (s.name === 'real_server') {
      // a real server starts with the service's method so far; its own lvs_method replaces it
      join(s, ownForwardingMethod(s) ?? method, 'real_server');
    } else if (s.name === 'sorry_server') sorry = { statement: s, method };
    else if (s.name === 'sorry_server_lvs_method' && sorry && isForwardingMethod(value)) sorry.method = value!;
    else if (s.name === 'persistence_granularity' && value) {
      // read by the family so far; with none yet a '.' makes it IPv4, and the mask then sets the family
      family ??= value.includes('.') ? 4 : 6;
      const problem = granularityProblem(value, family);
      if (problem) out.push({ file, range: s.args[0].range, severity: 'error', ...problem });
    }
  }
  // keepalived settles the sorry server once the whole block is read
  if (sorry) join(sorry.statement, sorry.method, 'sorry_server');
  return out;
}

/** persistence_granularity: an IPv4 netmask (as inet_aton reads it) or an IPv6 prefix length */
function granularityProblem(value: string, family: 4 | 6): { code: 'invalid-address' | 'invalid-number'; message: string } | undefined {
  if (family === 4) return isInetAton(value) ? undefined : { code: 'invalid-address', message: `persistence_granularity ${value} is not an IPv4 netmask: keepalived ignores it` };
  if (/^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 128) return undefined;
  return { code: 'invalid-number', message: `persistence_granularity of an IPv6 service is a prefix length from 1 to 128, not '${value}': keepalived ignores it` };
}

/** What the C library's inet_aton (behind keepalived's getaddrinfo) reads as IPv4: 1 to 4 parts, decimal, 0x hex or 0 octal. */
function isInetAton(text: string): boolean {
  const parts = text.split('.');
  if (parts.length > 4) return false;
  const values = parts.map((p) => (/^0x[0-9a-f]+$/i.test(p) ? parseInt(p, 16) : /^0[0-7]*$/.test(p) ? parseInt(p, 8) : /^[1-9]\d*$/.test(p) ? Number(p) : NaN));
  if (values.some((v) => Number.isNaN(v))) return false;
  const lastMax = 2 ** (8 * (5 - parts.length)) - 1;
  return values.slice(0, -1).every((v) => v <= 255) && values[values.length - 1] <= lastMax;
}
