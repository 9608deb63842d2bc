import type { BlockSpec, KeywordSpec } from './types';
import {
  bufferBytes, cpuList, fifoArgs, nicePriority, optionalBool, path, processName, realtimePriority, rtLimit, scriptArgs,
  wholeSeconds,
} from './global-args';

/**
 * `global_defs { ... }`: keywords registered by init_global_keywords() in upstream's
 * keepalived/core/global_parser.c, grouped by topic in the order upstream installs them.
 * Deprecated aliases carry no example, since keepalived complains about (some of) them.
 */

const processes: KeywordSpec[] = [
  { name: 'process_names', args: [], since: '2.0.16', doc: 'Give the child processes their standard names (keepalived_vrrp, keepalived_lvs, keepalived_bfd) so they can be told apart in ps/top.', example: 'process_names' },
  { name: 'process_name', args: processName, since: '2.0.16', doc: 'Name shown for the parent keepalived process. Names longer than 15 characters are truncated.', example: 'process_name keepalived' },
  { name: 'vrrp_process_name', args: processName, since: '2.0.16', doc: 'Name shown for the VRRP child process (at most 15 characters).', example: 'vrrp_process_name ka_vrrp' },
  { name: 'checker_process_name', args: processName, since: '2.2.0', doc: 'Name shown for the health-checker (IPVS) child process (at most 15 characters).', example: 'checker_process_name ka_checker' },
  { name: 'lvs_process_name', args: processName, since: '2.0.16', deprecated: { replacement: 'checker_process_name' }, doc: 'Old name of `checker_process_name`; keepalived logs that it is deprecated.' },
  { name: 'bfd_process_name', args: processName, since: '2.0.16', doc: 'Name shown for the BFD child process (at most 15 characters).', example: 'bfd_process_name ka_bfd' },
  { name: 'use_symlink_paths', args: optionalBool, since: '2.3.0', doc: 'Keep symbolic links in script paths instead of resolving them to the real file (resolving is the default).', example: 'use_symlink_paths true' },
  { name: 'set_supplementary_groups', args: optionalBool, since: '2.4.4', doc: 'Also set the supplementary groups of the script user when running scripts; by default only the primary group is set. Not in any release up to 2.4.3.', example: 'set_supplementary_groups' },
];

const notification: KeywordSpec[] = [
  { name: 'router_id', args: [{ name: 'NAME', type: { kind: 'string' } }], default: 'the local host name', doc: 'Identifies this machine in notification e-mails and logs; it need not be the host name.', example: 'router_id LVS_DIRECTOR_1' },
  { name: 'notification_email_from', args: [{ name: 'EMAIL', type: { kind: 'email' } }], default: 'keepalived@<host name>', doc: 'Sender address of notification e-mails. Quote it to add a display name ("Keepalived <ka@example.com>").', example: 'notification_email_from keepalived@example.com' },
  { name: 'smtp_server', args: [{ name: 'HOST', type: { kind: 'hostname' } }, { name: 'PORT', type: { kind: 'port' }, optional: true }], doc: 'SMTP relay (IP address or host name, port 25 unless given) used for notification e-mails. Without it no e-mail is sent.', example: 'smtp_server 192.0.2.25 25' },
  { name: 'smtp_helo_name', args: [{ name: 'NAME', type: { kind: 'hostname' } }], since: '1.2.20', default: 'the local host name', doc: 'Name announced in the SMTP HELO command.', example: 'smtp_helo_name director1.example.com' },
  { name: 'smtp_connect_timeout', args: wholeSeconds(1), default: '30', doc: 'Seconds to wait for the SMTP server to accept a connection (0 is raised to 1 with a complaint).', example: 'smtp_connect_timeout 30' },
  { name: 'notification_email', args: [], block: 'global_defs.notification_email', repeatable: true, doc: 'Block listing the recipients of notification e-mails, one address per line. An empty block is reported.', example: 'notification_email' },
  { name: 'smtp_alert', args: optionalBool, since: '2.0.0', doc: 'Default for sending e-mail alerts on every state change, for VRRP instances and checkers alike.', example: 'smtp_alert true' },
];

const scripts: KeywordSpec[] = [
  { name: 'startup_script', args: scriptArgs, since: '2.1.0', keepsFirst: true, doc: 'Program run once by the parent process before the child processes start (for example to set up firewall marks). Only one may be given.', example: 'startup_script /bin/true' },
  { name: 'startup_script_timeout', args: [{ name: 'SECONDS', type: { kind: 'int', min: 1, max: 1000 } }], since: '2.1.0', default: '10', doc: 'Seconds the startup script may run before keepalived kills it.', example: 'startup_script_timeout 10' },
  { name: 'shutdown_script', args: scriptArgs, since: '2.1.0', keepsFirst: true, doc: 'Program run once by the parent process after all child processes have stopped. Only one may be given.', example: 'shutdown_script /bin/true' },
  { name: 'shutdown_script_timeout', args: [{ name: 'SECONDS', type: { kind: 'int', min: 1, max: 1000 } }], since: '2.1.0', default: '10', doc: 'Seconds the shutdown script may run before keepalived kills it.', example: 'shutdown_script_timeout 10' },
  { name: 'script_user', args: [{ name: 'USER', type: { kind: 'string' } }, { name: 'GROUP', type: { kind: 'string' }, optional: true }], since: '1.3.0', doc: 'Default user (and group) that runs scripts. Without it keepalived uses keepalived_script if that user exists, else the user keepalived runs as.', example: 'script_user nobody' },
  { name: 'enable_script_security', args: [], since: '1.3.0', doc: 'Refuse to run scripts as root when any part of their path is writable by another user, and never fall back to root as the default script user.', example: 'enable_script_security' },
];

