/**
 * Message cases of checkers (check/*.c), BFD instances, track files, virtual server groups, the SSL block, and
 * nexthops and track groups of routes and rules (vrrp_iproute.c, vrrp_iprule.c).
 */
import { instance, TRACK_FILE } from './configParts';
import type { MessageCase } from './messageTable';

/** an instance whose virtual_routes block holds `words` on line 4 */
const route = (words: string) => instance('  virtual_routes {', `    ${words}`, '  }');
/** a route keepalived drops (an error on line 4) */
const droppedRoute = (format: string, words: string, code: string, extra: Partial<MessageCase> = {}): MessageCase => ({ formats: [format], config: route(words), line: 4, code, severity: 'error', ...extra });
/** static track group TG of VI_1 (lines 1-5), `block` on lines 6-8, then VI_1 */
const withTrackGroup = (block: string, words: string) => ['track_group TG {', '  group {', '    VI_1', '  }', '}', `${block} {`, `  ${words}`, '}', 'vrrp_instance VI_1 {', '  interface eth0', '  virtual_router_id 51', '  virtual_ipaddress {', '    192.0.2.10/24', '  }', '}'];
/** a NAT TCP virtual server whose real server (line 5) holds `lines` from line 6 */
const checker = (...lines: string[]) => ['virtual_server 192.0.2.100 80 {', '  lb_algo rr', '  lb_kind NAT', '  protocol TCP', '  real_server 192.0.2.11 80 {', ...lines, '  }', '}'];
/** the same on UDP */
const udpChecker = (...lines: string[]) => ['virtual_server 192.0.2.100 80 {', '  lb_algo rr', '  lb_kind NAT', '  protocol UDP', '  real_server 192.0.2.11 80 {', ...lines, '  }', '}'];
/** a NAT TCP virtual server with `lines` from line 5 and one real server */
const vs = (...lines: string[]) => ['virtual_server 192.0.2.100 80 {', '  lb_algo rr', '  lb_kind NAT', '  protocol TCP', ...lines, '  real_server 192.0.2.11 80 {', '  }', '}'];
/** bfd_instance B1 (line 1) with neighbor_ip on line 2 and `lines` from line 3 */
const bfd = (...lines: string[]) => ['bfd_instance B1 {', '  neighbor_ip 192.0.2.1', ...lines, '}'];
/** track_file tf with `line` on line 3 */
const trackFile = (line: string) => ['track_file tf {', '  file /tmp/keepalived-message-test-track', `  ${line}`, '}'];

