/**
 * Message cases of global_defs settings, top-level keywords and the config reader itself (global_parser.c,
 * lib/parser.c): values keepalived cannot read, settings without their value, sequences and includes.
 */
import { globalDefs, instance } from './configParts';
import type { MessageCase } from './messageTable';

const line2 = (format: string, setting: string, code: string, severity: 'error' | 'warning' = 'error', extra: Partial<MessageCase> = {}): MessageCase => ({ formats: [format], config: globalDefs(`  ${setting}`), line: 2, code, severity, ...extra });
const topLevel = (format: string, setting: string, code: string): MessageCase => ({ formats: [format], config: [setting], line: 1, code, severity: 'error' });
const WHOLE_LINE = /ignores the whole line/;

export const GLOBAL_READER_CASES: readonly MessageCase[] = [
  // 2.2.7 does not know the keyword (newer-keyword there, and no invalid-value): agreement in both releases
  line2("Invalid value '%s' for global use_symlink_path specified", 'use_symlink_paths maybe', 'invalid-value'),
  line2('Invalid lvs_sync_daemon group (%s) - ignoring', 'lvs_sync_daemon eth0 VI_1 group abc', 'invalid-address'),
  // keepalived prints "invalid number 'abc'" then "Invalid cpu_id:0 ..." (a cpu id >= the machine's CPU count is M)
  line2('Invalid cpu_id:%d specified for %s process', 'vrrp_cpu_affinity abc', 'invalid-number'),
  line2('Invalid %s real-time limit - %s', 'vrrp_rlimit_rttime abc', 'invalid-number'),
  line2("%s '%s' invalid - ignoring", 'vrrp_garp_extra_if abc', 'invalid-number'),
  line2('%s specified without time - ignoring', 'vrrp_garp_extra_if all', 'argument-count'),
  line2("invalid nftables chain priority '%s'", 'nftables_priority abc', 'invalid-number'),
  line2("invalid ipvs nftables chain priority '%s'", 'nftables_ipvs_priority abc', 'invalid-number'),
  line2("invalid ipvs nftables start_fwmark priority '%s'", 'nftables_ipvs_start_fwmark 0', 'invalid-number'),
  line2('No %snotify_fifo name specified', 'notify_fifo', 'argument-count'),
  line2('No %snotify_fifo_script specified', 'notify_fifo_script', 'argument-count'),
  line2('dbus_service_name missing - ignoring', 'dbus_service_name', 'argument-count'),
  line2('%s_rcv_bufs size missing', 'vrrp_netlink_cmd_rcv_bufs', 'argument-count'),
  line2('%s_rcv_bufs size (%s) invalid', 'vrrp_netlink_cmd_rcv_bufs abc', 'invalid-number'),
  line2('%s parameter(s) to umask option', 'umask 022 077', 'argument-count', 'error', { says: WHOLE_LINE }),
  line2('%s missing directory name', 'tmp_config_directory', 'argument-count'),
  line2("Invalid value '%s' for global date_use_instance specified", 'data_use_instance maybe', 'invalid-value'),
  line2("%snumber '%s' outside integer range", 'nftables_priority 99999999999', 'invalid-number'),
  // 2.4.3 only (2.2.7: unknown keyword, linter newer-keyword)
  line2('dbus_no_interface_name missing - ignoring', 'dbus_no_interface_name', 'argument-count'),
  line2("snmp stats vs update interval '%s' invalid - ignoring", 'snmp_vs_stats_update_interval abc', 'invalid-number'),
  line2("vrrp_delay_after_boot '%s' is invalid", 'vrrp_delay_after_boot abc', 'invalid-number'),
  // 2.4.3 swaps the arguments: "Invalid value 'vrrp_owner_ignore_adverts' for global maybe specified"
  line2("Invalid value '%s' for global %s specified", 'vrrp_owner_ignore_adverts maybe', 'invalid-value'),
  line2('%s requires version', 'json_version', 'argument-count'),
  line2('Invalid JSON version', 'json_version 5', 'invalid-number'),
  line2('%s requires path', 'iproute_usr_dir', 'argument-count'),
  // top-level keywords
  topLevel('net_namespace name missing - ignoring', 'net_namespace', 'argument-count'),
  topLevel('instance name missing - ignoring', 'instance', 'argument-count'),
  { formats: ['Invalid child_wait_time %s'], config: ['child_wait_time abc'], line: 1, code: 'invalid-number', severity: 'error' },
  // the reader
  { formats: ["%snumber '%s' outside unsigned 64 bit range"], config: instance('  virtual_rules {', '    from 192.0.2.1 table 100 tunnel-id 99999999999999999999999', '  }'), line: 4, code: 'invalid-number', severity: 'error' },
  { formats: ["Invalid ~SEQ values '%s'"], config: globalDefs('~SEQ(i, 1, -1, 5) router_id r$i'), line: 2, code: 'invalid-sequence', severity: 'error' },
  { formats: ["~LST specification has too many values '%s'"], config: globalDefs('~LST({a,b},{1,2,3}) router_id r$a$b'), line: 2, code: 'invalid-sequence', severity: 'error' },
  { formats: ["Invalid ~LST specification '%s'"], config: globalDefs('~LST x router_id r'), line: 2, code: 'invalid-sequence', severity: 'error' },
  // ${_RANDOM MIN MAX} and ${_ENV NAME}: 2.4 checks the parameters and leaves a call it refuses as written;
  // 2.2.7 knows no ${_ENV} and leaves a ${_RANDOM} with a word that is no number as written, without a word
  line2('Definition %s requires numeric parameters only.', 'router_id ${_RANDOM 1 x}', 'parameter-call', 'error', { silentIn: ['2.2.7'] }),
  line2('Definition %s requires between %u and %u parameters, %u specified.', 'router_id ${_ENV HOME PATH}', 'parameter-call', 'error', { silentIn: ['2.2.7'] }),
  // 2.2.7 takes a random number from a range that wraps round, and keeps as many digits as MAX has
  line2('${_RANDOM}: min %lu exceeds max %lu, using %lu', 'vrrp_garp_master_delay ${_RANDOM 5 1}', 'parameter-call', 'warning', { silentIn: ['2.2.7'] }),
  { formats: ["Configuration file '%s' is a directory - skipping"], config: ['include /tmp/'], line: 1, code: 'unreadable-include', severity: 'warning' },
  // keepalived keeps the first nftables_ipvs table
  { formats: ['ipvs nftables already specified - ignoring'], config: globalDefs('  nftables_ipvs', '  nftables_ipvs other_table'), line: 3, code: 'duplicate-keyword', severity: 'warning', says: /keeps the first/ },
  // 2.2.7 reads no argument (the keyword alone turns it on: ignored-argument there); later releases read a boolean
  line2("Invalid value '%s' for global vrrp_check_adv_addr specified", 'vrrp_skip_check_adv_addr maybe', 'invalid-value'),
  // a directory or dump file with a second word: keepalived ignores the whole line (2.2.7 knows neither keyword)
  line2('%s requires path', 'iproute_etc_dir /etc/iproute2 /usr/share/iproute2', 'argument-count', 'error', { says: WHOLE_LINE }),
  line2('%s requires a non-empty path', 'json_dump_file /tmp/a.json /tmp/b.json', 'argument-count', 'error', { says: WHOLE_LINE }),
  // lvs_timeouts reads option and value pairs: one without its value is skipped, the others kept
  line2('No value specified for lvs_timeout tcp - ignoring', 'lvs_timeouts udp 5 tcp', 'argument-count'),
  line2('No value specified for lvs_timeout tcpfin - ignoring', 'lvs_timeouts tcp 5 tcpfin', 'argument-count'),
  line2('No value specified for lvs_timeout udp - ignoring', 'lvs_timeouts tcp 5 udp', 'argument-count'),
];
