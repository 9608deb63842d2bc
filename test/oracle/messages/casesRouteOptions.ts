/**
 * Message cases of the route grammar (vrrp_iproute.c alloc_route, parse_nexthops, parse_encap and
 * vrrp_ip_rule_route_parser.c's readers): the words keepalived refuses, drops the route or the nexthop on,
 * or ignores.
 */
import { instance } from './configParts';
import type { MessageCase } from './messageTable';

/** an instance whose virtual_routes block holds `words` on line 4 */
const route = (words: string) => instance('  virtual_routes {', `    ${words}`, '  }');
/** a route keepalived drops (an error on line 4) */
const droppedRoute = (format: string, words: string, code: string, extra: Partial<MessageCase> = {}): MessageCase => ({ formats: [format], config: route(words), line: 4, code, severity: 'error', ...extra });
/** static track group TG of VI_1 (lines 1-5), `block` on lines 6-8, then VI_1 */
const withTrackGroup = (block: string, words: string) => ['track_group TG {', '  group {', '    VI_1', '  }', '}', `${block} {`, `  ${words}`, '}', 'vrrp_instance VI_1 {', '  interface eth0', '  virtual_router_id 51', '  virtual_ipaddress {', '    192.0.2.10/24', '  }', '}'];

export const ROUTE_OPTION_CASES: readonly MessageCase[] = [
  // a word that is no route option and no destination: keepalived tries it as the destination ("VRRP parsed invalid IP" echo first) and drops the route
  droppedRoute('unknown route keyword %s', '198.51.100.0/24 dev eth0 bogus', 'invalid-argument'),
  // a second destination of the other family drops the route
  droppedRoute('Cannot mix IPv4 and IPv6 addresses for route (%s)', '198.51.100.0/24 dev eth0 2001:db8::/64', 'ip-family-mismatch'),
  // no destination word at all: dropped (report on the first word)
  droppedRoute('Route must have a destination', 'dev eth0 via 192.0.2.1', 'missing-required'),
  // inet6 / inet against the family the words before it set: dropped
  droppedRoute('inet6 specified for IPv4 route', '198.51.100.0/24 via 192.0.2.1 dev eth0 inet6', 'ip-family-mismatch'),
  droppedRoute('inet specified for IPv6 route', '2001:db8:1::/64 dev eth0 inet', 'ip-family-mismatch'),
  // `from` value that is no prefix at all (today only an IPv4 `from` is reported): dropped
  droppedRoute('invalid route from address %s', '2001:db8:1::/64 dev eth0 from 2001:db8::zz', 'invalid-address'),
  // numbers out of range (names come from /etc/iproute2 files: leave them): dropped. tos/dsfield 0-255, scope 0-255, protocol 0-255, realms 0-255 (FROM/TO each)
  droppedRoute('TOS value %s is invalid', '198.51.100.0/24 dev eth0 tos 256', 'invalid-number'),
  droppedRoute('Scope %s not found or invalid for route', '198.51.100.0/24 dev eth0 scope 256', 'invalid-number'),
  // no_track keeps the existing ineffective-setting finding off this line
  droppedRoute('Protocol %s not found or invalid for route', '198.51.100.0/24 dev eth0 protocol 256 no_track', 'invalid-number'),
  droppedRoute('Invalid realms %s for route', '198.51.100.0/24 dev eth0 realms 256', 'invalid-number'),
  // IPv4-only / IPv6-only options against the route's family: dropped
  droppedRoute('realms are only valid for IPv4', '2001:db8:1::/64 dev eth0 realms 5', 'ip-family-mismatch'),
  droppedRoute('expires is only valid for IPv6', '198.51.100.0/24 dev eth0 expires 10', 'ip-family-mismatch'),
  droppedRoute('pref is only valid for IPv6', '198.51.100.0/24 dev eth0 pref high', 'ip-family-mismatch'),
  // rtt/rttvar/rto_min: N, Nms or Ns (no exponent, at most 3 decimals): anything else drops the route
  droppedRoute('Invalid rtt %s for route', '198.51.100.0/24 dev eth0 rtt bogus', 'invalid-number'),
  droppedRoute('Invalid rttvar %s for route', '198.51.100.0/24 dev eth0 rttvar bogus', 'invalid-number'),
  droppedRoute('Invalid rto_min value %s specified for route', '198.51.100.0/24 dev eth0 rto_min bogus', 'invalid-number'),
  // an exponent is refused (2.4.3 says so first; 2.2.7 only logs it): dropped
  { formats: ['rtt value exponential form %s no longer supported', '%s value exponential form %s no longer supported', 'Invalid rtt %s for route'], config: route('198.51.100.0/24 dev eth0 rtt 1.5e3'), line: 4, code: 'invalid-number', severity: 'error', notIn: ['2.2.7'] },
  // clamped to [200ms, 120s] (a bare number is in the kernel unit: 1/8 ms for rtt, 1/4 ms for rttvar, ms for rto_min); 2.2.7 only logs it (syslog)
  { formats: ['rtt value %s exceeds maximum %us, resetting', '%s value %s exceeds maximum %us, resetting'], config: route('198.51.100.0/24 dev eth0 rtt 200s'), line: 4, code: 'invalid-number', severity: 'warning', runtimeOnly: ['2.2.7'] },
  { formats: ['rtt value %s below minimum %ums, resetting', '%s value %s below minimum %ums, resetting'], config: route('198.51.100.0/24 dev eth0 rtt 100'), line: 4, code: 'invalid-number', severity: 'warning', runtimeOnly: ['2.2.7'] },
  // features takes only `ecn`; keepalived ignores the word and keeps the route
  { formats: ['feature %s not supported'], config: route('198.51.100.0/24 dev eth0 features sack'), line: 4, code: 'invalid-value', severity: 'error' },
  // ttl-propagate enabled|disabled; anything else still sets the attribute, as disabled
  { formats: ['%s value %s not recognised'], config: route('198.51.100.0/24 dev eth0 ttl-propagate maybe'), line: 4, code: 'invalid-value', severity: 'error' },
  // `as [to] ADDR` is MPLS only: keepalived ignores it (the words too), keeps the route
  { formats: ['"as to" for MPLS only - ignoring'], config: route('198.51.100.0/24 dev eth0 as to 10'), line: 4, code: 'invalid-argument', severity: 'error' },
  // deprecated `or` (like `gw`): keepalived turns via + or into two nexthops
  { formats: ['"or" for routes is deprecated. Please use "nexthop"'], config: route('198.51.100.0/24 via 192.0.2.1 dev eth0 or 192.0.2.2'), line: 4, code: 'deprecated', severity: 'warning' },
  // a second `or` and its address are ignored
  { formats: ['"or" route already specified - ignoring subsequent'], config: route('198.51.100.0/24 via 192.0.2.1 dev eth0 or 192.0.2.2 or 192.0.2.3'), line: 4, code: 'duplicate-keyword', severity: 'warning' },
  droppedRoute('Invalid "or" address %s', '198.51.100.0/24 via 192.0.2.1 dev eth0 or bogus', 'invalid-address'),
  // or + nexthop: dropped (with "Route has trailing nonsense - nexthop" after it)
  droppedRoute('Cannot specify nexthops with "or" route', '198.51.100.0/24 via 192.0.2.1 dev eth0 or 192.0.2.2 nexthop via 192.0.2.3', 'invalid-argument'),
  // nexthop options: weight 1-256, realms (IPv4 only), no `as`; keepalived drops that nexthop and the ones after it, keeps the route
  droppedRoute('Invalid weight 0 specified for route', '198.51.100.0/24 nexthop via 192.0.2.1 dev eth0 weight 0', 'invalid-number'),
  droppedRoute('realms are only supported for IPv4', '2001:db8:1::/64 nexthop via 2001:db8::1 dev eth0 realms 5', 'ip-family-mismatch'),
  droppedRoute("'as [to]' (nat) not supported", '198.51.100.0/24 nexthop via 192.0.2.1 dev eth0 as to 10', 'invalid-argument'),
  // after the nexthops only nexthop options may follow; keepalived ignores the rest (route kept)
  { formats: ['Route has trailing nonsense after nexthops - %s'], config: route('198.51.100.0/24 nexthop via 192.0.2.1 dev eth0 metric 5'), line: 4, code: 'invalid-argument', severity: 'error' },
  // static_routes only: track_group needs dev/oif on the route; keepalived ignores the track_group (mirror of the rule check)
  { formats: ['Static route cannot have track group if no oif specified'], config: withTrackGroup('static_routes', '198.51.100.0/24 via 192.0.2.1 track_group TG'), line: 7, code: 'ineffective-setting', severity: 'warning' },
  // encap. mpls/ila/ip/ip6 errors leave a broken encap on a kept route, unless the word left over is then read as a route option
  { formats: ['Missing encap type'], config: route('198.51.100.0/24 dev eth0 encap'), line: 4, code: 'argument-count', severity: 'error' },
  { formats: ['Unknown encap type - %s'], config: route('198.51.100.0/24 dev eth0 encap foo'), line: 4, code: 'invalid-value', severity: 'error' },
  { formats: ['missing address for MPLS encapsulation'], config: route('198.51.100.0/24 dev eth0 encap mpls'), line: 4, code: 'argument-count', severity: 'error' },
  { formats: ['invalid mpls address %s for encapsulation'], config: route('198.51.100.0/24 dev eth0 encap mpls 1x'), line: 4, code: 'invalid-value', severity: 'error' },
  { formats: ['Invalid encap ip dst %s'], config: route('198.51.100.0/24 dev eth0 encap ip dst 192.0.2.300'), line: 4, code: 'invalid-address', severity: 'error' },
  { formats: ['IPv6 address %s not valid for ip encapsulation'], config: route('198.51.100.0/24 dev eth0 encap ip dst 2001:db8::1'), line: 4, code: 'ip-family-mismatch', severity: 'error' },
  { formats: ['Invalid encap ip src %s'], config: route('198.51.100.0/24 dev eth0 encap ip dst 192.0.2.1 src bogus'), line: 4, code: 'invalid-address', severity: 'error' },
  { formats: ['dsfield %s not valid for ip encapsulation'], config: route('198.51.100.0/24 dev eth0 encap ip dst 192.0.2.1 tos 256'), line: 4, code: 'invalid-number', severity: 'error' },
  { formats: ['address or id missing for ip encapsulation'], config: route('198.51.100.0/24 dev eth0 encap ip ttl 5'), line: 4, code: 'missing-required', severity: 'error' },
  { formats: ['missing locator for ILA encapsulation'], config: route('198.51.100.0/24 dev eth0 encap ila'), line: 4, code: 'argument-count', severity: 'error' },
  { formats: ['invalid locator %s for ila encapsulation'], config: route('198.51.100.0/24 dev eth0 encap ila zz'), line: 4, code: 'invalid-value', severity: 'error' },
  { formats: ['Invalid encap ip6 dst %s'], config: route('2001:db8:1::/64 dev eth0 encap ip6 dst bogus'), line: 4, code: 'invalid-address', severity: 'error' },
  { formats: ['IPv4 address %s not valid for ip6 encapsulation'], config: route('2001:db8:1::/64 dev eth0 encap ip6 dst 192.0.2.1'), line: 4, code: 'ip-family-mismatch', severity: 'error' },
  { formats: ['Invalid encap ip6 src %s'], config: route('2001:db8:1::/64 dev eth0 encap ip6 dst 2001:db8::1 src bogus'), line: 4, code: 'invalid-address', severity: 'error' },
  // keepalived prints the word `tc`, not the value (a bug), then drops the route on "unknown route keyword tc"
  { formats: ['tc value %s is invalid for ip6 encapsulation'], config: route('2001:db8:1::/64 dev eth0 encap ip6 dst 2001:db8::1 tc 256'), line: 4, code: 'invalid-number', severity: 'error' },
  { formats: ['address or id missing for ip6 encapsulation'], config: route('2001:db8:1::/64 dev eth0 encap ip6 hoplimit 5'), line: 4, code: 'missing-required', severity: 'error' },
];
