import type { BlockSpec, KeywordSpec } from './types';
import { CMD, IFACE, IP, STR, MICROSECONDS, arg, int, num, oneOf, opt, optionalBool } from './vrrp-args';

/** keepalived keeps these delays in microseconds in 32 bits: UINT_MAX / 1000000 whole seconds at most. */
const GARP_DELAY_MAX = 4294;
import { TRACK_BLOCKS } from './vrrp-values';

/** Keywords inside `vrrp_instance NAME { ... }` (vrrp_parser.c), in upstream's registration order. */

const notify = (name: string, state: string, since?: string): KeywordSpec => ({
  name,
  args: [arg('SCRIPT', CMD), opt('USER', STR), opt('GROUP', STR)],
  since,
  keepsFirst: true,
  doc: `Command run when the instance ${state}. Quote it when it has arguments; keepalived checks it exists and is executable. Optionally followed by the user (and group) to run it as.`,
  example: `${name} "/bin/true"`,
});

const instanceKeywords: readonly KeywordSpec[] = [
  { name: 'use_vmac', args: [opt('IFNAME', STR)], freeTail: true, since: '1.2.3', doc: 'Put the VIPs on a macvlan interface that carries the RFC virtual MAC (00:00:5e:00:01:VRID) instead of the real NIC. Optional words: the macvlan name (default vrrp.VRID), a MAC address, `netlink_notify_msg`, `group NAME`.', example: 'use_vmac vrrp.51' },
  { name: 'use_vmac_addr', args: [], since: '2.2.0', doc: 'With use_vmac, also keep the virtual MAC on the macvlan while the instance is not MASTER.', example: 'use_vmac_addr' },
  { name: 'vmac_xmit_base', args: [], since: '1.2.10', doc: 'With use_vmac, send adverts from the underlying interface rather than the macvlan (needed for unicast with a VMAC).', example: 'vmac_xmit_base' },
  { name: 'use_ipvlan', args: [opt('IFNAME', STR)], freeTail: true, keepsFirst: true, since: '2.0.17', doc: 'Like use_vmac but with an ipvlan interface; optional words give its name, an address/prefix for it and the mode `bridge`, `private` or `vepa`.', example: 'use_ipvlan ipvl51 192.0.2.3/24' },
  { name: 'unicast_peer', args: [], block: 'vrrp_instance.unicast_peer', repeatable: true, since: '1.2.8', otherNames: ['vrrp_unicast_peer'], doc: 'Block of peer addresses: adverts go to them by unicast instead of to the VRRP multicast group. Needed where multicast is filtered (many clouds).', example: 'unicast_peer' },
  { name: 'unicast_fault_no_peer', args: [], since: '2.2.5', doc: 'Go to FAULT state while the unicast_peer list is empty, instead of becoming MASTER alone.', example: 'unicast_fault_no_peer' },
  { name: 'check_unicast_src', args: [], since: '2.1.0', doc: 'Drop unicast adverts whose source address is not one of the configured unicast peers.', example: 'check_unicast_src' },
  { name: 'old_unicast_checksum', args: [opt('never', oneOf('never'))], since: '1.3.7', doc: 'Compute the unicast advert checksum the way keepalived did before 1.3.6, to interoperate with old peers; `never` forbids switching to it automatically.', example: 'old_unicast_checksum' },
  { name: 'native_ipv6', args: [], doc: 'Make this an IPv6 instance (VRRPv3) even before any IPv6 address is seen. Cannot be combined with IPv4 addresses.', example: 'native_ipv6' },
  { name: 'state', args: [arg('STATE', oneOf('MASTER', 'BACKUP'))], doc: 'Initial state at start-up. The election still decides by priority; without it an instance with priority 255 starts as MASTER and others as BACKUP.', example: 'state BACKUP' },
  { name: 'interface', args: [arg('IFNAME', IFACE)], doc: 'Interface the adverts are sent and received on, and where VIPs without `dev` go. Only unicast instances may omit it; keepalived drops the instance otherwise.', example: 'interface eth0' },
  { name: 'vrf', args: [arg('VRF', IFACE)], keepsFirst: true, since: '2.2.5', doc: 'Run a unicast instance that has no `interface` inside this VRF device.', example: 'vrf vrf-blue' },
  { name: 'dont_track_primary', args: [], doc: 'Ignore link faults of the instance\'s own interface (useful when the same NIC is tracked elsewhere with a weight).', example: 'dont_track_primary' },
  { name: 'track_interface', args: [], block: TRACK_BLOCKS.track_interface, repeatable: true, doc: 'Block of other interfaces whose link state moves this instance to FAULT or changes its priority.', example: 'track_interface' },
  { name: 'track_script', args: [], block: TRACK_BLOCKS.track_script, repeatable: true, doc: 'Block naming vrrp_script checks whose result moves this instance to FAULT or changes its priority.', example: 'track_script' },
  { name: 'track_file', args: [], block: TRACK_BLOCKS.track_file, repeatable: true, since: '2.0.0', doc: 'Block naming track_file objects: the number written in each file, times its weight, is added to the priority (a fault if the weight is 0 and the number non-zero).', example: 'track_file' },
  { name: 'track_process', args: [], block: TRACK_BLOCKS.track_process, repeatable: true, since: '2.0.11', doc: 'Block naming vrrp_track_process objects whose running processes decide FAULT or priority.', example: 'track_process' },
  { name: 'track_bfd', args: [], block: TRACK_BLOCKS.track_bfd, repeatable: true, since: '2.0.0', doc: 'Block naming bfd_instance sessions whose state decides FAULT or priority.', example: 'track_bfd' },
  { name: 'mcast_src_ip', args: [arg('ADDRESS', IP)], doc: 'Source address of the adverts; by default the first address of the interface.', example: 'mcast_src_ip 192.0.2.1' },
  { name: 'unicast_src_ip', args: [arg('ADDRESS', IP)], since: '1.2.10', otherNames: ['vrrp_unicast_bind'], doc: 'Source address of unicast adverts (same effect as mcast_src_ip, and marks the instance as unicast).', example: 'unicast_src_ip 192.0.2.1' },
  { name: 'mcast_dst_ip', args: [arg('ADDRESS', IP)], since: '2.2.5', doc: 'Multicast group to send adverts to instead of 224.0.0.18 / ff02::12. Must be multicast (link-local for IPv6).', example: 'mcast_dst_ip 224.0.0.19' },
  { name: 'track_src_ip', args: [], since: '2.0.0', doc: 'When the source address was not configured, follow changes of the interface\'s primary address (otherwise a change is a fault).', example: 'track_src_ip' },
  { name: 'virtual_router_id', args: [arg('VRID', int(1, 255))], required: true, doc: 'The VRID, 1-255: every router of one virtual router uses the same id, and it must be unique on the LAN segment. keepalived drops an instance without it.', example: 'virtual_router_id 51' },
  { name: 'unicast_ttl', args: [arg('TTL', int(0, 255))], since: '2.1.0', doc: 'IP TTL of unicast adverts (default 255). Only meaningful with unicast_peer.', example: 'unicast_ttl 64' },
  { name: 'version', args: [arg('VERSION', int(2, 3))], keepsFirst: true, since: '1.2.17', doc: 'VRRP protocol version for this instance; default from global vrrp_version (2), IPv6 always uses 3.', example: 'version 3' },
  { name: 'priority', args: [arg('PRIORITY', int(1, 255))], default: '100', doc: 'Election priority, 1-255; the highest wins. 255 means address owner. Out-of-range values fall back to 100.', example: 'priority 150' },
  { name: 'advert_int', args: [arg('SECONDS', num(0.01, 255, MICROSECONDS))], default: '1', doc: 'Seconds between adverts (fractions allowed; VRRPv3 rounds to centiseconds). Backups declare the master dead after about 3 intervals.', example: 'advert_int 1' },
  { name: 'virtual_ipaddress', args: [], block: 'vrrp_instance.virtual_ipaddress', repeatable: true, doc: 'Block of VIPs the MASTER adds and a BACKUP removes. Without any VIP keepalived warns (errors for VRRPv3 and strict mode).', example: 'virtual_ipaddress' },
  { name: 'virtual_ipaddress_excluded', args: [], block: 'vrrp_instance.virtual_ipaddress_excluded', repeatable: true, doc: 'Block of extra addresses handled like VIPs but not listed in the adverts (for many addresses, or mixing IPv4 and IPv6).', example: 'virtual_ipaddress_excluded' },
  { name: 'no_virtual_ipaddress', args: [], since: '2.2.8', doc: 'Silence the "no VIP" warning for an instance that deliberately has no addresses.', example: 'no_virtual_ipaddress' },
  { name: 'promote_secondaries', args: [], since: '1.3.0', doc: 'Set promote_secondaries on the interface so removing the primary address keeps the other addresses of its subnet.', example: 'promote_secondaries' },
  { name: 'linkbeat_use_polling', args: [], since: '2.0.0', deprecated: { note: 'use the top-level linkbeat_interfaces block' }, doc: 'Poll the link state of the instance interface instead of trusting netlink.', example: 'linkbeat_use_polling' },
  { name: 'v3_checksum_as_v2', args: optionalBool, since: '2.2.8', doc: 'Compute VRRPv3 IPv4 checksums without the pseudo-header, as some other vendors do.', example: 'v3_checksum_as_v2' },
  { name: 'virtual_routes', args: [], block: 'vrrp_instance.virtual_routes', repeatable: true, doc: 'Block of routes added while MASTER and removed otherwise.', example: 'virtual_routes' },
  { name: 'virtual_rules', args: [], block: 'vrrp_instance.virtual_rules', repeatable: true, since: '1.2.20', doc: 'Block of policy-routing rules added while MASTER and removed otherwise.', example: 'virtual_rules' },
  { name: 'accept', args: [], since: '1.2.17', doc: 'Let the MASTER accept packets sent to the VIPs even in strict mode (where they are dropped by default).', example: 'accept' },
  { name: 'no_accept', args: [], since: '1.3.0', doc: 'Drop packets addressed to the VIPs on the MASTER (the RFC behaviour for non-owners).', example: 'no_accept' },
  { name: 'skip_check_adv_addr', args: optionalBool, since: '1.2.20', doc: 'Skip comparing the address list of each advert with ours when it comes from the current master, which saves work with many VIPs.', example: 'skip_check_adv_addr' },
  { name: 'strict_mode', args: optionalBool, since: '1.2.20', doc: 'Follow the RFC strictly: no authentication, VIPs required, state MASTER only for priority 255, VIPs not reachable unless `accept`.', example: 'strict_mode off' },
  { name: 'preempt', args: [], doc: 'Let a higher-priority router take over from the current master (the default; the keyword only undoes nopreempt).', example: 'preempt' },
  { name: 'nopreempt', args: [], doc: 'A higher-priority router that comes up stays BACKUP while another router is MASTER. The initial state must not be MASTER: with `state MASTER` (or priority 255) keepalived warns and clears nopreempt. Leaving `state` out, or `state BACKUP`, works.', example: 'nopreempt' },
  { name: 'preempt_delay', args: [arg('SECONDS', num(0, 1000, MICROSECONDS))], default: '0', doc: 'After start-up, wait this many seconds before preempting a lower-priority master.', example: 'preempt_delay 30' },
  { name: 'debug', args: [arg('LEVEL', int(0, 4))], default: '0', doc: 'Debug level of this instance, 0-4.', example: 'debug 0' },
  notify('notify_backup', 'becomes BACKUP'),
  notify('notify_master', 'becomes MASTER'),
  notify('notify_fault', 'enters FAULT'),
  notify('notify_stop', 'stops', undefined),
  { name: 'notify_deleted', args: [opt('SCRIPT', CMD), opt('USER', STR), opt('GROUP', STR)], since: '2.1.0', keepsFirst: true, doc: 'Report the DELETED state (instance removed by a reload) to notify scripts and fifos, running the given command if one follows.', example: 'notify_deleted "/bin/true"' },
  { ...notify('notify', 'changes state'), doc: 'Command run on every state change, with the arguments: "INSTANCE" or "GROUP", the name, the new state and the priority.' },
  notify('notify_master_rx_lower_pri', 'is MASTER and receives an advert with lower priority', '2.0.6'),
  { name: 'smtp_alert', args: optionalBool, doc: 'Send an email (global_defs notification_email) on state changes of this instance.', example: 'smtp_alert' },
  { name: 'notify_priority_changes', args: optionalBool, since: '2.0.16', doc: 'Also report priority changes to the notify fifo/scripts, not only state changes.', example: 'notify_priority_changes' },
  { name: 'lvs_sync_daemon_interface', args: [arg('IFNAME', IFACE)], keepsFirst: true, deprecated: { note: 'use `lvs_sync_daemon IFNAME INSTANCE` in global_defs' }, doc: 'Start the IPVS connection-sync daemon on this interface, following this instance\'s state.', example: 'lvs_sync_daemon_interface eth0' },
  { name: 'garp_master_delay', args: [arg('SECONDS', int(0, GARP_DELAY_MAX))], default: '5', doc: 'Seconds after becoming MASTER before the second burst of gratuitous ARPs/NAs (0 = none).', example: 'garp_master_delay 5' },
  { name: 'garp_master_refresh', args: [arg('SECONDS', int(0))], default: '0', since: '1.2.10', doc: 'While MASTER, resend gratuitous ARPs/NAs every this many seconds (0 = never).', example: 'garp_master_refresh 60' },
  { name: 'garp_master_repeat', args: [arg('COUNT', int(1, 4294967295))], default: '5', since: '1.2.14', doc: 'How many gratuitous ARPs/NAs each burst sends on becoming MASTER.', example: 'garp_master_repeat 5' },
  { name: 'garp_master_refresh_repeat', args: [arg('COUNT', int(1, 4294967295))], default: '1', since: '1.2.14', doc: 'How many gratuitous ARPs/NAs each periodic refresh sends.', example: 'garp_master_refresh_repeat 2' },
  { name: 'garp_lower_prio_delay', args: [arg('SECONDS', int(0, GARP_DELAY_MAX))], since: '1.2.20', doc: 'Delay of the gratuitous ARP burst sent when the MASTER sees an advert with lower priority (default: garp_master_delay).', example: 'garp_lower_prio_delay 5' },
  { name: 'garp_lower_prio_repeat', args: [arg('COUNT', int(0, 2147483647))], since: '1.2.20', doc: 'How many gratuitous ARPs/NAs to send when a lower-priority advert is seen (default: garp_master_repeat).', example: 'garp_lower_prio_repeat 3' },
  { name: 'down_timer_adverts', args: [arg('COUNT', int(1, 100))], default: '3', since: '2.2.3', doc: 'How many advert intervals without adverts before a BACKUP declares the master down.', example: 'down_timer_adverts 3' },
  { name: 'timer_expired_backup', args: [opt('PRIORITY', int(1, 254))], since: '2.2.8', doc: 'When the master-down timer expires while BACKUP, assume the best other router had this priority (default 254) when computing the takeover delay.', example: 'timer_expired_backup 200' },
  { name: 'thread_timer_expired', args: [opt('PRIORITY', int(1, 254))], since: '2.3.2', deprecated: { replacement: 'timer_expired_backup' }, doc: 'Old spelling of timer_expired_backup.', example: 'thread_timer_expired 200' },
  { name: 'garp_extra_if', args: [arg('SECONDS|all', STR)], freeTail: true, since: '2.2.3', doc: 'With use_vmac, repeat gratuitous ARPs on the underlying interface every SECONDS (0-86400); `all` sends them on every interface.', example: 'garp_extra_if 60' },
  { name: 'vmac_garp_intvl', args: [arg('SECONDS|all', STR)], freeTail: true, since: '2.2.0', deprecated: { replacement: 'garp_extra_if' }, doc: 'Old name of garp_extra_if.', example: 'vmac_garp_intvl 60' },
  { name: 'lower_prio_no_advert', args: optionalBool, since: '1.2.20', doc: 'When MASTER receives a lower-priority advert, do not answer with an advert of its own.', example: 'lower_prio_no_advert' },
  { name: 'higher_prio_send_advert', args: optionalBool, since: '1.3.5', doc: 'When a higher-priority advert arrives while MASTER, send one advert before stepping down, to resolve split brain faster.', example: 'higher_prio_send_advert' },
  { name: 'owner_ignore_adverts', args: optionalBool, since: '2.3.3', doc: 'An address owner (priority 255) ignores adverts from other routers.', example: 'owner_ignore_adverts' },
  { name: 'kernel_rx_buf_size', args: [arg('BYTES', int(0))], since: '2.0.3', doc: 'Receive buffer size of the instance socket, for many instances on one interface.', example: 'kernel_rx_buf_size 65536' },
  { name: 'authentication', args: [], block: 'vrrp_instance.authentication', doc: 'VRRPv2 authentication (not allowed with VRRPv3 or strict mode; the RFCs advise against it).', example: 'authentication' },
  { name: 'auth_hmac', args: [], block: 'vrrp_instance.auth_hmac', since: '2.4.0', doc: 'HMAC-SHA256 signature appended to adverts, with rotating keys and replay protection. Replaces `authentication`.', example: 'auth_hmac' },
];

