/**
 * Message cases of the words after a forwarding method (tunnel options), of checkers' connection options and
 * of UDP_CHECK's reply settings (check/check_parser.c, check_api.c, check_udp.c).
 */
import type { MessageCase } from './messageTable';

/** a virtual server whose lb_kind (line 3) is `kind` */
const lbKind = (kind: string) => ['virtual_server 192.0.2.100 80 {', '  lb_algo rr', `  lb_kind ${kind}`, '  protocol TCP', '  real_server 192.0.2.11 80 {', '  }', '}'];
/** a DR virtual server with `lines` on lines 5-… and one real server after them */
const vs = (...lines: string[]) => ['virtual_server 192.0.2.100 80 {', '  lb_algo rr', '  lb_kind DR', '  protocol TCP', ...lines, '  real_server 192.0.2.11 80 {', '  }', '}'];
/** a NAT `protocol` virtual server whose real server `rs` (line 5) holds checker `type` (line 6) with `lines` from line 7 */
const checker = (protocol: string, rs: string, type: string, ...lines: string[]) => ['virtual_server 192.0.2.100 80 {', '  lb_algo rr', '  lb_kind NAT', `  protocol ${protocol}`, `  real_server ${rs} 80 {`, `    ${type} {`, ...lines.map((l) => `      ${l}`), '    }', '  }', '}'];
const udp = (...lines: string[]) => checker('UDP', '192.0.2.11', 'UDP_CHECK', ...lines);
const tcp = (...lines: string[]) => checker('TCP', '192.0.2.11', 'TCP_CHECK', ...lines);
/** bfd_instance B1 (lines 1-3), then a TCP real server (line 8) with `lines` from line 9 */
const withBfd = (...lines: string[]) => ['bfd_instance B1 {', '  neighbor_ip 192.0.2.1', '}', 'virtual_server 192.0.2.100 80 {', '  lb_algo rr', '  lb_kind NAT', '  protocol TCP', '  real_server 192.0.2.11 80 {', ...lines.map((l) => `    ${l}`), '  }', '}'];
/** bfd_instance B1 (line 1) with neighbor_ip on line 2 and `lines` from line 3 */
const bfd = (neighbor: string, ...lines: string[]) => ['bfd_instance B1 {', `  neighbor_ip ${neighbor}`, ...lines.map((l) => `  ${l}`), '}'];
const LONG = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJ';
/** a forwarding line whose tunnel options keepalived ignores (it keeps the method) */
const tunnel = (format: string, config: string[], line: number, code: string): MessageCase => ({ formats: [format], config, line, code, severity: 'error', says: /ignores this line's tunnel options/ });

export const CHECKER_OPTION_CASES: readonly MessageCase[] = [
  // check_parser.c, svr_forwarding_handler: the words after NAT, DR or TUN (any of them) are tunnel options
  tunnel('Missing tunnel type for %s server.', lbKind('TUN type'), 3, 'argument-count'),
  tunnel('Unknown tunnel type %s for %s server.', lbKind('TUN type foo'), 3, 'invalid-value'),
  tunnel('Unknown tunnel type %s for %s server.', vs('  sorry_server 192.0.2.50 80', '  sorry_server_lvs_method TUN type GUE port 6080'), 6, 'invalid-value'),
  tunnel('Missing port for %s server gue tunnel.', lbKind('TUN type gue port'), 3, 'argument-count'),
  // read_unsigned says it first ("number '0' outside range")
  tunnel('Invalid gue tunnel port %s for %s server.', lbKind('TUN type gue port 0'), 3, 'invalid-number'),
  tunnel('Invalid tunnel option %s for %s server.', lbKind('TUN type ipip foo'), 3, 'invalid-value'),
  tunnel('gue tunnels require port, otherwise cannot have port.', lbKind('TUN type gue'), 3, 'missing-required'),
  // a port without a type: the type is ipip
  tunnel('gue tunnels require port, otherwise cannot have port.', lbKind('NAT port 6080'), 3, 'invalid-argument'),
  tunnel('ipip tunnels do not support checksum option.', vs('  real_server 192.0.2.12 80 {', '    lvs_method TUN csum', '  }'), 6, 'invalid-argument'),
  tunnel('gre tunnels do not support remote checksum option.', lbKind('TUN type gre remcsum'), 3, 'invalid-argument'),

  // check_udp.c
  { formats: ['UDP_CHECK payload requires a payload'], config: udp('payload'), line: 7, code: 'argument-count', severity: 'error' },
  { formats: ['Invalid hex string for UDP_CHECK reply'], config: udp('require_reply zz'), line: 7, code: 'invalid-argument', severity: 'error' },
  { formats: ['Invalid hex string for UDP_CHECK reply'], config: udp('require_reply " "'), line: 7, code: 'invalid-argument', severity: 'error' },
  // 2.2.7 takes a last byte of ff for its error marker (fixed in 2.3.3)
  { formats: ['Invalid hex string for UDP_CHECK payload'], config: udp('payload 0a ff'), line: 7, code: 'invalid-argument', severity: 'error', notIn: ['2.4.3'] },
  { formats: ['Invalid hex string for UDP_CHECK reply'], config: udp('require_reply 0aff'), line: 7, code: 'invalid-argument', severity: 'error', notIn: ['2.4.3'] },
  // printed on the checker's '}'; with reply data to compare the check always fails
  { formats: ['UDP_CHECK min_reply length %d > max_reply_length %d - will always fail'], config: udp('require_reply 0a', 'min_reply_length 10', 'max_reply_length 5'), line: 9, keepalivedLine: 10, code: 'invalid-number', severity: 'error', says: /always fails/ },
  // without reply data no length is compared; the default max_reply_length is 255
  { formats: ['UDP_CHECK min_reply length %d > max_reply_length %d - will always fail'], config: udp('min_reply_length 300'), line: 7, keepalivedLine: 8, code: 'invalid-number', severity: 'warning' },

  // check_api.c: connect_ip starts as the real server's address; a connect_ip or bindto of the other family is skipped
  { formats: ['connect_ip address %s does not match address family of bindto - skipping'], config: tcp('bindto 192.0.2.5', 'connect_ip 2001:db8::20'), line: 8, code: 'ip-family-mismatch', severity: 'error' },
  { formats: ['bindto address %s does not match address family of connect_ip - skipping'], config: tcp('connect_ip 192.0.2.20', 'bindto 2001:db8::1'), line: 8, code: 'ip-family-mismatch', severity: 'error' },
  { formats: ['bindto address %s does not match address family of connect_ip - skipping'], config: tcp('bindto 2001:db8::1', 'connect_ip 2001:db8::20'), line: 7, code: 'ip-family-mismatch', severity: 'error', says: /the real server's address/ },
  // a link-local destination without bind_if: keepalived drops the checker as its block closes
  { formats: ['Checker link local address %s requires a bind_if'], config: tcp('connect_ip fe80::1'), line: 7, keepalivedLine: 8, code: 'missing-required', severity: 'error' },
  // a bind_if too long to be read counts for none
  { formats: ['Checker link local address %s requires a bind_if'], config: checker('TCP', '192.0.2.11', 'PING_CHECK', 'connect_ip fe80::1', 'bind_if eth0123456789012345'), line: 7, keepalivedLine: 9, code: 'missing-required', severity: 'error' },
  // the min/max comparison comes after the connection check, which drops the checker first
  { formats: ['Checker link local address %s requires a bind_if'], config: udp('min_reply_length 300', 'connect_ip fe80::1'), line: 8, keepalivedLine: 9, code: 'missing-required', severity: 'error' },

  // bfd_data.c, alloc_bfd: a name of 32 characters or more; the vrrp process (vrrp_track.c) says so too, the checker process keeps it
  { formats: ['Configuration error: BFD instance %s name too long (maximum length is %zu characters) - ignoring', 'BFD name %s too long'], config: [`bfd_instance ${LONG} {`, '  neighbor_ip 192.0.2.1', '}'], line: 1, code: 'invalid-argument', severity: 'error' },
  // check_bfd.c: the checker process knows the long name, and refuses it for a BFD_CHECK
  { formats: ['(%s) BFD_CHECK - BFD name %s too long'], config: [`bfd_instance ${LONG} {`, '  neighbor_ip 192.0.2.1', '}', 'virtual_server 192.0.2.100 80 {', '  lb_algo rr', '  lb_kind NAT', '  protocol TCP', '  real_server 192.0.2.11 80 {', '    BFD_CHECK {', `      name ${LONG}`, '    }', '  }', '}'], line: 10, code: 'invalid-argument', severity: 'error' },
  // a second BFD_CHECK of one real server on the same instance: keepalived drops it (the first one stays)
  { formats: ['(%s) BFD_CHECK - RS already monitoring %s'], config: withBfd('BFD_CHECK {', '  name B1', '}', 'BFD_CHECK {', '  name B1', '}'), line: 13, code: 'ineffective-setting', severity: 'warning' },
  // bfd_parser.c, as the block closes: max_hops is lowered to the ttl (default 255 for IPv4, 64 for IPv6)
  { formats: ['BFD instance %s: max_hops exceeds ttl/hoplimit - setting to ttl/hoplimit'], config: bfd('192.0.2.1', 'ttl 10', 'max_hops 20'), line: 4, keepalivedLine: 5, code: 'ineffective-setting', severity: 'warning' },
  { formats: ['BFD instance %s: max_hops exceeds ttl/hoplimit - setting to ttl/hoplimit'], config: bfd('2001:db8::1', 'max_hops 100'), line: 3, keepalivedLine: 4, code: 'ineffective-setting', severity: 'warning' },
  // max_hops is kept in a byte: -1 is 255, above IPv6's default hop limit
  { formats: ['BFD instance %s: max_hops exceeds ttl/hoplimit - setting to ttl/hoplimit'], config: bfd('2001:db8::1', 'max_hops -1'), line: 3, keepalivedLine: 4, code: 'ineffective-setting', severity: 'warning', says: /255/ },

  // check_parser.c: a persistence engine name longer than IP_VS_PENAME_MAXLEN (16) is cut
  { formats: ['persistence_name too long, truncating - %s'], config: vs('  persistence_timeout 60', '  persistence_engine abcdefghijklmnopq'), line: 6, code: 'invalid-argument', severity: 'warning' },
  // check_data.c, once the config is read (no line): the sorry server takes the inhibit_on_failure of the real server it is
  { formats: ['Virtual server %s: real server %s matches sorry server, but inhibit setting differs, %sing on sorry server'], config: vs('  sorry_server 192.0.2.11 80', '  real_server 192.0.2.11 80 {', '    inhibit_on_failure', '  }'), line: 5, keepalivedLine: null, code: 'ineffective-setting', severity: 'warning', says: /sets sorry_server_inhibit/ },
  { formats: ['Virtual server %s: real server %s matches sorry server, but inhibit setting differs, %sing on sorry server'], config: vs('  sorry_server 192.0.2.11 80', '  sorry_server_inhibit', '  real_server 192.0.2.11 80 {', '  }'), line: 5, keepalivedLine: null, code: 'ineffective-setting', severity: 'warning', says: /clears sorry_server_inhibit/ },
  // check_http.c: a second regex of a url replaces the first; 2.2.7 replaces it without a word
  { formats: ['Duplicate regex specified - replacing %s with %s'], config: checker('TCP', '192.0.2.11', 'HTTP_GET', 'url {', '  path /', '  regex "a"', '  regex "b"', '}'), line: 10, code: 'duplicate-keyword', severity: 'warning', silentIn: ['2.2.7'] },
];
