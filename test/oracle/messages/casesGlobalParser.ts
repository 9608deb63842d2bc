/** Message cases and machine-dependent messages of global_parser.c (global_defs) and lib/parser.c (the reader). */
import { globalDefs, instance, KEEPS_FIRST } from './configParts';
import type { MessageCase, SilentMessage } from './messageTable';

/** a global_defs line (line 2) and what the linter answers there */
const line2 = (format: string, setting: string, code: string, severity: 'error' | 'warning' = 'error'): MessageCase => ({ formats: [format], config: globalDefs(setting), line: 2, code, severity });

export const GLOBAL_PARSER_CASES: readonly MessageCase[] = [
  { formats: ['Block %s has extra parameters %s ...'], config: instance('  track_interface eth1 {', '    eth0', '  }'), line: 3, code: 'argument-count', severity: 'warning', says: /keepalived ignores 'eth1'$/ },
  { formats: ['Warning - empty notification_email block'], config: globalDefs('  notification_email {', '  }'), line: 2, keepalivedLine: 3, code: 'ineffective-setting', severity: 'warning' },
  { ...line2('Too many parameters specified for snmp_socket - ignoring', '  snmp_socket udp:192.0.2.5:705 extra', 'argument-count'), says: /ignores the whole line/ },
  { ...line2('Invalid vrrp_rx_bufs_multiplier', '  vrrp_rx_bufs_multiplier 4 5', 'argument-count'), says: /ignores the whole line/ },
  { ...line2('reload_time_file invalid', '  reload_time_file /run/keepalived/reload at-noon', 'argument-count'), says: /ignores the whole line/ },
  // missing values the schema asks for, and values out of range (found while probing both binaries)
  line2('No %s process real-time priority specified', '  checker_rt_priority', 'argument-count'),
  line2("%s process real-time priority '%s' invalid", '  vrrp_rt_priority high', 'invalid-number'),
  line2('%s process real-time priority %d less than minimum %d - setting to minimum', '  bfd_rt_priority 0', 'invalid-number'),
  line2('No %s process priority specified', '  vrrp_priority', 'argument-count'),
  line2('%s script missing', '  startup_script', 'argument-count'),
  // include_check: a second plain type is ignored, and so is an unknown one
  line2("Duplicate include_check '%s' specified - ignoring", '  include_check read match', 'invalid-argument', 'warning'),
  line2("Unknown include_check type '%s' - ignoring", '  include_check +read -bogus', 'invalid-value'),
  line2('%s_script_timeout requires value', '  shutdown_script_timeout', 'argument-count'),
  line2('min_auto_priority_delay requires delay time', '  min_auto_priority_delay', 'argument-count'),
  line2('default_interface requires interface name', '  default_interface', 'argument-count'),
  line2('No value specified for lvs_sync_daemon maxlen - ignoring', '  lvs_sync_daemon eth0 inst VI_1 maxlen', 'argument-count'),
  line2('No value specified for lvs_sync_daemon port - ignoring', '  lvs_sync_daemon eth0 inst VI_1 port', 'argument-count'),
  line2('No value specified for lvs_sync_daemon ttl - ignoring', '  lvs_sync_daemon eth0 inst VI_1 ttl', 'argument-count'),
  line2('No value specified for lvs_sync_daemon group - ignoring', '  lvs_sync_daemon eth0 inst VI_1 group', 'argument-count'),
  line2("lvs_sync_daemon interface name '%s' too long - ignoring", '  lvs_sync_daemon eth0123456789abcdef inst VI_1', 'invalid-argument'),
  line2("vrrp_garp_interval '%s' is invalid", '  vrrp_garp_interval 5000', 'invalid-number'),
  line2("vrrp_gna_interval '%s' is invalid", '  vrrp_gna_interval 4294.967296', 'invalid-number'),
  line2('No %s cpu_id set specified', '  checker_cpu_affinity', 'argument-count'),
  { formats: ['lvs_sync_daemon vrrp instance has already been specified as %s - ignoring'], config: [...globalDefs('  lvs_sync_daemon eth0 VI_1 inst VI_2'), ...instance()], line: 2, code: 'duplicate-keyword', severity: 'warning' },
  line2("Can't parse vrrp_mcast_group4 [%s]. Skipping", '  vrrp_mcast_group4 300.1.1.1', 'invalid-address'),
  line2("Can't parse vrrp_mcast_group6 [%s]. Skipping", '  vrrp_mcast_group6 ff02::zz', 'invalid-address'),
  line2('vrrp_mcast_group6 [%s] is not IPv6. Skipping', '  vrrp_mcast_group6 224.0.0.18', 'invalid-address'),
  line2('vrrp_mcast_group6 [%s] should be link-local multicast.', '  vrrp_mcast_group6 ff05::12', 'invalid-address', 'warning'),
  line2('vrrp_garp_master_repeat must be greater than 0, setting to 1', '  vrrp_garp_master_repeat 0', 'invalid-number'),
  line2('vrrp_garp_master_refresh_repeat must be greater than 0, setting to 1', '  vrrp_garp_master_refresh_repeat 0', 'invalid-number'),
  // 2.2.7 also keeps the first address and drops the rest, without a word
  { ...line2("emailfrom - ignoring extra entries '%s' ...", '  notification_email_from ka@example.com other@example.com', 'argument-count', 'warning'), silentIn: ['2.2.7'] },
  line2('Invalid %s script', '  startup_script ""', 'invalid-value'),
  line2('Invalid %s script', "  shutdown_script '' /usr/bin/true", 'invalid-value'),
  // nftables table names: 2.2.7 takes up to 255 bytes, 2.3.2 on up to 254 and no empty name
  { ...line2('nftables table name too long - ignoring', `  nftables ${'t'.repeat(256)}`, 'invalid-value'), formats: ['nftables table name too long - ignoring', 'VRRP Error : %s %s name too long - ignored'] },
  { ...line2('ipvs nftables table name too long - ignoring', `  nftables_ipvs ${'t'.repeat(256)}`, 'invalid-value'), formats: ['ipvs nftables table name too long - ignoring', 'VRRP Error : %s %s name too long - ignored'] },
  line2('VRRP Error : %s %s name too long - ignored', `  nftables ${'t'.repeat(255)}`, 'invalid-value'),
  line2('VRRP Error : %s %s name empty - ignored', '  nftables_ipvs ""', 'invalid-value'),
  { formats: ['lvs_sync_daemon has already been specified as %s %s - ignoring'], config: [...globalDefs('  lvs_sync_daemon eth0 VI_1', '  lvs_sync_daemon eth1 VI_1'), ...instance()], line: 3, code: 'duplicate-keyword', severity: 'warning', says: KEEPS_FIRST },
];

export const GLOBAL_PARSER_SILENT: readonly SilentMessage[] = [];