const priorities: KeywordSpec[] = [
  { name: 'max_auto_priority', args: [{ name: 'PRIORITY', type: { kind: 'int', min: -1, max: 99 }, optional: true }], since: '2.1.0', default: '0', doc: 'Highest real-time priority keepalived may give itself when it notices it runs late; 0 disables automatic raising, -1 also silences the startup warning. Without a value, the maximum is used.', example: 'max_auto_priority 50' },
  { name: 'min_auto_priority_delay', args: [{ name: 'USECS', type: { kind: 'int', min: 1, max: 10000000 } }], since: '2.1.0', default: '1000000', doc: 'How late (microseconds) a timer must fire before keepalived raises its own priority.', example: 'min_auto_priority_delay 1000000' },
  { name: 'vrrp_priority', args: nicePriority, since: '1.2.20', doc: 'Nice value of the VRRP child process (negative runs it more favourably).', example: 'vrrp_priority -10' },
  { name: 'vrrp_no_swap', args: [], since: '1.2.20', doc: 'Lock the VRRP child process in memory so it is never swapped out.', example: 'vrrp_no_swap' },
  { name: 'vrrp_rt_priority', args: realtimePriority, since: '2.0.0', doc: 'Run the VRRP child process with real-time (SCHED_RR) scheduling at this priority.', example: 'vrrp_rt_priority 10' },
  { name: 'vrrp_cpu_affinity', args: cpuList, since: '2.0.17', doc: 'Restrict the VRRP child process to these CPU numbers.', example: 'vrrp_cpu_affinity 0' },
  { name: 'vrrp_rlimit_rttime', args: rtLimit, since: '2.1.0', default: '10000', doc: 'CPU time in microseconds the real-time VRRP process may use without blocking (RLIMIT_RTTIME).', example: 'vrrp_rlimit_rttime 10000' },
  { name: 'vrrp_rlimit_rtime', args: rtLimit, since: '2.0.0', deprecated: { replacement: 'vrrp_rlimit_rttime' }, doc: 'Misspelt old name of `vrrp_rlimit_rttime`; keepalived logs that it is deprecated.' },
  { name: 'checker_priority', args: nicePriority, since: '1.2.20', doc: 'Nice value of the health-checker child process.', example: 'checker_priority -10' },
  { name: 'checker_no_swap', args: [], since: '1.2.20', doc: 'Lock the health-checker child process in memory.', example: 'checker_no_swap' },
  { name: 'checker_rt_priority', args: realtimePriority, since: '2.0.0', doc: 'Run the health-checker child process with real-time scheduling at this priority.', example: 'checker_rt_priority 10' },
  { name: 'checker_cpu_affinity', args: cpuList, since: '2.0.17', doc: 'Restrict the health-checker child process to these CPU numbers.', example: 'checker_cpu_affinity 0' },
  { name: 'checker_rlimit_rttime', args: rtLimit, since: '2.1.0', default: '10000', doc: 'RLIMIT_RTTIME in microseconds for the real-time health-checker process.', example: 'checker_rlimit_rttime 10000' },
  { name: 'checker_rlimit_rtime', args: rtLimit, since: '2.0.0', deprecated: { replacement: 'checker_rlimit_rttime' }, doc: 'Misspelt old name of `checker_rlimit_rttime`.' },
  { name: 'bfd_priority', args: nicePriority, since: '2.0.0', doc: 'Nice value of the BFD child process.', example: 'bfd_priority -10' },
  { name: 'bfd_no_swap', args: [], since: '2.0.0', doc: 'Lock the BFD child process in memory.', example: 'bfd_no_swap' },
  { name: 'bfd_rt_priority', args: realtimePriority, since: '2.0.0', doc: 'Run the BFD child process with real-time scheduling at this priority.', example: 'bfd_rt_priority 10' },
  { name: 'bfd_cpu_affinity', args: cpuList, since: '2.0.17', doc: 'Restrict the BFD child process to these CPU numbers.', example: 'bfd_cpu_affinity 0' },
  { name: 'bfd_rlimit_rttime', args: rtLimit, since: '2.1.0', default: '10000', doc: 'RLIMIT_RTTIME in microseconds for the real-time BFD process.', example: 'bfd_rlimit_rttime 10000' },
  { name: 'bfd_rlimit_rtime', args: rtLimit, since: '2.0.0', deprecated: { replacement: 'bfd_rlimit_rttime' }, doc: 'Misspelt old name of `bfd_rlimit_rttime`.' },
];

