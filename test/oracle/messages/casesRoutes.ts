/** Message cases and machine-dependent messages of vrrp_iproute.c, vrrp_iprule.c, vrrp_ip_rule_route_parser.c, vrrp_ipaddress.c. */
import { instance } from './configParts';
import type { MessageCase, SilentMessage } from './messageTable';

/** an instance whose virtual_routes block holds `words` on line 4 */
const route = (words: string) => instance('  virtual_routes {', `    ${words}`, '  }');

export const ROUTES_CASES: readonly MessageCase[] = [
  { formats: ['route from address only supported with IPv6 (%s)'], config: route('198.51.100.0/24 from 192.0.2.10 via 192.0.2.1 dev eth0'), line: 4, code: 'invalid-argument', severity: 'error' },
  { formats: ['route from address only supported with IPv6 (%s)'], config: route('198.51.100.0/24 from all via 192.0.2.1 dev eth0'), line: 4, code: 'invalid-argument', severity: 'error' },
  // 2.0.1 to 2.3.1 track only the routes that name their interface
  { formats: ['Warning - cannot track route %s with no interface specified, not tracking'], config: route('198.51.100.0/24 via 192.0.2.1 metric 10'), line: 4, code: 'ineffective-setting', severity: 'warning' },
  // a nexthop's dev is that hop's: the route names no interface of its own
  { formats: ['Warning - cannot track route %s with no interface specified, not tracking'], config: route('198.51.100.0/24 nexthop via 192.0.2.1 dev eth0 nexthop via 192.0.2.2 dev eth0'), line: 4, code: 'ineffective-setting', severity: 'warning' },
  { formats: ['Route cannot be tracked if protocol is not RTPROT_KEEPALIVED(%d), resetting protocol'], config: route('198.51.100.0/24 dev eth0 protocol bird'), line: 4, code: 'ineffective-setting', severity: 'warning' },
];

export const ROUTES_SILENT: readonly SilentMessage[] = [];