export const CHECKER_BFD_ROUTE_CASES: readonly MessageCase[] = [
  // bfd_parser.c
  { formats: ['Configuration error: BFD instance %s multihop setting not valid - %s'], config: bfd('  multihop maybe'), line: 3, code: 'invalid-value', severity: 'error' },
  { formats: ['Configuration error: BFD instance %s weight value %s not valid (must be in range [%d-%d]), ignoring'], config: [...bfd('  weight 300'), ...instance('  track_bfd {', '    B1', '  }')], line: 3, code: 'invalid-number', severity: 'error' },
  { formats: ['Configuration error: BFD instance %s unknown weight option %s'], config: [...bfd('  weight 10 inverse'), ...instance('  track_bfd {', '    B1', '  }')], line: 3, code: 'invalid-value', severity: 'error' },
  // check_bfd.c: keepalived prints it on the checker's '}'
  { formats: ['(%s) No name has been specified for BFD_CHECKER - skipping'], config: checker('    BFD_CHECK {', '    }'), line: 6, keepalivedLine: 7, code: 'missing-required', severity: 'error' },
  // check_data.c
  { formats: ["(%s): fwmark '%s' must be in [0, %u] - ignoring"], config: ['virtual_server_group G {', '  fwmark 4294967296', '  192.0.2.200 80', '}', 'virtual_server group G {', '  lb_algo rr', '  lb_kind DR', '  protocol TCP', '  real_server 192.0.2.11 80 {', '  }', '}'], line: 2, code: 'invalid-number', severity: 'error' },
  { formats: ['Invalid virtual server group IP address %s %s%s%s - skipping'], config: ['virtual_server_group G {', '  192.0.2.300 80', '  192.0.2.200 80', '}', 'virtual_server group G {', '  lb_algo rr', '  lb_kind DR', '  protocol TCP', '  real_server 192.0.2.11 80 {', '  }', '}'], line: 2, code: 'invalid-address', severity: 'error' },
  { formats: ['Invalid range end %s - skipping'], config: ['virtual_server_group G {', '  192.0.2.1-192.0.2.300 80', '  192.0.2.200 80', '}', 'virtual_server group G {', '  lb_algo rr', '  lb_kind DR', '  protocol TCP', '  real_server 192.0.2.11 80 {', '  }', '}'], line: 2, code: 'invalid-address', severity: 'error' },
  { formats: ["virtual server fwmark '%s' must be in [0, %u] - ignoring"], config: ['virtual_server fwmark 4294967296 {', '  lb_algo rr', '  lb_kind DR', '  real_server 192.0.2.11 {', '  }', '}'], line: 1, code: 'invalid-number', severity: 'error' },
  { formats: ['Invalid sorry server IP address %s - skipping'], config: vs('  sorry_server 192.0.2.300 80'), line: 5, code: 'invalid-address', severity: 'error' },
  // check_file.c
  { formats: ['track file weight missing'], config: [...TRACK_FILE, ...checker('    FILE_CHECK {', '      track_file tf', '      weight', '    }')], line: 11, code: 'argument-count', severity: 'error' },
  { formats: ['weight for track file must be in [%d..%d] inclusive. Ignoring...'], config: [...TRACK_FILE, ...checker('    FILE_CHECK {', '      track_file tf', '      weight abc', '    }')], line: 11, code: 'invalid-number', severity: 'error' },
  { formats: ['unknown track file weight option %s - ignoring'], config: [...TRACK_FILE, ...checker('    FILE_CHECK {', '      track_file tf', '      weight 10 inverse', '    }')], line: 11, code: 'invalid-value', severity: 'error' },
  // keepalived prints it on the checker's '}'
  { formats: ['FILE_CHECK has no track_file specified - ignoring'], config: checker('    FILE_CHECK {', '      weight 10', '    }'), line: 6, keepalivedLine: 8, code: 'missing-required', severity: 'error' },
  // check_http.c
  { formats: ['HTTP_GET virtualhost name missing'], config: checker('    HTTP_GET {', '      virtualhost', '      url {', '        path /', '      }', '    }'), line: 7, code: 'argument-count', severity: 'error' },
  { formats: ['Missing HTTP_GET virtualhost name'], config: checker('    HTTP_GET {', '      url {', '        path /', '        virtualhost', '      }', '    }'), line: 9, code: 'argument-count', severity: 'error' },
  { formats: ['Missing http_protocol version'], config: checker('    HTTP_GET {', '      http_protocol', '      url {', '        path /', '      }', '    }'), line: 7, code: 'argument-count', severity: 'error' },
  // 2.2.7 has no tls_compliant (Unknown keyword; the linter says newer-keyword there)
  { formats: ['Invalid tls_compliant option %s'], config: checker('    SSL_GET {', '      url {', '        path /', '        tls_compliant maybe', '      }', '    }'), line: 9, code: 'invalid-value', severity: 'error' },
  // 2.2.7 logs the same text with log_message (syslog only): keepalived -t prints nothing there
  { formats: ['regex missing or too many fields'], config: checker('    HTTP_GET {', '      url {', '        path /', '        regex', '      }', '    }'), line: 9, code: 'argument-count', severity: 'error', runtimeOnly: ['2.2.7'] },
  // two patterns: keepalived ignores the whole line (2.2.7 says so only in the daemon's log)
  { formats: ['regex missing or too many fields'], config: checker('    HTTP_GET {', '      url {', '        path /', '        regex "a" "b"', '      }', '    }'), line: 9, code: 'argument-count', severity: 'error', says: /ignores the whole line/, runtimeOnly: ['2.2.7'] },
  // a protocol number above 255: keepalived drops the route
  droppedRoute('Protocol %s not found or invalid for route', '198.51.100.0/24 dev eth0 protocol 256', 'invalid-number'),
  // a checker following a track_file or bfd_instance that is not defined, or only further down: keepalived drops the checker
  { formats: ['track_file %s not found'], config: checker('    FILE_CHECK {', '      track_file nosuch', '    }'), line: 7, code: 'undefined-reference', severity: 'error' },
  { formats: ['track_file %s not found'], config: [...checker('    FILE_CHECK {', '      track_file tf', '    }'), ...TRACK_FILE], line: 7, code: 'reference-before-definition', severity: 'error' },
  { formats: ['(%s) BFD_CHECK - BFD %s not configured'], config: checker('    BFD_CHECK {', '      name nosuch', '    }'), line: 7, code: 'undefined-reference', severity: 'error' },
  { formats: ['(%s) BFD_CHECK - BFD %s not configured'], config: [...checker('    BFD_CHECK {', '      name B1', '    }'), ...bfd()], line: 7, code: 'reference-before-definition', severity: 'error' },
  // two names, or a second name line: keepalived drops the whole BFD_CHECK
  { formats: ['(%s) BFD_CHECK - No or too many names specified - skipping checker'], config: [...bfd(), 'bfd_instance B2 {', '  neighbor_ip 192.0.2.2', '}', ...checker('    BFD_CHECK {', '      name B1 B2', '    }')], line: 13, code: 'argument-count', severity: 'error', says: /drops the whole BFD_CHECK block/ },
  { formats: ['(%s) BFD_CHECK - BFD %s already specified as %s'], config: [...bfd(), 'bfd_instance B2 {', '  neighbor_ip 192.0.2.2', '}', ...checker('    BFD_CHECK {', '      name B1', '      name B2', '    }')], line: 14, code: 'duplicate-keyword', severity: 'error', says: /drops the whole BFD_CHECK block/ },
  // bfd_parser.c, as a bfd_instance's block closes
  // a second bfd_instance of one name: keepalived skips it, block and all (the vrrp and checker parsers echo "BFD %s already specified")
  { formats: ['Configuration error: BFD instance %s already configured - ignoring', 'BFD %s already specified'], config: ['bfd_instance B1 {', '  neighbor_ip 192.0.2.1', '}', 'bfd_instance B1 {', '  neighbor_ip 192.0.2.2', '}'], line: 4, code: 'duplicate-name', severity: 'error' },
  // no neighbor_ip: the instance is dropped; keepalived prints it on the '}'
  { formats: ['Configuration error: BFD instance %s has no %s address set, disabling instance'], config: ['bfd_instance B1 {', '  min_rx 100', '}'], line: 1, keepalivedLine: 3, code: 'missing-required', severity: 'error' },
  // source_ip of the other family than neighbor_ip: dropped ('}' line); keepalived prints the source address twice (a bug)
  { formats: ['Configuration error: BFD instance %s source address %s and %s address %s are not of the same family, disabling instance'], config: bfd('  source_ip 2001:db8::1'), line: 3, keepalivedLine: 4, code: 'ip-family-mismatch', severity: 'error' },
  // same neighbor (and multihop setting) as an earlier instance, where either has no source_ip or both have the same: the later one is dropped ('}' line)
  { formats: ['Configuration error: BFD instance %s has duplicate %s address %s, ignoring instance'], config: [...bfd(), 'bfd_instance B2 {', '  neighbor_ip 192.0.2.1', '}'], line: 5, keepalivedLine: 6, code: 'duplicate-name', severity: 'error' },
  { formats: ['Configuration error: BFD instance %s has duplicate source/%s address %s/%s, ignoring instance'], config: [...bfd(), 'bfd_instance B2 {', '  neighbor_ip 192.0.2.1', '  source_ip 192.0.2.5', '}'], line: 5, keepalivedLine: 7, code: 'duplicate-name', severity: 'error' },
  // check_misc.c
  { formats: ['No user specified for misc checker script %s'], config: checker('    MISC_CHECK {', '      misc_path /usr/bin/true', '      user', '    }'), line: 8, code: 'argument-count', severity: 'error' },
  // check_parser.c
  { formats: ['SSL context already specified - replacing'], config: ['SSL {', '  password x', '}', 'SSL {', '  password y', '}'], line: 4, code: 'duplicate-keyword', severity: 'warning' },
  { formats: ['SSL %s missing'], config: ['SSL {', '  ca', '}'], line: 2, code: 'argument-count', severity: 'error' },
  // 2.4.3 says it with lib/parser.c's set_string (a format not covered yet either)
  { formats: ['SSL %s already specified - replacing', 'Duplicate %s - overwriting %s with %s'], config: ['SSL {', '  ca /tmp/a', '  ca /tmp/b', '}'], line: 3, code: 'duplicate-keyword', severity: 'warning' },
  { formats: ['virtual server virtualhost missing'], config: vs('  virtualhost'), line: 5, code: 'argument-count', severity: 'error' },
  { formats: ['real server virtualhost missing'], config: checker('    virtualhost'), line: 6, code: 'argument-count', severity: 'error' },
  { formats: ['Hysteresis %s must be in [0, %u] - ignoring'], config: vs('  hysteresis -1'), line: 5, code: 'invalid-number', severity: 'error' },
  // check_smtp.c
  { formats: ['SMTP_CHECK helo name missing'], config: checker('    SMTP_CHECK {', '      helo_name', '    }'), line: 7, code: 'argument-count', severity: 'error' },
  // check_udp.c
  { formats: ['Invalid hex string for UDP_CHECK payload'], config: udpChecker('    UDP_CHECK {', '      payload zz', '    }'), line: 7, code: 'invalid-argument', severity: 'error' },
  { formats: ['UDP_CHECK min length %s not valid - must be between 0 & %d'], config: udpChecker('    UDP_CHECK {', '      min_reply_length 70000', '    }'), line: 7, code: 'invalid-number', severity: 'error' },
  { formats: ['UDP_CHECK max length %s not valid - must be between 0 & %d'], config: udpChecker('    UDP_CHECK {', '      max_reply_length -1', '    }'), line: 7, code: 'invalid-number', severity: 'error' },
  // trackers/track_file.c
  { formats: ['No weight specified for track file %s - ignoring'], config: trackFile('weight'), line: 3, code: 'argument-count', severity: 'error' },
  { formats: ['track_file %s unknown weight option %s'], config: trackFile('weight 10 inverse'), line: 3, code: 'invalid-value', severity: 'error' },
  { formats: ['Track file %s init value %s is invalid'], config: trackFile('init_file 10x'), line: 3, code: 'invalid-number', severity: 'error' },
  // keepalived keeps the value (it only warns); the linter's "outside range" error is on the line
  { formats: ['Track file %s init value %d is outside sensible range [%d, %d]'], config: trackFile('init_file 300'), line: 3, code: 'invalid-number', severity: 'error' },
  { formats: ['Unknown track file init option %s'], config: trackFile('init_file foo'), line: 3, code: 'invalid-number', severity: 'error' },
  // vrrp_iproute.c: a nexthop keepalived drops (the route stays, without it)
  droppedRoute('IPv4/6 mismatch for nexthop', '198.51.100.0/24 nexthop via inet6 2001:db8::1 dev eth0', 'ip-family-mismatch'),
  droppedRoute('invalid nexthop address %s', '198.51.100.0/24 nexthop via 192.0.2.300 dev eth0', 'invalid-address'),
  droppedRoute('Address family mismatch for next hop', '198.51.100.0/24 nexthop via 2001:db8::1 dev eth0', 'ip-family-mismatch'),
  // the echo of "track_group %s is a duplicate": keepalived then drops the whole static route
  { formats: ['Route has trailing nonsense - %s'], config: withTrackGroup('static_routes', '198.51.100.0/24 dev eth0 track_group TG track_group TG'), line: 7, code: 'duplicate-keyword', severity: 'error' },
  // vrrp_iprule.c
  { formats: ['Static rule cannot have track_group if dev/iif not specified'], config: withTrackGroup('static_rules', 'from 192.0.2.10 table 100 preference 10 track_group TG'), line: 7, code: 'ineffective-setting', severity: 'warning' },
];