const authenticationKeywords: readonly KeywordSpec[] = [
  { name: 'auth_type', args: [arg('TYPE', oneOf('PASS', 'AH'))], doc: 'PASS sends a clear-text password; AH adds an IPsec AH header (IPv4 only).', example: 'auth_type PASS' },
  { name: 'auth_pass', args: [arg('PASSWORD', STR)], required: true, doc: 'Shared password, up to 8 characters (longer ones are cut). Without it keepalived disables authentication.', example: 'auth_pass s3cret' },
];

const authHmacKeywords: readonly KeywordSpec[] = [
  { name: 'key', args: [arg('ID', int(1, 255)), arg('SECRET', STR)], repeatable: true, required: true, since: '2.4.0', doc: 'A key with id 1-255: 32-64 bytes given as text, as `hex:...`, or read from `file:PATH` (keep that file private).', example: 'key 1 hex:00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff' },
  { name: 'active_key', args: [arg('ID', int(1, 255))], required: true, since: '2.4.0', doc: 'Id of the key used to sign outgoing adverts; it must be defined with `key`, or keepalived disables auth_hmac.', example: 'active_key 1' },
  { name: 'time_window', args: [arg('SECONDS', int(1, 300))], since: '2.4.0', doc: 'How far the sender\'s timestamp may be from ours; by default derived from advert_int, at least 5 seconds.', example: 'time_window 10' },
  { name: 'anti_replay', args: [arg('MODE', oneOf('time', 'monotonic'))], default: 'time', since: '2.4.0', doc: 'Replay protection by wall-clock time or by a monotonic counter.', example: 'anti_replay time' },
  { name: 'mode', args: [arg('MODE', oneOf('enforce', 'permissive', 'receive-only'))], default: 'enforce', since: '2.4.0', doc: 'enforce drops bad adverts; permissive logs but accepts them; receive-only checks incoming adverts without signing ours.', example: 'mode enforce' },
];

export const vrrpInstanceBlocks: readonly BlockSpec[] = [
  { id: 'vrrp_instance', title: 'vrrp_instance block', keywords: instanceKeywords },
  { id: 'vrrp_instance.authentication', title: 'authentication block', keywords: authenticationKeywords },
  { id: 'vrrp_instance.auth_hmac', title: 'auth_hmac block', keywords: authHmacKeywords },
];