const vrrpDefaults: KeywordSpec[] = [
  { name: 'smtp_alert_vrrp', args: optionalBool, since: '2.0.0', doc: 'Default for e-mail alerts on VRRP state changes (overrides `smtp_alert` for VRRP).', example: 'smtp_alert_vrrp true' },
  { name: 'dynamic_interfaces', args: [{ name: 'allow_if_changes', type: { kind: 'enum', values: ['allow_if_changes'] }, optional: true }], since: '2.0.0', doc: 'Accept interfaces that do not exist yet or come and go. With `allow_if_changes` an interface may also be recreated with another type or parent.', example: 'dynamic_interfaces' },
  { name: 'no_email_faults', args: [], since: '2.0.0', doc: 'Send no e-mail when a VRRP instance or sync group enters FAULT state.', example: 'no_email_faults' },
  { name: 'default_interface', args: [{ name: 'IFACE', type: { kind: 'interface' } }], since: '1.2.24', default: 'eth0', doc: 'Interface used for static addresses and routes that name none.', example: 'default_interface eth0' },
  { name: 'disable_local_igmp', args: [], since: '2.2.0', doc: 'Turn off IGMP reports for link-local multicast groups in the kernel (igmp_link_local_mcast_reports) instead of filtering them on VMAC interfaces. Needs Linux 4.3 or later.', example: 'disable_local_igmp' },
  { name: 'v3_checksum_as_v2', args: [], since: '2.2.8', doc: 'Default for all VRRPv3 IPv4 instances: compute the advert checksum the VRRPv2 way, as some other implementations do.', example: 'v3_checksum_as_v2' },
  { name: 'vrrp_mcast_group4', args: [{ name: 'ADDRESS', type: { kind: 'ipv4' } }], since: '1.2.10', default: '224.0.0.18', doc: 'IPv4 multicast group VRRP adverts are sent to. Must be a multicast address.', example: 'vrrp_mcast_group4 224.0.0.18' },
  { name: 'vrrp_mcast_group6', args: [{ name: 'ADDRESS', type: { kind: 'ipv6' } }], since: '1.2.10', default: 'ff02::12', doc: 'IPv6 multicast group VRRP adverts are sent to; keepalived warns unless it is link-local multicast.', example: 'vrrp_mcast_group6 ff02::12' },
  { name: 'vrrp_garp_master_delay', args: wholeSeconds(0), since: '1.2.20', default: '5', doc: 'Seconds after becoming MASTER before the second burst of gratuitous ARP/NA messages; 0 sends no second burst.', example: 'vrrp_garp_master_delay 5' },
  { name: 'vrrp_garp_master_repeat', args: [{ name: 'COUNT', type: { kind: 'int', min: 1, max: 4294967295 } }], since: '1.2.20', default: '5', doc: 'Gratuitous ARP/NA messages sent in each burst after becoming MASTER (0 is raised to 1 with a complaint).', example: 'vrrp_garp_master_repeat 5' },
  { name: 'vrrp_garp_master_refresh', args: [{ name: 'SECONDS', type: { kind: 'int', min: 0, max: 4294967295 } }], since: '1.2.20', default: '0', doc: 'While MASTER, repeat gratuitous ARP/NA at least this often, in seconds; 0 never refreshes.', example: 'vrrp_garp_master_refresh 60' },
  { name: 'vrrp_garp_master_refresh_repeat', args: [{ name: 'COUNT', type: { kind: 'int', min: 1, max: 4294967295 } }], since: '1.2.20', default: '1', doc: 'Gratuitous ARP/NA messages sent at each refresh.', example: 'vrrp_garp_master_refresh_repeat 2' },
  { name: 'vrrp_garp_lower_prio_delay', args: wholeSeconds(0), since: '1.2.20', doc: 'Like `vrrp_garp_master_delay`, for the bursts sent when a MASTER hears a lower-priority advert. Defaults to vrrp_garp_master_delay.', example: 'vrrp_garp_lower_prio_delay 5' },
  { name: 'vrrp_garp_lower_prio_repeat', args: [{ name: 'COUNT', type: { kind: 'int', min: 0, max: 2147483647 } }], since: '1.2.20', doc: 'Gratuitous ARP/NA messages per burst when a MASTER hears a lower-priority advert. Defaults to vrrp_garp_master_repeat.', example: 'vrrp_garp_lower_prio_repeat 1' },
  { name: 'vrrp_down_timer_adverts', args: [{ name: 'ADVERTS', type: { kind: 'int', min: 1, max: 100 } }], since: '2.2.3', default: '3', doc: 'Default number of missed advert intervals before a BACKUP declares the MASTER down.', example: 'vrrp_down_timer_adverts 3' },
  { name: 'vrrp_garp_interval', args: [{ name: 'SECONDS', type: { kind: 'number', min: 0.000001, max: 4294.967295, decimals: 6 } }], veryLargeFrom: { value: 1, meaning: 'the pause between two gratuitous ARPs of one burst' }, since: '1.2.21', default: '0', doc: 'Pause between gratuitous ARP messages on one interface, in seconds with microsecond resolution.', example: 'vrrp_garp_interval 0.001' },
  { name: 'vrrp_gna_interval', args: [{ name: 'SECONDS', type: { kind: 'number', min: 0.000001, max: 4294.967295, decimals: 6 } }], veryLargeFrom: { value: 1, meaning: 'the pause between two neighbour adverts of one burst' }, since: '1.2.21', default: '0', doc: 'Pause between unsolicited neighbour adverts on one interface, in seconds with microsecond resolution.', example: 'vrrp_gna_interval 0.001' },
  { name: 'vrrp_min_garp', args: optionalBool, since: '2.0.12', doc: 'Send a single gratuitous ARP/NA on becoming MASTER, with no repeats and no second burst (unless those were set explicitly).', example: 'vrrp_min_garp true' },
  { name: 'vrrp_garp_extra_if', args: [{ name: 'all | SECONDS', type: { kind: 'string' }, variadic: true }], since: '2.2.3', doc: 'Every SECONDS (1 to 86400) resend gratuitous ARP/NA for addresses on VMAC interfaces other than the instance\'s own; with `all`, on every interface the instance uses.', example: 'vrrp_garp_extra_if all 100' },
  { name: 'vrrp_vmac_garp_intvl', args: [{ name: 'all | SECONDS', type: { kind: 'string' }, variadic: true }], since: '2.2.0', deprecated: { replacement: 'vrrp_garp_extra_if' }, doc: 'Old name of `vrrp_garp_extra_if`; keepalived reports it as deprecated.' },
  { name: 'vrrp_lower_prio_no_advert', args: optionalBool, since: '1.2.20', doc: 'Default for all instances: a MASTER that hears a lower-priority advert does not answer with its own advert.', example: 'vrrp_lower_prio_no_advert true' },
  { name: 'vrrp_higher_prio_send_advert', args: optionalBool, since: '1.3.5', doc: 'Default for all instances: a MASTER that hears a higher-priority advert sends one more advert before becoming BACKUP.', example: 'vrrp_higher_prio_send_advert true' },
  { name: 'vrrp_version', args: [{ name: 'VERSION', type: { kind: 'int', min: 2, max: 3 } }], since: '1.2.20', default: '2', doc: 'Default VRRP protocol version (IPv6 instances always use 3).', example: 'vrrp_version 2' },
  { name: 'vrrp_check_unicast_src', args: [], since: '1.2.20', doc: 'In unicast mode, drop adverts whose source address is not one of the instance\'s unicast peers.', example: 'vrrp_check_unicast_src' },
  { name: 'vrrp_skip_check_adv_addr', args: optionalBool, since: '1.2.20', argsSince: '2.3.0', doc: 'Skip checking the address list of an advert when it comes from the same MASTER as the previous one.', example: 'vrrp_skip_check_adv_addr' },
  { name: 'vrrp_strict', args: optionalBool, since: '1.2.20', argsSince: '2.3.0', doc: 'Enforce RFC compliance strictly: no unicast peers, no authentication, no preempt delay, VIPs required, and more. Also installs firewall rules that drop traffic to the VIPs unless accept mode is on.', example: 'vrrp_strict' },
  { name: 'vrrp_notify_priority_changes', args: optionalBool, since: '2.0.16', doc: 'Also report priority changes of VRRP instances on the notify FIFOs.', example: 'vrrp_notify_priority_changes true' },
  { name: 'fifo_write_vrrp_states_on_reload', args: [], since: '2.2.5', doc: 'Write the current state of every instance and sync group to the FIFOs after a reload.', example: 'fifo_write_vrrp_states_on_reload' },
  { name: 'vrrp_rx_bufs_policy', args: [{ name: 'MTU | ADVERT | BYTES', type: { kind: 'string' }, variadic: true }], since: '2.0.3', doc: 'Size the receive buffer of VRRP sockets from the interface MTU or the advert size (times `vrrp_rx_bufs_multiplier`), or set it in bytes. Without it the system default is used.', example: 'vrrp_rx_bufs_policy MTU' },
  { name: 'vrrp_rx_bufs_multiplier', args: [{ name: 'FACTOR', type: { kind: 'int', min: 1, max: 4294967295 } }], extraWordsIgnoreLine: true, since: '2.0.3', default: '3', doc: 'Multiplier applied by the MTU and ADVERT receive buffer policies.', example: 'vrrp_rx_bufs_multiplier 3' },
  { name: 'vrrp_startup_delay', args: [{ name: 'SECONDS', type: { kind: 'number', min: 0.001 } }], veryLargeFrom: { value: 60, meaning: 'how long VRRP waits after keepalived starts' }, since: '2.0.14', doc: 'Wait this many seconds after keepalived starts before starting the VRRP instances, e.g. while bonds come up.', example: 'vrrp_startup_delay 5.5' },
  { name: 'vrrp_delay_after_boot', args: [{ name: 'SECONDS', type: { kind: 'number', min: 0.001 } }], since: '2.4.0', doc: 'Do not start the VRRP instances until the system has been up this many seconds; no delay on later restarts. The longer of this and vrrp_startup_delay applies.', example: 'vrrp_delay_after_boot 30' },
  { name: 'log_unknown_vrids', args: [], since: '2.0.16', doc: 'Log adverts received for VRIDs that no instance on that interface uses.', example: 'log_unknown_vrids' },
  { name: 'vrrp_owner_ignore_adverts', args: optionalBool, since: '2.3.3', doc: 'Default for instances with priority 255 (address owner): ignore adverts from other routers.', example: 'vrrp_owner_ignore_adverts true' },
  { name: 'vmac_prefix', args: [{ name: 'PREFIX', type: { kind: 'string' } }], since: '2.2.0', default: 'vrrp', keepsFirst: true, doc: 'Prefix of the interface names keepalived generates for VMACs.', example: 'vmac_prefix vrrp' },
  { name: 'vmac_addr_prefix', args: [{ name: 'PREFIX', type: { kind: 'string' } }], since: '2.2.0', keepsFirst: true, doc: 'Prefix of generated VMAC names for addresses that are not on the instance\'s interface. Defaults to vmac_prefix.', example: 'vmac_addr_prefix vrrpa' },
  { name: 'vrrp_netlink_cmd_rcv_bufs', args: bufferBytes, since: '2.0.0', doc: 'Receive buffer size of the VRRP netlink command socket; raise it if "Netlink: Receive buffer overrun" is logged.', example: 'vrrp_netlink_cmd_rcv_bufs 1048576' },
  { name: 'vrrp_netlink_cmd_rcv_bufs_force', args: optionalBool, since: '2.0.0', doc: 'Set the VRRP netlink command buffer even above net.core.rmem_max.', example: 'vrrp_netlink_cmd_rcv_bufs_force true' },
  { name: 'vrrp_netlink_monitor_rcv_bufs', args: bufferBytes, since: '2.0.0', doc: 'Receive buffer size of the VRRP netlink monitor socket.', example: 'vrrp_netlink_monitor_rcv_bufs 1048576' },
  { name: 'vrrp_netlink_monitor_rcv_bufs_force', args: optionalBool, since: '2.0.0', doc: 'Set the VRRP netlink monitor buffer even above net.core.rmem_max.', example: 'vrrp_netlink_monitor_rcv_bufs_force true' },
  { name: 'process_monitor_rcv_bufs', args: bufferBytes, since: '2.0.11', doc: 'Receive buffer size of the process-event socket used by track_process; large process counts need more than the usual default.', example: 'process_monitor_rcv_bufs 500000' },
  { name: 'process_monitor_rcv_bufs_force', args: optionalBool, since: '2.0.11', doc: 'Set the process monitor buffer even above net.core.rmem_max.', example: 'process_monitor_rcv_bufs_force true' },
];

