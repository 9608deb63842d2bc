/**
 * Lines inside an instance that keepalived reads option by option (address options, tracking lines, unicast
 * peers, the address family; the message table holds the configs it complains about): valid spellings where
 * keepalived 2.2.7 and 2.4.3 print nothing, and the linter must stay as quiet.
 */
import { describeQuiet } from '../helpers/quietConfigs';

const instance = (...lines: string[]) => ['vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', ...lines.map((l) => `    ${l}`), '}'];
const vips = (...lines: string[]) => instance('virtual_ipaddress {', ...lines.map((l) => `    ${l}`), '}');
const SCRIPT = ['global_defs {', '    enable_script_security', '    script_user root', '}', 'vrrp_script chk {', '    script "/usr/bin/true"', '}'];
const FILE = ['track_file tf {', '    file /tmp/keepalived-quiet-test-track', '}'];

describeQuiet('instance lines keepalived reads option by option: valid spellings, keepalived and the linter both quiet', {
  'VIP options of every kind': vips('192.0.2.10/24 dev eth0 label eth0:vip scope global brd + preferred_lft forever no_track', '192.0.2.11/24 brd 192.0.2.255 -nodad home noprefixroute', '192.0.2.12 peer 192.0.2.1'),
  'an IPv6 VIP with its options': vips('2001:db8::10/64 dev eth0 preferred_lft 0 mngtmpaddr autojoin'),
  'a label of 15 characters': vips('192.0.2.10/24 dev eth0 label eth0:abcdefghij'),
  'both families, the other one excluded from adverts': [...vips('192.0.2.10/24').slice(0, -1), '    virtual_ipaddress_excluded {', '        2001:db8::10/64', '    }', '}'],
  'an IPv6 instance set by its source address, its VIPs IPv6 too': instance('unicast_src_ip 2001:db8::1', 'unicast_peer {', '    2001:db8::2', '}', 'virtual_ipaddress {', '    2001:db8::10/64', '}'),
  'native_ipv6 before any address': instance('native_ipv6', 'virtual_ipaddress {', '    2001:db8::10/64', '}'),
  'unicast peers with TTL options': instance('unicast_src_ip 192.0.2.1', 'unicast_peer {', '    192.0.2.2 min_ttl 1 max_ttl 64', '    192.0.2.3 max_ttl 255', '}', 'virtual_ipaddress {', '    192.0.2.10/24', '}'),
  'tracking lines with weights and directions': [...SCRIPT, ...FILE, ...instance('track_interface {', '    eth1 weight -20 reverse', '}', 'track_script {', '    chk weight 10 noreverse', '}', 'track_file {', '    tf weight -254 reverse', '}', 'virtual_ipaddress {', '    192.0.2.10/24', '}')],
  'tracking an interface and a script of the same name is no duplicate': ['global_defs {', '    enable_script_security', '    script_user root', '}', 'vrrp_script eth1 {', '    script "/usr/bin/true"', '}', ...instance('track_interface {', '    eth1', '}', 'track_script {', '    eth1', '}', 'virtual_ipaddress {', '    192.0.2.10/24', '}')],
  'garp groups pacing interfaces one by one and as a list, and a group freed before another takes its interface': ['garp_group {', '    garp_interval 0.1', '    gna_interval 0.05', '    interface eth0', '}', 'garp_group {', '    gna_interval 0.2', '    interfaces {', '        eth1', '    }', '}', ...instance('virtual_ipaddress {', '    192.0.2.10/24', '}')],
  'an ipvlan with its mode, address and name': instance('use_ipvlan bridge 192.0.2.5/24 ipvl51', 'virtual_ipaddress {', '    192.0.2.10/24', '}'),
});
