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
  'static_rules at the top level': ['static_rules {', '    from 192.0.2.10 table 100 preference 5', '}'],
};

describeQuiet('ip rules keepalived reads word by word: the valid spellings, keepalived and the linter both quiet', QUIET);

const routes = (...lines: string[]) => ['vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    virtual_ipaddress {', '        192.0.2.10/24', '    }', '    virtual_routes {', ...lines.map((l) => `        ${l}`), '    }', '}'];

describeQuiet('routes with a source prefix or an interface: keepalived and the linter both quiet', {
  'an IPv6 route from a source prefix': routes('2001:db8:1::/64 from 2001:db8::/64 via 2001:db8::1 dev eth0'),
  'routes that name their interface, or are not tracked': routes('198.51.100.0/24 via 192.0.2.1 dev eth0', '203.0.113.0/24 via 192.0.2.1 no_track', 'src 192.0.2.10 to 198.51.101.0/24 via 192.0.2.1 oif eth0'),
});
