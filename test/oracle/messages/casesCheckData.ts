/**
 * Message cases of what keepalived settles once a virtual_server is read (check_parser.c's end handlers,
 * check_data.c): address families, sorry server ports, virtual_server_group entries and their ports.
 */
import type { MessageCase } from './messageTable';

/** a DR virtual server on TCP port 80 with `lines` from line 5 */
const dr = (...lines: string[]) => ['virtual_server 192.0.2.100 80 {', '  lb_algo rr', '  lb_kind DR', '  protocol TCP', ...lines, '}'];
const RS = ['  real_server 192.0.2.11 80 {', '  }'];
/** group G with `entries` (lines 2 on), then a DR virtual server of it whose servers are `servers` */
const grouped = (entries: string[], servers: string[]) => ['virtual_server_group G {', ...entries.map((e) => `  ${e}`), '}', 'virtual_server group G {', '  lb_algo rr', '  lb_kind DR', '  protocol TCP', ...servers, '}'];
/** a group entry on line 2 that keepalived skips */
const badEntry = (format: string, entry: string): MessageCase => ({ formats: [format], config: grouped([entry, '192.0.2.200 80'], RS), line: 2, code: 'invalid-address', severity: 'error' });
/** a real server (line 5) whose checker holds `lines` from line 6 */
const checker = (...lines: string[]) => ['virtual_server 192.0.2.100 80 {', '  lb_algo rr', '  lb_kind NAT', '  protocol TCP', '  real_server 192.0.2.11 80 {', ...lines, '  }', '}'];

export const CHECK_DATA_CASES: readonly MessageCase[] = [
  // address families: a server of the other family is skipped, unless tunnelled
  { formats: ["Address family of virtual server and real server %s don't match - skipping real server."], config: dr('  real_server 2001:db8::5 80 {', '  }', ...RS), line: 5, keepalivedLine: 6, code: 'ip-family-mismatch', severity: 'error' },
  { formats: ["Address family of virtual server and sorry server %s don't match - skipping sorry server."], config: dr('  sorry_server 2001:db8::5 80', ...RS), line: 5, keepalivedLine: 8, code: 'ip-family-mismatch', severity: 'error' },
  { formats: ['Virtual server specified family %s conflicts with server family'], config: dr('  ip_family inet6', ...RS), line: 5, code: 'ip-family-mismatch', severity: 'error' },
  {
    formats: ["Address family of virtual server and real server %s don't match - skipping real server."],
    config: ['virtual_server fwmark 7 {', '  lb_algo rr', '  lb_kind DR', '  real_server 2001:db8::5 {', '  }', '  real_server 192.0.2.11 {', '  }', '}'],
    line: 6,
    keepalivedLine: 7,
    code: 'ip-family-mismatch',
    severity: 'error',
  },
  // the sorry server, like a real server, answers on the service's port outside NAT
  { formats: ["WARNING - virtual server %s and sorry server ports don't match - resetting"], config: dr('  sorry_server 192.0.2.50 8080', ...RS), line: 5, keepalivedLine: null, code: 'real-server-port', severity: 'warning' },
  {
    formats: ['WARNING - virtual server %s, sorry server has port specified - clearing'],
    config: ['virtual_server fwmark 5 {', '  lb_algo rr', '  lb_kind DR', '  sorry_server 192.0.2.50 8080', '  real_server 192.0.2.11 {', '  }', '}'],
    line: 4,
    keepalivedLine: null,
    code: 'port-with-fwmark',
    severity: 'warning',
  },
  { formats: ['sorry_server forwarding used without sorry_server'], config: dr('  sorry_server_lvs_method NAT', ...RS), line: 5, code: 'sorry-server-order', severity: 'warning' },
  // virtual_server_group entries keepalived skips
  badEntry('Address range end is not greater than address range start - %s - skipping', '192.0.2.100-90 80'),
  badEntry('Address range end is less than address range start - %s - skipping', '192.0.2.10-192.0.2.5 80'),
  badEntry('Address mask bits not empty - %s - skipping', '192.0.2.100/24 80'),
  badEntry('Invalid netmask - %s - skipping', '192.0.2.0/33 80'),
  { formats: ["(%s): fwmark '%u' family %s unknown - ignoring"], config: grouped(['192.0.2.200 80', 'fwmark 8 inet7'], ['  real_server 192.0.2.11 {', '  }']), line: 3, code: 'invalid-value', severity: 'error' },
  {
    formats: ['virtual server group %s cannot have IPv4, IPv6 and fwmark without family - removing'],
    config: grouped(['192.0.2.200 80', '2001:db8::1 80', 'fwmark 7'], RS),
    line: 1,
    keepalivedLine: 5,
    code: 'ip-family-mismatch',
    severity: 'error',
  },
  // ports under a group: keepalived warns and changes nothing
  { formats: ["virtual server %s:[%s] and real server %s ports don't match"], config: grouped(['192.0.2.200 80', '192.0.2.201 443'], RS), line: 9, keepalivedLine: null, code: 'real-server-port', severity: 'warning' },
  { formats: ['WARNING - fwmark virtual server %s, real server %s has port specified - port will be ignored'], config: grouped(['fwmark 7'], RS), line: 8, keepalivedLine: null, code: 'port-with-fwmark', severity: 'warning' },
  {
    formats: ['WARNING - fwmark virtual server %s, sorry server has port specified - port will be ignored'],
    config: grouped(['fwmark 7'], ['  sorry_server 192.0.2.50 80', '  real_server 192.0.2.11 {', '  }']),
    line: 8,
    keepalivedLine: null,
    code: 'port-with-fwmark',
    severity: 'warning',
  },
  {
    formats: ['WARNING - virtual server %s, sorry server has port specified - port will be ignored'],
    config: grouped(['192.0.2.200 80'], ['  sorry_server 192.0.2.50 8080', ...RS]),
    line: 8,
    keepalivedLine: null,
    code: 'real-server-port',
    severity: 'warning',
  },
  // checker values keepalived reads by hand
  { formats: ["DNS_CHECK name '%s' has empty label - ignoring"], config: checker('    DNS_CHECK {', '      name www..example.com', '    }'), line: 7, code: 'invalid-argument', severity: 'error' },
  { formats: ["digest '%s' character length should be %d rather than %zu"], config: checker('    HTTP_GET {', '      url {', '        path /', '        digest 0123456789abcdef', '      }', '    }'), line: 9, code: 'invalid-argument', severity: 'error' },
  { formats: ["Unable to interpret hex digit in '%s' at offset %d/%d"], config: checker('    HTTP_GET {', '      url {', '        path /', '        digest 0123456789abcdefxx23456789abcdef', '      }', '    }'), line: 9, code: 'invalid-argument', severity: 'error' },
];
