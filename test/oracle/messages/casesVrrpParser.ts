/** Message cases and machine-dependent messages of vrrp_parser.c, vrrp_data.c, vrrp_sync.c. */
import { instance, KEEPS_FIRST, TRACK_FILE } from './configParts';
import type { MessageCase, SilentMessage } from './messageTable';

const script = (...lines: string[]) => ['vrrp_script chk {', '  script "/bin/true"', ...lines, '}'];
/** a sync group of VI_1 (its lines from 10 on, after an instance of 7 lines and `group { VI_1 }`) */
const syncGroup = (...lines: string[]) => [...instance(), 'vrrp_sync_group G1 {', '  group {', '    VI_1', '  }', ...lines, '}'];
const SECURE_CHK = ['global_defs {', '  enable_script_security', '  script_user root', '}', 'vrrp_script chk {', '  script "/usr/bin/true"', '}'];
const peers = (...lines: string[]) => instance('  unicast_peer {', ...lines.map((l) => `    ${l}`), '  }');
const vip = (line: string) => instance('  virtual_ipaddress {', `    ${line}`, '  }');
const twice = (keyword: string) => [`  ${keyword} "/bin/true"`, `  ${keyword} "/bin/false"`];

const instanceNotifyTwice = (keyword: string, format: string): MessageCase => ({ formats: [format], config: instance(...twice(keyword)), line: 4, code: 'duplicate-keyword', severity: 'warning', says: KEEPS_FIRST });
const groupNotifyTwice = (keyword: string): MessageCase => ({
  formats: [`vrrp group %s: ${keyword} script already specified - ignoring %s`],
  config: syncGroup(...twice(keyword)),
  line: 13,
  code: 'duplicate-keyword',
  severity: 'warning',
  says: KEEPS_FIRST,
});