// No examples for vrrp_iptables/vrrp_ipsets: Debian's nftables-only build rejects or reroutes them.
const firewall: KeywordSpec[] = [
  { name: 'vrrp_iptables', args: [{ name: 'IN_CHAIN', type: { kind: 'string' }, optional: true }, { name: 'OUT_CHAIN', type: { kind: 'string' }, optional: true }], since: '1.2.20', keepsFirst: '2.1.0', doc: 'Use iptables chains (default INPUT/OUTPUT; create your own) for no_accept filtering and VMAC IGMP handling. Builds without iptables switch to nftables and complain.' },
  { name: 'vrrp_ipsets', args: [{ name: 'SET', type: { kind: 'string' }, optional: true, variadic: true }], since: '1.2.20', doc: 'Names of up to six ipsets used with vrrp_iptables; omitted names are derived from the first. Without any name, ipsets are not used. Only in builds with ipset support.' },
  { name: 'nftables', args: [{ name: 'TABLE', type: { kind: 'string' }, optional: true }], since: '2.0.11', keepsFirst: true, doc: 'Use nftables for no_accept filtering and VMAC IGMP handling, in a table of its own (default `keepalived`) that must not already exist.', example: 'nftables keepalived' },
  { name: 'nftables_priority', args: [{ name: 'PRIORITY', type: { kind: 'int', min: -2147483648, max: 2147483647 } }], since: '2.0.11', default: '-1', doc: 'Priority of the base chains keepalived creates in its nftables table.', example: 'nftables_priority -1' },
  { name: 'nftables_ifindex', args: [], since: '2.0.11', doc: 'Key the IPv6 link-local sets on interface index instead of interface name.', example: 'nftables_ifindex' },
  { name: 'nftables_ipvs', args: [{ name: 'TABLE', type: { kind: 'string' }, optional: true }], since: '2.2.2', keepsFirst: true, doc: 'Let keepalived set firewall marks with nftables (table `keepalived_ipvs` by default) so each virtual_server_group needs one IPVS service.', example: 'nftables_ipvs keepalived_ipvs' },
  { name: 'nftables_ipvs_priority', args: [{ name: 'PRIORITY', type: { kind: 'int', min: -2147483648, max: 2147483647 } }], since: '2.2.2', default: '-1', doc: 'Priority of the chains in the IPVS nftables table.', example: 'nftables_ipvs_priority -1' },
  { name: 'nftables_ipvs_start_fwmark', args: [{ name: 'FWMARK', type: { kind: 'int', min: 1, max: 4294967295 } }], since: '2.2.2', default: '1000', doc: 'First firewall mark keepalived hands out to virtual server groups.', example: 'nftables_ipvs_start_fwmark 1000' },
  { name: 'nftables_counters', args: [], since: '2.0.11', doc: 'Add counters to the nftables rules keepalived creates (for debugging).', example: 'nftables_counters' },
];

