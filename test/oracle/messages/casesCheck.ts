/** Message cases of the LVS side: virtual_server, real_server, checkers (check_parser.c, check_data.c). */
import type { MessageCase } from './messageTable';

const RS = ['  real_server 192.0.2.11 80 {', '    weight 1', '  }'];
/** A NAT virtual server on TCP port 80 (lines 1-4), `lines` from line 5, then one real server. */
const vs = (...lines: string[]) => ['virtual_server 192.0.2.100 80 {', '  lb_algo rr', '  lb_kind NAT', '  protocol TCP', ...lines, ...RS, '}'];
/** A virtual server whose real server (line 5) holds `lines` from line 6. */
const rs = (...lines: string[]) => ['virtual_server 192.0.2.100 80 {', '  lb_algo rr', '  lb_kind NAT', '  protocol TCP', '  real_server 192.0.2.11 80 {', ...lines, '  }', '}'];

export const CHECK_CASES: readonly MessageCase[] = [
  { formats: ["Invalid lvs_scheduler '%s' - ignoring"], config: ['virtual_server 192.0.2.100 80 {', '  lb_algo rX', '  lb_kind NAT', '  protocol TCP', ...RS, '}'], line: 2, code: 'invalid-value', severity: 'error' },
  { formats: ['PARSER : unknown [%s] routing method for %s server.'], config: ['virtual_server 192.0.2.100 80 {', '  lb_algo rr', '  lb_kind NATX', '  protocol TCP', ...RS, '}'], line: 3, code: 'invalid-value', severity: 'error' },
  { formats: ['Unknown protocol %s - ignoring'], config: ['virtual_server 192.0.2.100 80 {', '  lb_algo rr', '  lb_kind NAT', '  protocol TCPX', ...RS, '}'], line: 4, code: 'invalid-value', severity: 'error' },
  { formats: ['virtual server delay loop \'%s\' invalid - ignoring'], config: vs('  delay_loop abc'), line: 5, code: 'invalid-number', severity: 'error' },
  { formats: ['virtual server connect_timeout %s invalid - ignoring'], config: vs('  connect_timeout abc'), line: 5, code: 'invalid-number', severity: 'error' },
  { formats: ['retry value invalid - %s'], config: vs('  retry 0'), line: 5, code: 'invalid-number', severity: 'error' },
  { formats: ['%s only applies to sh scheduler - ignoring'], config: vs('  sh-port'), line: 5, code: 'scheduler-flag', severity: 'warning' },
  { formats: ['persistence_timeout invalid'], config: vs('  persistence_timeout 0'), line: 5, code: 'invalid-number', severity: 'error' },
  { formats: ['Invalid IPv4 persistence_granularity specified - %s'], config: vs('  persistence_timeout 60', '  persistence_granularity 255.255.300.0'), line: 6, code: 'invalid-address', severity: 'error' },
  { formats: ['virtual server snmp_name missing or extra parameters'], config: vs('  snmp_name web vip'), line: 5, code: 'argument-count', severity: 'error', says: /ignores the whole line/ },
  { formats: ['real server snmp_name missing or extra parameters'], config: rs('    snmp_name web 1'), line: 6, code: 'argument-count', severity: 'error', says: /ignores the whole line/ },
  { formats: ['real server connect_timeout %s invalid - ignoring'], config: rs('    connect_timeout abc'), line: 6, code: 'invalid-number', severity: 'error' },
  { formats: ['unknown address family %s'], config: vs('  ip_family inet4'), line: 5, code: 'invalid-value', severity: 'error' },
  // an IPv6 service takes a prefix length; an fwmark service with no family yet reads '64' as IPv6
  { formats: ['Invalid IPv6 persistence_granularity specified - %s'], config: ['virtual_server 2001:db8::100 80 {', '  lb_algo rr', '  lb_kind NAT', '  protocol TCP', '  persistence_granularity 255.255.255.0', '  real_server 2001:db8::11 80 {', '    weight 1', '  }', '}'], line: 5, code: 'invalid-number', severity: 'error' },
  { formats: ['Invalid IPv6 persistence_granularity specified - %s'], config: ['virtual_server fwmark 1 {', '  lb_algo rr', '  lb_kind DR', '  persistence_granularity 200', '  real_server 2001:db8::11 80 {', '    weight 1', '  }', '}'], line: 4, code: 'invalid-number', severity: 'error' },
  { formats: ['Invalid virtual_server smtp_alert parameter %s'], config: vs('  smtp_alert maybe'), line: 5, code: 'invalid-value', severity: 'error' },
  { formats: ['Ignoring sorry_server inhibit used before or without sorry_server'], config: vs('  sorry_server_inhibit'), line: 5, code: 'sorry-server-order', severity: 'warning' },
  { formats: ['Quorum %s must be in [1, %u]. Setting to 1.'], config: vs('  quorum 0'), line: 5, code: 'invalid-number', severity: 'error' },
  { formats: ['Virtual server weight %s is outside range 1-%d'], config: vs('  weight 0'), line: 5, code: 'invalid-number', severity: 'error' },
  { formats: ['Real server weight %s is outside range 0-%d'], config: rs('    weight -1'), line: 6, code: 'invalid-number', severity: 'error' },
  { formats: ['Invalid real_server uthreshold \'%s\' - ignoring'], config: rs('    uthreshold abc'), line: 6, code: 'invalid-number', severity: 'error' },
  { formats: ['Invalid real_server lthreshold \'%s\' - ignoring'], config: rs('    lthreshold abc'), line: 6, code: 'invalid-number', severity: 'error' },
  { formats: ['real server delay_loop \'%s\' invalid - ignoring'], config: rs('    delay_loop abc'), line: 6, code: 'invalid-number', severity: 'error' },
  { formats: ['Invalid inhibit_on_failure parameter %s'], config: rs('    inhibit_on_failure maybe'), line: 6, code: 'invalid-value', severity: 'error' },
  { formats: ['Invalid alpha parameter %s'], config: rs('    alpha maybe'), line: 6, code: 'invalid-value', severity: 'error' },
  { formats: ['Invalid real_server smtp_alert parameter %s'], config: rs('    smtp_alert maybe'), line: 6, code: 'invalid-value', severity: 'error' },
  { formats: ['Invalid real server ip address/port %s/%s - skipping'], config: ['virtual_server 192.0.2.100 80 {', '  lb_algo rr', '  lb_kind NAT', '  protocol TCP', '  real_server 192.0.2.300 80 {', '  }', '}'], line: 5, code: 'invalid-address', severity: 'error' },
  { formats: ['Invalid virtual server IP address%s %s%s%s - skipping'], config: ['virtual_server 192.0.2.300 80 {', '  lb_algo rr', '  lb_kind NAT', '  protocol TCP', ...RS, '}'], line: 1, code: 'invalid-address', severity: 'error' },
  { formats: ['Virtual server %s has no real servers - ignoring'], config: ['virtual_server 192.0.2.100 80 {', '  lb_algo rr', '  lb_kind NAT', '  protocol TCP', '}'], line: 1, keepalivedLine: { '2.2.7': null, '2.4.3': 5 }, code: 'missing-required', severity: 'error' },
  { formats: ['VS %s: real server %s is duplicated - removing second rs'], config: vs('  real_server 192.0.2.11 80 {', '  }'), line: 7, keepalivedLine: null, code: 'duplicate-real-server', severity: 'warning' },
  // keepalived compares addresses, not their spelling
  { formats: ['VS %s: real server %s is duplicated - removing second rs'], config: ['virtual_server 2001:db8::100 80 {', '  lb_algo rr', '  lb_kind NAT', '  protocol TCP', '  real_server 2001:DB8:0::11 80 {', '  }', '  real_server 2001:db8::11 80 {', '  }', '}'], line: 7, keepalivedLine: null, code: 'duplicate-real-server', severity: 'warning' },
  // the only real server is skipped, and the service with it
  { formats: ['Virtual server %s has no real servers - ignoring'], config: ['virtual_server 192.0.2.100 80 {', '  lb_algo rr', '  lb_kind NAT', '  protocol TCP', '  real_server 192.0.2.011 80 {', '  }', '}'], line: 1, keepalivedLine: { '2.2.7': null, '2.4.3': 7 }, code: 'missing-required', severity: 'error' },
  { formats: ['Virtual server %s: one packet scheduling requires UDP - resetting'], config: vs('  ops'), line: 5, keepalivedLine: null, code: 'ops-without-udp', severity: 'warning' },
  { formats: ['Warning - quorum %u for %s exceeds total weight of real servers %u, reducing quorum to %u'], config: vs('  quorum 5'), line: 5, keepalivedLine: null, code: 'quorum-above-weight', severity: 'warning' },
  { formats: ['virtual server group %s has no entries - removing'], config: ['virtual_server_group G {', '}'], line: 1, keepalivedLine: 2, code: 'empty-group', severity: 'warning' },
  // what keepalived fills in for a service that leaves it out, reported as errors (keepalived -t fails)
  { formats: ['Virtual server %s: no protocol set - defaulting to UDP'], config: ['virtual_server 192.0.2.101 80 {', '  lb_algo rr', '  lb_kind NAT', ...RS, '}'], line: 1, keepalivedLine: null, code: 'missing-protocol', severity: 'error' },
  { formats: ["Virtual server %s: no scheduler set, setting default '%s'"], config: ['virtual_server 192.0.2.102 80 {', '  lb_kind NAT', '  protocol TCP', ...RS, '}'], line: 1, keepalivedLine: null, code: 'missing-scheduler', severity: 'error' },
  { formats: ['Virtual server %s: no forwarding method set, setting default NAT'], config: ['virtual_server 192.0.2.103 80 {', '  lb_algo rr', '  protocol TCP', ...RS, '}'], line: 1, keepalivedLine: null, code: 'missing-forwarding-method', severity: 'error' },
  { formats: ['Virtual server %s: zero port only valid for persistent services - setting'], config: ['virtual_server 192.0.2.104 0 {', '  lb_algo rr', '  lb_kind NAT', '  protocol TCP', '  real_server 192.0.2.11 80 {', '    weight 1', '  }', '}'], line: 1, keepalivedLine: null, code: 'zero-port-not-persistent', severity: 'error' },
  { formats: ['Warning: Virtual server %s: protocol specified for fwmark - protocol will be ignored'], config: ['virtual_server fwmark 5 {', '  lb_algo rr', '  lb_kind DR', '  protocol TCP', '  real_server 192.0.2.11 {', '    weight 1', '  }', '}'], line: 4, keepalivedLine: null, code: 'protocol-with-fwmark', severity: 'warning' },
  { formats: ['WARNING - fwmark virtual server %s, real server %s has port specified - clearing'], config: ['virtual_server fwmark 6 {', '  lb_algo rr', '  lb_kind DR', '  real_server 192.0.2.11 80 {', '    weight 1', '  }', '}'], line: 4, keepalivedLine: null, code: 'port-with-fwmark', severity: 'warning' },
  { formats: ['Virtual server %s: cannot use ha_suspend with fwmarks - clearing ha_suspend'], config: ['virtual_server fwmark 8 {', '  lb_algo rr', '  lb_kind DR', '  ha_suspend', '  real_server 192.0.2.11 {', '    weight 1', '  }', '}'], line: 4, keepalivedLine: null, code: 'ha-suspend-with-fwmark', severity: 'warning' },
  { formats: ['Virtual server %s: hysteresis %u >= quorum %u; setting hysteresis to %u'], config: vs('  quorum 1', '  hysteresis 1'), line: 6, keepalivedLine: null, code: 'hysteresis-not-below-quorum', severity: 'warning' },
  { formats: ["WARNING - virtual server %s and real server %s ports don't match - resetting"], config: ['virtual_server 192.0.2.100 80 {', '  lb_algo rr', '  lb_kind DR', '  protocol TCP', '  real_server 192.0.2.11 8080 {', '  }', '}'], line: 5, keepalivedLine: null, code: 'real-server-port', severity: 'warning' },
];
