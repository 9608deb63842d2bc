/**
 * Strict mode, sync group tracking and use_vmac's words (semantic/strictMode.ts, syncGroupTracking.ts,
 * vmacOptions.ts; the message table holds the configs keepalived complains about): the valid near-variants,
 * where keepalived 2.2.7 and 2.4.3 print nothing and the linter must stay as quiet.
 */
import { describeQuiet } from '../helpers/quietConfigs';

const VIP4 = ['virtual_ipaddress {', '    192.0.2.10/24', '}'];
const instance = (name: string, vrid: number, ...lines: string[]) => [`vrrp_instance ${name} {`, ...['interface eth0', `virtual_router_id ${vrid}`, ...lines].map((l) => `    ${l}`), '}'];
const strict = (...lines: string[]) => ['global_defs {', '    vrrp_strict', '}', ...instance('VI_1', 51, ...lines)];
const synced = (lines: string[], groupLines: string[]) => [
  ...instance('VI_1', 51, ...lines, ...VIP4),
  ...instance('VI_2', 52, ...lines, 'virtual_ipaddress {', '    192.0.2.11/24', '}'),
  'vrrp_sync_group G {',
  '    group {',
  '        VI_1',
  '        VI_2',
  '    }',
  ...groupLines.map((l) => `    ${l}`),
  '}',
];

const QUIET: Record<string, string[]> = {
  'strict mode: the MASTER is the address owner': strict('state MASTER', 'priority 255', ...VIP4),
  'strict mode: state MASTER without a priority (which means 255)': strict('state MASTER', ...VIP4),
  'strict mode: a BACKUP below 255': strict('state BACKUP', 'priority 100', ...VIP4),
  'strict mode: the settings it wants, written out': strict('priority 100', 'down_timer_adverts 3', 'garp_lower_prio_repeat 0', 'garp_lower_prio_delay 0', 'lower_prio_no_advert', 'higher_prio_send_advert off', 'no_accept', ...VIP4),
  'strict mode: accept on the address owner': strict('priority 255', 'accept', ...VIP4),
  'strict mode: accept under VRRPv3': strict('priority 100', 'version 3', 'accept', ...VIP4),
  'strict mode: an IPv6 instance led by a link-local VIP': strict('priority 100', 'virtual_ipaddress {', '    fe80::10/64', '    2001:db8::10/64', '}'),
  'no strict mode: the settings strict mode resets': instance('VI_1', 51, 'state MASTER', 'priority 100', 'down_timer_adverts 5', 'garp_lower_prio_repeat 2', 'lower_prio_no_advert off', 'higher_prio_send_advert', 'accept', 'unicast_peer {', '    192.0.2.2', '}', ...VIP4),
  'mcast_dst_ip on a multicast instance': instance('VI_1', 51, 'mcast_dst_ip 224.0.0.19', ...VIP4),
  'a sync group tracking an interface its members do not': synced([], ['track_interface {', '    eth1', '}']),
  'a sync group tracking the interface its members do not watch (dont_track_primary)': synced(['dont_track_primary'], ['track_interface {', '    eth0', '}']),
};

describeQuiet('strict mode and sync group tracking: the valid near-variants, keepalived and the linter both quiet', QUIET);

describeQuiet('use_vmac words keepalived takes: keepalived and the linter both quiet', {
  'a macvlan name and a MAC address': instance('VI_1', 51, 'use_vmac vrrp.51 02:00:00:00:00:01', ...VIP4),
  'five octets, the VRID making the sixth': instance('VI_1', 51, 'use_vmac 02:00:00:00:00', ...VIP4),
  'two instances, each with a macvlan name of its own': [...instance('VI_1', 51, 'use_vmac vr51', ...VIP4), ...instance('VI_2', 52, 'use_vmac vr52', 'virtual_ipaddress {', '    192.0.2.11/24', '}')],
});

const trackProcess = (...lines: string[]) => ['vrrp_track_process p {', '    process nginx', ...lines.map((l) => `    ${l}`), '}'];

describeQuiet('quorum and quorum_max of a vrrp_track_process in either order: keepalived and the linter both quiet', {
  'quorum below quorum_max, quorum first': trackProcess('quorum 2', 'quorum_max 5'),
  'quorum below quorum_max, quorum_max first': trackProcess('quorum_max 5', 'quorum 2'),
  'quorum_max 0 with the default quorum': trackProcess('quorum_max 0'),
});

const secureScript = ['global_defs {', '    enable_script_security', '    script_user root', '}', 'vrrp_script chk {', '    script "/usr/bin/true"', '}'];

describeQuiet('VMAC settings, a sync group beside an address owner, advert groups: keepalived and the linter both quiet', {
  'promote_secondaries without a VMAC': instance('VI_1', 51, 'promote_secondaries', ...VIP4),
  'vmac_xmit_base with use_vmac': instance('VI_1', 51, 'use_vmac', 'vmac_xmit_base', ...VIP4),
  'a unicast instance with a VMAC sending from the base interface': instance('VI_1', 51, 'use_vmac', 'vmac_xmit_base', 'unicast_peer {', '    192.0.2.2', '}', ...VIP4),
  'strict mode with use_vmac and no vmac_xmit_base': strict('priority 100', 'use_vmac', ...VIP4),
  'a sync group tracking a script without weight while a member is the owner': [...secureScript, ...synced(['priority 255'], ['track_script {', '    chk', '}'])],
  'a sync group tracking a script with weight 0 while a member is the owner': [...secureScript, ...synced(['priority 255'], ['track_script {', '    chk weight 0', '}'])],
  'a weighted sync group script with no owner among the members': [...secureScript, ...synced(['priority 200'], ['track_script {', '    chk weight 10', '}'])],
  'a link-local IPv6 advert group': ['global_defs {', '    vrrp_mcast_group6 ff02::12', '}'],
  'notification_email with an address': ['global_defs {', '    notification_email {', '        ops@example.com', '    }', '}'],
});

describeQuiet('address options keepalived keeps: keepalived and the linter both quiet', {
  'an IPv4 VIP with a scope and a label': instance('VI_1', 51, 'virtual_ipaddress {', '    192.0.2.10/24 dev eth0 scope link label eth0:vip', '}'),
  'an IPv6 VIP with scope global': instance('VI_1', 51, 'virtual_ipaddress {', '    2001:db8::10/64 dev eth0 scope global', '}'),
});

describeQuiet('global options and use_vmac names keepalived takes: keepalived and the linter both quiet', {
  'lvs_sync_daemon naming its instance once, in either form': ['global_defs {', '    lvs_sync_daemon eth0 inst VI_1 id 5', '}', ...instance('VI_1', 51, ...VIP4)],
  'CPU affinity, and a gratuitous ARP interval of a microsecond': ['global_defs {', '    vrrp_cpu_affinity 0', '    checker_cpu_affinity 0 1', '    vrrp_garp_interval 0.000001', '}'],
  'a macvlan named like a word': instance('VI_1', 51, 'use_vmac vrrp_on', ...VIP4),
});