const lvs: KeywordSpec[] = [
  { name: 'smtp_alert_checker', args: optionalBool, since: '2.0.0', doc: 'Default for e-mail alerts on checker state changes (overrides `smtp_alert` for checkers).', example: 'smtp_alert_checker true' },
  { name: 'checker_log_all_failures', args: optionalBool, since: '2.0.11', doc: 'Log every failed check of a real server, not only the one that marks it down.', example: 'checker_log_all_failures true' },
  { name: 'lvs_timeouts', args: [{ name: 'tcp | tcpfin | udp', type: { kind: 'enum', values: ['tcp', 'tcpfin', 'udp'] } }, { name: 'SECONDS', type: { kind: 'int', min: 0, max: 2678400 } }], freeTail: true, since: '1.2.24', doc: 'IPVS connection timeouts in seconds, as pairs `tcp N`, `tcpfin N`, `udp N`; at least one pair. Timeouts not given are left as they were.', example: 'lvs_timeouts tcp 900 tcpfin 120 udp 300' },
  { name: 'lvs_flush', args: [], since: '1.2.23', doc: 'Clear every IPVS virtual server when keepalived starts.', example: 'lvs_flush' },
  { name: 'lvs_flush_on_stop', args: [{ name: 'VS', type: { kind: 'enum', values: ['VS'] }, optional: true }], since: '2.2.0', doc: 'On shutdown, flush all of IPVS at once (fast for big tables); with `VS`, remove only keepalived\'s virtual servers and let the kernel drop their real servers.', example: 'lvs_flush_on_stop' },
  { name: 'lvs_flush_onstop', args: [{ name: 'VS', type: { kind: 'enum', values: ['VS'] }, optional: true }], since: '2.0.15', deprecated: { replacement: 'lvs_flush_on_stop' }, doc: 'Old name of `lvs_flush_on_stop`.' },
  { name: 'lvs_sync_daemon', args: [{ name: 'IFACE', type: { kind: 'interface' } }], freeTail: true, keepsFirst: true, since: '1.2.20', doc: 'Run the IPVS connection sync daemon on IFACE. Options: `inst VRRP_INSTANCE` (follow that instance\'s state), `id 0-255`, `maxlen`, `port` (default 8848), `ttl`, `group` (multicast, default 224.0.0.81). Only one may be given.', example: 'lvs_sync_daemon eth0 id 10' },
  { name: 'lvs_netlink_cmd_rcv_bufs', args: bufferBytes, since: '2.0.0', doc: 'Receive buffer size of the checker\'s netlink command socket.', example: 'lvs_netlink_cmd_rcv_bufs 1048576' },
  { name: 'lvs_netlink_cmd_rcv_bufs_force', args: optionalBool, since: '2.0.0', doc: 'Set the checker netlink command buffer even above net.core.rmem_max.', example: 'lvs_netlink_cmd_rcv_bufs_force true' },
  { name: 'lvs_netlink_monitor_rcv_bufs', args: bufferBytes, since: '2.0.0', doc: 'Receive buffer size of the checker\'s netlink monitor socket.', example: 'lvs_netlink_monitor_rcv_bufs 1048576' },
  { name: 'lvs_netlink_monitor_rcv_bufs_force', args: optionalBool, since: '2.0.0', doc: 'Set the checker netlink monitor buffer even above net.core.rmem_max.', example: 'lvs_netlink_monitor_rcv_bufs_force true' },
  { name: 'rs_init_notifies', args: optionalBool, since: '2.0.0', doc: 'Send notifications for real servers as they come up when keepalived starts.', example: 'rs_init_notifies' },
  { name: 'no_checker_emails', args: optionalBool, since: '2.0.0', doc: 'Send checker e-mail only when a real server is added or removed, not on every check state change.', example: 'no_checker_emails' },
];