export const VRRP_PARSER_CASES: readonly MessageCase[] = [
  // a notify script set twice: keepalived keeps the first
  instanceNotifyTwice('notify_backup', '(%s) notify_backup script already specified - ignoring %s'),
  instanceNotifyTwice('notify_fault', '(%s) notify_fault script already specified - ignoring %s'),
  instanceNotifyTwice('notify_stop', '(%s) notify_stop script already specified - ignoring %s'),
  instanceNotifyTwice('notify', '(%s) notify script already specified - ignoring %s'),
  // the old spelling 2.3.2 added to match its release notes (2.2.7 knows neither it nor the message)
  { formats: ["(%s) thread_timer_expired - please replace with keyword 'timer_expired_backup'"], config: instance('  state BACKUP', '  nopreempt', '  thread_timer_expired'), line: 5, code: 'deprecated', severity: 'warning' },
  // instance flags and numbers keepalived refuses
  { formats: ['(%s) invalid skip_check_adv_addr %s specified'], config: instance('  skip_check_adv_addr maybe'), line: 3, code: 'invalid-value', severity: 'error' },
  { formats: ["(%s) Invalid value '%s' for notify_priority_changes specified"], config: instance('  notify_priority_changes maybe'), line: 3, code: 'invalid-value', severity: 'error' },
  { formats: ['(%s) invalid lower_prio_no_advert %s specified'], config: instance('  lower_prio_no_advert maybe'), line: 3, code: 'invalid-value', severity: 'error' },
  { formats: ['(%s) invalid higher_prio_send_advert %s specified'], config: instance('  higher_prio_send_advert maybe'), line: 3, code: 'invalid-value', severity: 'error' },
  { formats: ["(%s): Invalid garp_master_refresh '%s' - ignoring"], config: instance('  garp_master_refresh abc'), line: 3, code: 'invalid-number', severity: 'error' },
  { formats: ["(%s): Invalid garp_lower_prio_repeat '%s'"], config: instance('  garp_lower_prio_repeat abc'), line: 3, code: 'invalid-number', severity: 'error' },
  { formats: ["(%s): Invalid down_timer_adverts [1:100] '%s'"], config: instance('  down_timer_adverts 200'), line: 3, code: 'invalid-number', severity: 'error' },
  { formats: ['(%s) invalid kernel_rx_buf_size specified'], config: instance('  kernel_rx_buf_size abc'), line: 3, code: 'invalid-number', severity: 'error' },
  { formats: ['(%s) invalid v3_checksum_as_v2 %s specified'], config: instance('  v3_checksum_as_v2 maybe'), line: 3, code: 'invalid-value', severity: 'error', notIn: ['2.2.7'] },
  { formats: ['(%s) malformed mcast dest address %s. Skipping...'], config: instance('  mcast_dst_ip 224.0.0.300'), line: 3, code: 'invalid-address', severity: 'error' },
  // addresses
  { formats: ['Configuration error: VRRP instance[%s] malformed unicast peer address[%s]. Skipping...'], config: instance('  unicast_peer {', '    192.0.2.300', '  }'), line: 4, code: 'invalid-address', severity: 'error' },
  { formats: ['Configuration error: VRRP instance[%s] and unicast peer address[%s] MUST be of the same family !!! Skipping...'], config: instance('  unicast_src_ip 192.0.2.1', '  unicast_peer {', '    2001:db8::2', '  }'), line: 5, code: 'ip-family-mismatch', severity: 'error' },
  { formats: ['(%s) %s - duplicate unicast_peer'], config: instance('  unicast_peer {', '    192.0.2.2', '    192.0.2.2', '  }'), line: 5, code: 'duplicate-keyword', severity: 'warning', notIn: ['2.2.7'] },
  { formats: ['(%s): address family must match VRRP instance [%s] - ignoring'], config: instance('  virtual_ipaddress {', '    192.0.2.10/24', '    2001:db8::10/64', '  }'), line: 5, code: 'ip-family-mismatch', severity: 'error' },
  { formats: ['Configuration error: VRRP instance[%s] and src address[%s] MUST be of the same family !!! Skipping...'], config: instance('  virtual_ipaddress {', '    192.0.2.10/24', '  }', '  mcast_src_ip 2001:db8::1'), line: 6, code: 'ip-family-mismatch', severity: 'error' },
  { formats: ['(%s) mcast dest address %s MUST match VRRP instance family. Skipping...'], config: instance('  virtual_ipaddress {', '    192.0.2.10/24', '  }', '  mcast_dst_ip ff02::12'), line: 6, code: 'ip-family-mismatch', severity: 'error' },
  // the first address sets the family: here an IPv6 source, so the (IPv4) VIP is the one skipped
  { formats: ['(%s): address family must match VRRP instance [%s] - ignoring'], config: instance('  unicast_src_ip 2001:db8::1', '  unicast_peer {', '    2001:db8::2', '  }'), line: 9, code: 'ip-family-mismatch', severity: 'error' },
  { formats: ['(%s) Cannot specify native_ipv6 with IPv4 addresses'], config: instance('  virtual_ipaddress {', '    192.0.2.10/24', '  }', '  native_ipv6'), line: 6, code: 'ip-family-mismatch', severity: 'error' },
  { formats: ['(%s) %s is missing a value', '(%s) %s - %s is missing a value'], config: peers('192.0.2.2 min_ttl'), line: 4, code: 'argument-count', severity: 'error' },
  { formats: ['(%s) unknown unicast_peer option %s', '(%s) %s - unknown unicast_peer option %s'], config: peers('192.0.2.2 best_ttl 5'), line: 4, code: 'invalid-value', severity: 'error' },
  { formats: ['(%s) min_ttl %u > max_ttl %u - all packets will be discarded', '(%s) %s - min_ttl %u > max_ttl %u - all packets will be discarded'], config: peers('192.0.2.2 min_ttl 200 max_ttl 100'), line: 4, code: 'invalid-number', severity: 'warning' },
  { formats: ['No %s parameter specified for %s'], config: vip('192.0.2.10/24 label'), line: 4, code: 'argument-count', severity: 'error' },
  { formats: ['Cannot specify ipaddress device more than once for %s'], config: vip('192.0.2.10/24 dev eth0 dev eth1'), line: 4, code: 'duplicate-keyword', severity: 'error' },
  { formats: ['VRRP is trying to assign a broadcast %s to the IPv6 address %s !!?? WTF... skipping VIP...'], config: vip('2001:db8::10/64 brd +'), line: 4, code: 'invalid-argument', severity: 'error' },
  { formats: ['VRRP is trying to assign invalid broadcast %s. skipping VIP...'], config: vip('192.0.2.10/24 brd 192.0.2.300'), line: 4, code: 'invalid-address', severity: 'error' },
  { formats: ['Unknown configuration entry \'%s\' for ip address - ignoring'], config: vip('192.0.2.10/24 sideways'), line: 4, code: 'invalid-value', severity: 'error' },
  { formats: ['preferred_lft %s is invalid'], config: vip('192.0.2.10/24 preferred_lft soon'), line: 4, code: 'invalid-number', severity: 'error' },
  { formats: ['Invalid peer address %s'], config: vip('192.0.2.10 peer 192.0.2.1/30'), line: 4, code: 'invalid-address', severity: 'error' },
  { formats: ['Invalid peer address %s'], config: vip('192.0.2.10 peer 192.0.2.300'), line: 4, code: 'invalid-address', severity: 'error' },
  { formats: ['Peer address %s does not match address family'], config: vip('192.0.2.10 peer 2001:db8::1'), line: 4, code: 'ip-family-mismatch', severity: 'error' },
  { formats: ['Peer %s - another peer has already been specified'], config: vip('192.0.2.10 peer 192.0.2.1 peer 192.0.2.2'), line: 4, code: 'duplicate-keyword', severity: 'warning' },
  { formats: ['Cannot specify address prefix when specifying peer address - ignoring'], config: vip('192.0.2.10/24 peer 192.0.2.1'), line: 4, code: 'ignored-address-suffix', severity: 'warning' },
  { formats: ['Cannot specify broadcast and peer addresses - ignoring broadcast address'], config: vip('192.0.2.10 brd + peer 192.0.2.1'), line: 4, code: 'ineffective-setting', severity: 'warning' },
  { formats: ['Address label %s is longer than maximum length %d - removing address'], config: instance('  virtual_ipaddress {', '    192.0.2.10/24 label eth0:abcdefghijklmnop', '  }'), line: 4, code: 'invalid-argument', severity: 'error' },
  { formats: ['(%s) duplicate track_script %s - ignoring'], config: [...SECURE_CHK, ...instance('  track_script {', '    chk', '    chk weight 5', '  }')], line: 12, code: 'duplicate-keyword', severity: 'warning' },
  { formats: ['(%s) unknown track script option %s - ignoring'], config: [...SECURE_CHK, ...instance('  track_script {', '    chk heavy 5', '  }')], line: 11, code: 'invalid-value', severity: 'error' },
  { formats: ['(%s) weight without value specified for track script %s - ignoring'], config: [...SECURE_CHK, ...instance('  track_script {', '    chk weight', '  }')], line: 11, code: 'argument-count', severity: 'error' },
  { formats: ['(%s) track script %s: weight must be between [-253..253] inclusive, ignoring...'], config: [...SECURE_CHK, ...instance('  track_script {', '    chk weight 300', '  }')], line: 11, code: 'invalid-number', severity: 'error' },
  { formats: ['(%s) weight for %s cannot be +/-254. Setting to +/-253'], config: [...SECURE_CHK, ...instance('  track_script {', '    chk weight -254', '  }')], line: 11, code: 'invalid-number', severity: 'warning' },
  { formats: ['(%s) unknown track_script %s weight option %s - ignoring'], config: [...SECURE_CHK, ...instance('  track_script {', '    chk weight 5 sideways', '  }')], line: 11, code: 'invalid-value', severity: 'error' },
  { formats: ['(%s) weight %s for %s must be between [-253..253] inclusive. Ignoring...'], config: instance('  track_interface {', '    eth1 weight 300', '  }'), line: 4, code: 'invalid-number', severity: 'error' },
  { formats: ['(%s) duplicate track_file %s - ignoring'], config: [...TRACK_FILE, ...instance('  track_file {', '    tf', '    tf', '  }')], line: 8, code: 'duplicate-keyword', severity: 'warning' },
  { formats: ['(%s) unknown track file option %s - ignoring'], config: [...TRACK_FILE, ...instance('  track_file {', '    tf heavy', '  }')], line: 7, code: 'invalid-value', severity: 'error' },
  { formats: ['(%s) weight without value specified for track file %s - ignoring'], config: [...TRACK_FILE, ...instance('  track_file {', '    tf weight', '  }')], line: 7, code: 'argument-count', severity: 'error' },
  { formats: ['(%s) weight for track file %s must be in [-254..254] inclusive. Ignoring...'], config: [...TRACK_FILE, ...instance('  track_file {', '    tf weight 300', '  }')], line: 7, code: 'invalid-number', severity: 'error' },
  { formats: ['(%s) unknown track file %s weight option %s - ignoring'], config: [...TRACK_FILE, ...instance('  track_file {', '    tf weight 5 sideways', '  }')], line: 7, code: 'invalid-value', severity: 'error' },
  { formats: ['(%s) duplicate track_interface %s - ignoring'], config: instance('  track_interface {', '    eth1', '    eth1', '  }'), line: 5, code: 'duplicate-keyword', severity: 'warning' },
  { formats: ['(%s) weight without value specified for track_interface %s - ignoring'], config: instance('  track_interface {', '    eth1 weight', '  }'), line: 4, code: 'argument-count', severity: 'error' },
  { formats: ['(%s) unknown track_interface %s option %s - ignoring'], config: instance('  track_interface {', '    eth1 heavy 5', '  }'), line: 4, code: 'invalid-value', severity: 'error' },
  instanceNotifyTwice('notify_deleted', '(%s) notify_deleted already specified - ignoring %s'),
  instanceNotifyTwice('notify_master_rx_lower_pri', '(%s) notify_master_rx_lower_pri script already specified - ignoring %s'),
  groupNotifyTwice('notify_backup'),
  groupNotifyTwice('notify_master'),
  groupNotifyTwice('notify_fault'),
  groupNotifyTwice('notify_stop'),
  groupNotifyTwice('notify'),
  // sync group member lists
  { formats: ['Group list already specified for sync group %s'], config: syncGroup('  group {', '    VI_1', '  }'), line: 12, code: 'duplicate-keyword', severity: 'warning' },
  { formats: ['Warning - sync group %s has empty group block'], config: [...instance(), 'vrrp_sync_group G1 {', '  group {', '  }', '}'], line: 9, keepalivedLine: 10, code: 'empty-group', severity: 'warning' },
  // worded differently, and printed at the block's end only by 2.4.3
  { formats: ['Sync group %s has no members - removing', 'Sync group %s has no virtual router(s). removing'], config: [...instance(), 'vrrp_sync_group G1 {', '  group {', '  }', '  # no member', '}'], line: 9, keepalivedLine: { '2.4.3': 12, '2.2.7': null }, code: 'empty-group', severity: 'warning', notIn: ['2.2.7', '2.4.3'] },
  // values keepalived reads as numbers or booleans
  { formats: ['(%s): garp_master_refresh_repeat \'%s\' invalid - ignoring'], config: instance('  garp_master_refresh_repeat abc'), line: 3, code: 'invalid-number', severity: 'error' },
  { formats: ['(%s): garp_master_refresh_repeat must be greater than 0, setting to 1'], config: instance('  garp_master_refresh_repeat 0'), line: 3, code: 'invalid-number', severity: 'error' },
  { formats: ['(%s): garp_master_repeat must be greater than 0, setting to 1'], config: instance('  garp_master_repeat 0'), line: 3, code: 'invalid-number', severity: 'error' },
  { formats: ['(%s): garp_lower_prio_delay \'%s\' invalid - ignoring'], config: instance('  garp_lower_prio_delay abc'), line: 3, code: 'invalid-number', severity: 'error' },
  // each release reaches one of the two: 2.4.3 reads a timeout that is not a number as 0
  { formats: ['(%s): vrrp script timeout \'%s\' invalid - ignoring', '(%s): vrrp script timeout must be greater than 0, setting to 1'], config: script('  timeout abc'), line: 3, code: 'invalid-number', severity: 'error', notIn: ['2.2.7', '2.4.3'] },
  { formats: ['(%s): vrrp script timeout must be greater than 0, setting to 1'], config: script('  timeout 0'), line: 3, code: 'invalid-number', severity: 'error' },
  { formats: ['(%s) Unknown old_unicast_chksum mode %s - ignoring'], config: instance('  old_unicast_checksum foo'), line: 3, code: 'invalid-value', severity: 'error', notIn: ['2.2.7'] },
  // garp_extra_if: `all` and seconds
  { formats: ['(%s): %s \'%s\' invalid - ignoring'], config: instance('  garp_extra_if abc'), line: 3, code: 'invalid-number', severity: 'error' },
  { formats: ['(%s): %s specified without time - ignoring'], config: instance('  garp_extra_if all'), line: 3, code: 'argument-count', severity: 'error' },
  { formats: ['Keyword "vmac_garp_intvl" is deprecated - please use "garp_extra_if"'], config: instance('  vmac_garp_intvl 60'), line: 3, code: 'deprecated', severity: 'warning' },
  // settings that need another one
  { formats: ['(%s): Cannot use unicast_ttl without unicast peers - resetting'], config: instance('  unicast_ttl 10'), line: 3, keepalivedLine: 8, code: 'ineffective-setting', severity: 'warning' },
  { formats: ['(%s) Specifying lvs_sync_daemon_interface against a vrrp is deprecated.'], config: instance('  lvs_sync_daemon_interface eth0'), line: 3, code: 'deprecated', severity: 'warning' },
];

export const VRRP_PARSER_SILENT: readonly SilentMessage[] = [
  { format: "Invalid scope '%s' specified for %s - ignoring", reason: "scope names beyond the standard ones come from the machine's /etc/iproute2/rt_scopes" },
];
