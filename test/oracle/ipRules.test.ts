/**
 * virtual_rules and static_rules lines (semantic/rules.ts; the message table holds the lines keepalived
 * rejects): the valid spellings, where keepalived 2.2.7 and 2.4.3 print nothing and the linter must stay as quiet.
 */
import { describeQuiet } from '../helpers/quietConfigs';

const rules = (...lines: string[]) => ['vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    virtual_ipaddress {', '        192.0.2.10/24', '    }', '    virtual_rules {', ...lines.map((l) => `        ${l}`), '    }', '}'];

const QUIET: Record<string, string[]> = {
  'a source rule with its table and preference': rules('from 192.0.2.10 table 100 preference 100'),
  'lookup, priority and order for table and preference': rules('from all lookup main priority 32000', 'to 192.0.2.0/24 table 100 order 11'),
  'an inverted rule': rules('not from 192.0.2.10 table 100 preference 12'),
  'goto forward, and the other actions': rules('from 192.0.2.10 preference 10 goto 200', 'from 192.0.2.11 blackhole preference 20', 'from 192.0.2.12 type prohibit preference 21', 'from 192.0.2.13 nop preference 22'),
  'fwmark with a mask, in hex': rules('fwmark 0x10/0xff table 100 preference 10'),
  'a protocol of its own on an untracked rule': rules('from 192.0.2.10 table 100 preference 10 protocol 4 no_track'),
  'port ranges, ip protocol, uid range, tunnel id, suppressor': rules('from 192.0.2.10 table 100 preference 10 dport 80-90 sport 1024-65535 ipproto tcp uidrange 1000-2000 tunnel-id 12 suppress_prefixlength 0'),
  'an IPv6 rule with inet6 last': rules('from 2001:db8::/32 table 100 preference 10 inet6'),
  'realms on an IPv4 table rule': rules('from 192.0.2.10 table 100 realms 5 preference 10'),
  'realms FROM/TO, a suppressor group by number, ip protocols by number and by name': rules('from 192.0.2.10 table 100 realms 1/2 suppress_ifgroup 2147483647 ipproto 17 preference 10', 'from 192.0.2.11 table 100 ipproto sctp preference 11'),
  'static_rules at the top level': ['static_rules {', '    from 192.0.2.10 table 100 preference 5', '}'],
};

describeQuiet('ip rules keepalived reads word by word: the valid spellings, keepalived and the linter both quiet', QUIET);

const routes = (...lines: string[]) => ['vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    virtual_ipaddress {', '        192.0.2.10/24', '    }', '    virtual_routes {', ...lines.map((l) => `        ${l}`), '    }', '}'];

describeQuiet('routes with a source prefix or an interface: keepalived and the linter both quiet', {
  'an IPv6 route from a source prefix': routes('2001:db8:1::/64 from 2001:db8::/64 via 2001:db8::1 dev eth0'),
  'routes that name their interface, or are not tracked': routes('198.51.100.0/24 via 192.0.2.1 dev eth0', '203.0.113.0/24 via 192.0.2.1 no_track', 'src 192.0.2.10 to 198.51.101.0/24 via 192.0.2.1 oif eth0'),
});

describeQuiet('the route grammar keepalived reads word by word (alloc_route): valid spellings, keepalived and the linter both quiet', {
  'default and its old spellings, route types, a numeric type': routes('default via 192.0.2.1 dev eth0', 'any via 192.0.2.1 dev eth1 metric 5', 'default6 via 2001:db8::1 dev eth0', 'blackhole 198.51.100.0/24 no_track', 'unreachable 198.51.101.0/24 no_track', 'prohibit 198.51.102.0/24 no_track', 'throw 198.51.103.0/24 table 100 no_track', '1 198.51.104.0/24 dev eth0'),
  'tables by number and name, metrics and their aliases, scope, tos, realms, protocol 18': routes('198.51.100.0/24 dev eth0 table 100 metric 10', '198.51.101.0/24 dev eth0 table main priority 20 scope link', '198.51.102.0/24 dev eth0 table 4294967295 preference 30 tos 0x10', '198.51.103.0/24 dev eth0 table -1 dsfield 16 realms 1/2', '198.51.104.0/24 dev eth0 protocol 18', '198.51.105.0/24 dev eth0 protocol keepalived'),
  'metrics with and without lock': routes('198.51.100.0/24 dev eth0 mtu lock 1400 advmss 1360 hoplimit 64 window 65535', '198.51.101.0/24 dev eth0 cwnd lock 10 ssthresh 20 reordering 3 initcwnd 10 initrwnd 20', '198.51.102.0/24 dev eth0 features ecn quickack 1 fastopen_no_cookie 0 congctl cubic', '198.51.103.0/24 dev eth0 congctl lock bbr onlink'),
  'rtt, rttvar and rto_min in every unit keepalived reads': routes('198.51.100.0/24 dev eth0 rtt 300ms rttvar 1s rto_min 250ms', '198.51.101.0/24 dev eth0 rtt lock 2000 rttvar 1.5sec rto_min lock 0.3secs'),
  'IPv6 options: pref, expires, a from prefix, inet6 last': routes('2001:db8:1::/64 via 2001:db8::1 dev eth0 pref high expires 60', '2001:db8:2::/64 dev eth0 from 2001:db8::/64 pref 1', '2001:db8:3::/64 dev eth0 inet6'),
  'gateways with their family named, add, append, prepend': routes('198.51.100.0/24 via inet 192.0.2.1 dev eth0 add', '2001:db8:1::/64 via inet6 2001:db8::1 dev eth0 append', '198.51.101.0/24 src 192.0.2.10 via 192.0.2.1 dev eth0 prepend'),
  'multipath routes with weights, realms and onlink per hop': routes('198.51.100.0/24 dev eth0 nexthop via 192.0.2.1 dev eth0 weight 2 nexthop via 192.0.2.2 dev eth1 weight 1', '198.51.101.0/24 dev eth0 nexthop via 192.0.2.1 dev eth0 onlink realms 3 nexthop dev eth1 weight 256'),
  'encapsulations: mpls, ip, ip6, ttl-propagate': routes('198.51.100.0/24 dev eth0 encap mpls 100/200 ttl-propagate enabled', '198.51.101.0/24 dev eth0 encap ip id 10 dst 192.0.2.1 ttl 5 tos 0 flags 1 metric 7', '2001:db8:1::/64 dev eth0 encap ip6 dst 2001:db8::1 src 2001:db8::2 hoplimit 4 tc 0'),
  'a static route following a track group through its interface': ['track_group TG {', '    group {', '        VI_1', '    }', '}', 'static_routes {', '    198.51.100.0/24 via 192.0.2.1 dev eth0 track_group TG', '}', ...routes('198.51.101.0/24 dev eth0')],
});