const fifos: KeywordSpec[] = [
  { name: 'notify_fifo', args: fifoArgs, since: '1.3.6', keepsFirst: true, doc: 'FIFO keepalived writes every VRRP and checker event to, one line each, in order. Only one may be given; all FIFO names must differ.', example: 'notify_fifo /run/keepalived/notify.fifo' },
  { name: 'notify_fifo_script', args: scriptArgs, since: '1.3.6', keepsFirst: true, doc: 'Program started by keepalived to read `notify_fifo`; it gets the FIFO name as its last argument.', example: 'notify_fifo_script /bin/true' },
  { name: 'vrrp_notify_fifo', args: fifoArgs, since: '1.3.6', keepsFirst: true, doc: 'FIFO for VRRP events only, lines like `INSTANCE "VI_1" MASTER 100`.', example: 'vrrp_notify_fifo /run/keepalived/vrrp.fifo' },
  { name: 'vrrp_notify_fifo_script', args: scriptArgs, since: '1.3.6', keepsFirst: true, doc: 'Program started to read `vrrp_notify_fifo`; it gets the FIFO name as its last argument.', example: 'vrrp_notify_fifo_script /bin/true' },
  { name: 'lvs_notify_fifo', args: fifoArgs, since: '1.3.6', keepsFirst: true, doc: 'FIFO for checker events only (virtual and real servers going UP or DOWN).', example: 'lvs_notify_fifo /run/keepalived/lvs.fifo' },
  { name: 'lvs_notify_fifo_script', args: scriptArgs, since: '1.3.6', keepsFirst: true, doc: 'Program started to read `lvs_notify_fifo`; it gets the FIFO name as its last argument.', example: 'lvs_notify_fifo_script /bin/true' },
];

