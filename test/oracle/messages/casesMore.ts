/** Message cases of BFD instances, track files, checkers and VIP options (bfd_parser.c, track_file.c, check_*.c, vrrp_ipaddress.c). */
import { instance } from './configParts';
import type { MessageCase } from './messageTable';

const bfd = (...lines: string[]) => ['bfd_instance B {', '  neighbor_ip 192.0.2.2', ...lines, '}'];
const route = (item: string) => instance('  virtual_routes {', `    ${item}`, '  }');
const rule = (item: string) => instance('  virtual_rules {', `    ${item}`, '  }');
const vip = (item: string) => instance('  virtual_ipaddress {', `    ${item}`, '  }');
/** A TCP_CHECK of a real server, holding `lines` from line 7. */
const checker = (type: string, ...lines: string[]) => ['virtual_server 192.0.2.100 80 {', '  lb_algo rr', '  lb_kind NAT', '  protocol TCP', '  real_server 192.0.2.11 80 {', `    ${type} {`, ...lines.map((l) => `      ${l}`), '    }', '  }', '}'];

export const MORE_CASES: readonly MessageCase[] = [
  { formats: ['Configuration error: BFD instance %s has malformed %s address %s, ignoring instance'], config: ['bfd_instance B {', '  neighbor_ip 192.0.2.300', '}'], line: 2, code: 'invalid-address', severity: 'error' },
  { formats: ['Configuration error: BFD instance %s has malformed source address %s, ignoring'], config: bfd('  source_ip 192.0.2.300'), line: 3, code: 'invalid-address', severity: 'error' },
  { formats: ['Configuration error: BFD instance %s min_rx value %s is not valid (must be in range [%u-%u]), ignoring'], config: bfd('  min_rx 0'), line: 3, code: 'invalid-number', severity: 'error' },
  { formats: ['Configuration error: BFD instance %s min_tx value %s is not valid (must be in range [%u-%u]), ignoring'], config: bfd('  min_tx 0'), line: 3, code: 'invalid-number', severity: 'error' },
  { formats: ['Configuration error: BFD instance %s idle_tx value %s is not valid (must be in range [%u-%u]), ignoring'], config: bfd('  idle_tx 5'), line: 3, code: 'invalid-number', severity: 'error' },
  { formats: ['Configuration error: BFD instance %s multiplier value %s not valid (must be in range [%u-%u]), ignoring'], config: bfd('  multiplier 0'), line: 3, code: 'invalid-number', severity: 'error' },
  { formats: ['Configuration error: BFD instance %s ttl/hoplimit value %s not valid (must be in range [1-%d]), ignoring'], config: bfd('  ttl 0'), line: 3, code: 'invalid-number', severity: 'error' },
  { formats: ['Configuration error: BFD instance %s max_hops value %s not valid (must be in range [-1-%d]), ignoring'], config: bfd('  max_hops 300'), line: 3, code: 'invalid-number', severity: 'error' },
  { formats: ['track file file name missing'], config: ['vrrp_track_file F {', '  file', '}'], line: 2, code: 'argument-count', severity: 'error' },
  { formats: ['Weight (%s) for track_file %s must be between [-254..254] inclusive. Ignoring...'], config: ['vrrp_track_file F {', '  file /tmp/keepalived-message-test-weight', '  weight 300', '}'], line: 3, code: 'invalid-number', severity: 'error' },
  { formats: ['No file set for track_file %s - ignoring'], config: ['vrrp_track_file F {', '  weight 1', '}'], line: 1, keepalivedLine: 3, code: 'missing-required', severity: 'error' },
  { formats: ['(%s) track file %s not found, ignoring...'], config: instance('  track_file {', '    NOSUCH', '  }'), line: 4, code: 'undefined-reference', severity: 'error' },
  { formats: ["Invalid checker connect_port '%s'"], config: checker('TCP_CHECK', 'connect_port 99999'), line: 7, code: 'invalid-number', severity: 'error' },
  { formats: ["Invalid checker bind_port '%s'"], config: checker('TCP_CHECK', 'bind_port 99999'), line: 7, code: 'invalid-number', severity: 'error' },
  { formats: ["Invalid fwmark connection value '%s'"], config: checker('TCP_CHECK', 'fwmark abc'), line: 7, code: 'invalid-number', severity: 'error' },
  { formats: ["Invalid delay_before_retry connection value '%s'"], config: checker('TCP_CHECK', 'delay_before_retry -1'), line: 7, code: 'invalid-number', severity: 'error' },
  { formats: ["Invalid warmup connection value '%s'"], config: checker('TCP_CHECK', 'warmup -1'), line: 7, code: 'invalid-number', severity: 'error' },
  { formats: ['Invalid log_all_failures parameter %s'], config: checker('TCP_CHECK', 'log_all_failures maybe'), line: 7, code: 'invalid-value', severity: 'error' },
  { formats: ["Invalid nb_get_retry value '%s'"], config: checker('HTTP_GET', 'nb_get_retry abc', 'url {', '  path /', '  status_code 200', '}'), line: 7, code: 'invalid-number', severity: 'error' },
  { formats: ['Invalid http_protocol version %s'], config: checker('HTTP_GET', 'http_protocol 2.0', 'url {', '  path /', '  status_code 200', '}'), line: 7, code: 'invalid-value', severity: 'error' },
  { formats: ['Invalid enable_sni parameter %s'], config: checker('SSL_GET', 'enable_sni maybe', 'url {', '  path /', '  status_code 200', '}'), line: 7, code: 'invalid-value', severity: 'error' },
  { formats: ['Invalid fast_recovery parameter %s'], config: checker('HTTP_GET', 'fast_recovery maybe', 'url {', '  path /', '  status_code 200', '}'), line: 7, code: 'invalid-value', severity: 'error' },
  { formats: ['Unknown DNS check type %s - ignoring'], config: checker('DNS_CHECK', 'type XYZ', 'name example.com'), line: 7, code: 'invalid-value', severity: 'error' },
  { formats: ['Interface name %s is too long - ignoring'], config: checker('TCP_CHECK', 'bind_if eth0123456789abcdef'), line: 7, code: 'invalid-argument', severity: 'error' },
  { formats: ['Invalid connect_ip address %s - ignoring'], config: checker('TCP_CHECK', 'connect_ip 192.0.2.300'), line: 7, code: 'invalid-address', severity: 'error' },
  { formats: ['Invalid bindto address %s - ignoring'], config: checker('TCP_CHECK', 'bindto 192.0.2.300'), line: 7, code: 'invalid-address', severity: 'error' },
  { formats: ['connect_timeout %s invalid - ignoring'], config: checker('TCP_CHECK', 'connect_timeout abc'), line: 7, code: 'invalid-number', severity: 'error' },
  { formats: ["Invalid retry connection value '%s'"], config: checker('TCP_CHECK', 'retry abc'), line: 7, code: 'invalid-number', severity: 'error' },
  { formats: ["delay_loop '%s' is invalid - ignoring"], config: checker('TCP_CHECK', 'delay_loop abc'), line: 7, code: 'invalid-number', severity: 'error' },
  { formats: ["nb_get_retry is deprecated - please use 'retry'"], config: checker('HTTP_GET', 'url {', '  path /', '}', 'nb_get_retry 3'), line: 10, code: 'deprecated', severity: 'warning' },
  { formats: ['HTTP/SSL_GET checker has no urls specified - ignoring'], config: checker('HTTP_GET', 'connect_timeout 3'), line: 6, keepalivedLine: 8, code: 'missing-required', severity: 'error' },
  { formats: ["Invalid HTTP_GET status code '%s'"], config: checker('HTTP_GET', 'url {', '  path /', '  status_code 999', '}'), line: 9, code: 'invalid-value', severity: 'error' },
  { formats: ['HTTP/SSL_GET checker url has no path - ignoring'], config: checker('HTTP_GET', 'url {', '  status_code 200', '}'), line: 7, keepalivedLine: 9, code: 'missing-required', severity: 'error' },
  { formats: ['No script path has been specified for MISC_CHECKER - skipping'], config: checker('MISC_CHECK', 'misc_timeout 5'), line: 6, keepalivedLine: 8, code: 'missing-required', severity: 'error' },
  { formats: ["Invalid misc_timeout value '%s'"], config: checker('MISC_CHECK', 'misc_path /bin/true', 'misc_timeout abc'), line: 8, code: 'invalid-number', severity: 'error' },
  { formats: ['Invalid address prefix len %s for address %s - using %d'], config: vip('192.0.2.10/33'), line: 4, code: 'invalid-address', severity: 'error' },
  // Neutron's L3 HA writes 'scope link' after its link-local VIPs (found on configs from public repositories)
  { formats: ['Cannot specify scope for IPv6 addresses (%s) - ignoring scope'], config: vip('fe80::10/64 scope link'), line: 4, code: 'ineffective-setting', severity: 'warning' },
  { formats: ['Cannot specify label for IPv6 addresses (%s) - ignoring label'], config: vip('2001:db8::10/64 label eth0:v6'), line: 4, code: 'ineffective-setting', severity: 'warning' },
  { formats: ['"gw" for routes is deprecated. Please use "via"'], config: route('198.51.100.0/24 gw 192.0.2.1'), line: 4, code: 'deprecated', severity: 'warning' },
  { formats: ['invalid route via address %s'], config: route('198.51.100.0/24 via 192.0.2.300'), line: 4, code: 'invalid-address', severity: 'error' },
  { formats: ['invalid route src address %s'], config: route('198.51.100.0/24 src 192.0.2.300 dev eth0'), line: 4, code: 'invalid-address', severity: 'error' },
  { formats: ['Cannot mix IPv4 and IPv6 addresses for route'], config: route('198.51.100.0/24 via 2001:db8::1'), line: 4, code: 'ip-family-mismatch', severity: 'error' },
  { formats: ['Invalid rule from address %s'], config: rule('from 192.0.2.300 table 100'), line: 4, code: 'invalid-address', severity: 'error' },
  { formats: ['Invalid rule to address %s'], config: rule('to 192.0.2.300 table 100'), line: 4, code: 'invalid-address', severity: 'error' },
];