const snmpAndDbus: KeywordSpec[] = [
  { name: 'snmp_socket', args: [{ name: 'SOCKET', type: { kind: 'string' } }], extraWordsIgnoreLine: true, since: '1.2.20', default: 'unix:/var/agentx/master', keepsFirst: true, doc: 'AgentX socket of the SNMP master agent, e.g. `udp:192.0.2.1:705`. Only in builds with SNMP.', example: 'snmp_socket tcp:127.0.0.1:705' },
  { name: 'enable_traps', args: [], since: '1.2.5', doc: 'Send SNMP traps on state changes.', example: 'enable_traps' },
  { name: 'enable_snmp_vrrp', args: [], since: '2.0.0', doc: 'Serve the VRRP part of the KEEPALIVED-MIB over SNMP.', example: 'enable_snmp_vrrp' },
  { name: 'enable_snmp_keepalived', args: [], since: '1.2.20', deprecated: { replacement: 'enable_snmp_vrrp' }, doc: 'Old name of `enable_snmp_vrrp`.' },
  { name: 'enable_snmp_rfc', args: [], since: '1.2.20', doc: 'Serve both standard VRRP MIBs (RFC 2787 and RFC 6527).', example: 'enable_snmp_rfc' },
  { name: 'enable_snmp_rfcv2', args: [], since: '1.2.20', doc: 'Serve the VRRPv2 MIB of RFC 2787.', example: 'enable_snmp_rfcv2' },
  { name: 'enable_snmp_rfcv3', args: [], since: '1.2.20', doc: 'Serve the VRRPv3 MIB of RFC 6527.', example: 'enable_snmp_rfcv3' },
  { name: 'enable_snmp_checker', args: [], since: '1.2.20', doc: 'Serve the checker (virtual/real server) part of the KEEPALIVED-MIB.', example: 'enable_snmp_checker' },
  { name: 'snmp_vs_stats_update_interval', args: [{ name: 'SECONDS', type: { kind: 'number', min: 0.001, max: 30 } }], since: '2.3.0', default: '5', doc: 'Minimum age in seconds of virtual server statistics before an SNMP request makes the checker read them from the kernel again.', example: 'snmp_vs_stats_update_interval 5' },
  { name: 'snmp_rs_stats_update_interval', args: [{ name: 'SECONDS', type: { kind: 'number', min: 0.001, max: 30 } }], since: '2.3.0', doc: 'Same as snmp_vs_stats_update_interval, for real server statistics; defaults to that value.', example: 'snmp_rs_stats_update_interval 5' },
  { name: 'enable_dbus', args: [], since: '1.3.0', doc: 'Publish VRRP instance state on D-Bus. Only in builds with D-Bus.', example: 'enable_dbus' },
  { name: 'dbus_service_name', args: [{ name: 'NAME', type: { kind: 'string' } }], since: '1.3.7', default: 'org.keepalived.Vrrp1', doc: 'D-Bus service name; change it to run several keepalived instances with D-Bus.', example: 'dbus_service_name org.keepalived.Vrrp1' },
  { name: 'dbus_no_interface_name', args: [{ name: 'NAME', type: { kind: 'string' } }], since: '2.3.0', default: 'none', doc: 'Word used in the D-Bus object path for instances without an interface.', example: 'dbus_no_interface_name none' },
];

const namespaceAndFiles: KeywordSpec[] = [
  { name: 'umask', args: [{ name: 'MASK', type: { kind: 'string' } }], freeTail: true, since: '2.0.9', doc: 'umask for files keepalived creates: a number (octal with a leading 0, or hex) or bits like `IRWXG|IRWXO`. The -m command line option wins.', example: 'umask 0077' },
  { name: 'random_seed', args: [{ name: 'SEED', type: { kind: 'int', min: 0, max: 4294967295 } }], since: '2.0.15', doc: 'Seed for ${_RANDOM} so that generated configurations are repeatable; by default the seed comes from the clock.', example: 'random_seed 42' },
  { name: 'reload_check_config', args: path('LOG_FILE', true), since: '2.2.0', doc: 'Test a changed configuration before reloading and reload only if it is valid; errors go to LOG_FILE (default /dev/null).', example: 'reload_check_config /var/log/keepalived-reload.log' },
  { name: 'reload_time_file', args: path('FILE'), extraWordsIgnoreLine: true, since: '2.1.0', doc: 'Absolute path of a file whose first line (HH:MM:SS or [YY]YY-MM-DD HH:MM:SS, optional Z for UTC) schedules a reload; lets MASTER and BACKUP reload at the same moment.', example: 'reload_time_file /etc/keepalived/reload_at' },
  { name: 'reload_repeat', args: [], since: '2.1.0', doc: 'Keep the reload time file after the reload, so a time without date reloads every day.', example: 'reload_repeat' },
  { name: 'reload_file', args: path('FILE', true), since: '2.2.0', doc: 'File that exists while keepalived reads its configuration, so update tools know when they may write again. Default keepalived.reload in the pid directory.', example: 'reload_file /run/keepalived.reload' },
  { name: 'include_check', args: [{ name: 'CHECK', type: { kind: 'string' }, optional: true, variadic: true }], repeatable: true, since: '2.2.0', doc: 'Make missing include files errors: `read`, `match`, `wildcard_match`, `brace_match`, each optionally prefixed with + or -; no option means all of them. Affects includes that follow.', example: 'include_check' },
  { name: 'config_save_dir', args: path('DIRECTORY'), since: '2.2.3', doc: 'Save the configuration state before and after each reload into this directory, for debugging reload problems. It is created if missing.', example: 'config_save_dir /tmp' },
  { name: 'tmp_config_directory', args: path('DIRECTORY'), keepsFirst: true, since: '2.2.0', doc: 'Keep the private copy of the configuration that the processes share in a file on this directory\'s filesystem instead of in memory. Give it early; it cannot change on reload.', example: 'tmp_config_directory /tmp' },
  { name: 'data_use_instance', args: optionalBool, since: '2.2.3', doc: 'Add the instance and namespace names to the names of the files written on SIGUSR1/SIGUSR2/SIGJSON.', example: 'data_use_instance true' },
  { name: 'json_version', args: [{ name: 'VERSION', type: { kind: 'int', min: 1, max: 2 } }], since: '2.2.8', default: '1', doc: 'Layout of the JSON state dump; version 2 names the VRRP array and adds track_process data.', example: 'json_version 2' },
  { name: 'iproute_usr_dir', args: path('DIRECTORY'), since: '2.3.2', extraWordsIgnoreLine: true, doc: 'Where iproute2 keeps its distribution files (rt_tables and friends), if keepalived could not find it at build time.', example: 'iproute_usr_dir /usr/share/iproute2' },
  { name: 'iproute_etc_dir', args: path('DIRECTORY'), since: '2.3.2', extraWordsIgnoreLine: true, doc: 'Where iproute2 keeps its local configuration, overriding iproute_usr_dir.', example: 'iproute_etc_dir /etc/iproute2' },
  { name: 'state_dump_file', args: path('PATH'), since: '2.3.3', extraWordsIgnoreLine: true, doc: 'Where SIGUSR1 writes the state dump; a path ending in / is a directory for the usual file names. Prefer tmpfs.', example: 'state_dump_file /run/keepalived/' },
  { name: 'stats_dump_file', args: path('PATH'), since: '2.3.3', extraWordsIgnoreLine: true, doc: 'Where SIGUSR2 writes the statistics; a path ending in / is a directory.', example: 'stats_dump_file /run/keepalived/' },
  { name: 'json_dump_file', args: path('PATH'), since: '2.3.3', extraWordsIgnoreLine: true, doc: 'Where the JSON dump is written; a path ending in / is a directory.', example: 'json_dump_file /run/keepalived/' },
];

export const globalDefsBlocks: readonly BlockSpec[] = [
  {
    id: 'global_defs',
    title: 'global_defs block',
    keywords: [...processes, ...notification, ...scripts, ...priorities, ...vrrpDefaults, ...firewall, ...lvs, ...fifos, ...snmpAndDbus, ...namespaceAndFiles],
  },
  {
    id: 'global_defs.notification_email',
    title: 'notification_email block',
    keywords: [],
    items: {
      args: [{ name: 'EMAIL', type: { kind: 'email' }, variadic: true }],
      doc: 'Recipients, usually one per line (several on a line also work); quote the address to include a display name ("Ops <ops@example.com>").',
      example: 'ops@example.com',
    },
  },
];
