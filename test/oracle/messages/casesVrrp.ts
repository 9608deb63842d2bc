/** Message cases of the VRRP side: vrrp_instance, vrrp_sync_group, vrrp_script, track objects (vrrp_parser.c). */
import { instance, KEEPS_FIRST, SECOND, SECURE_SCRIPT, TRACK_FILE, VIP } from './configParts';
import type { MessageCase } from './messageTable';

const script = (...lines: string[]) => ['vrrp_script chk {', '  script "/bin/true"', ...lines, '}'];
const AUTH = ['  authentication {', '    auth_type PASS', '    auth_pass secret', '  }'];
const IPV6_VIP = ['  virtual_ipaddress {', '    2001:db8::10/64', '  }'];
/** a vrrp_script keepalived 2.4.3 also runs (it disables one it finds insecure, before it looks at weights) */
const SYNC = ['vrrp_sync_group G {', '  group {', '    VI_1', '    VI_2', '  }', '}'];
const group = (...lines: string[]) => [...instance(), 'vrrp_sync_group G1 {', ...lines, '}'];

export const VRRP_CASES: readonly MessageCase[] = [
  { formats: ['vrrp instance %s already defined'], config: [...instance(), 'vrrp_instance VI_1 {', '  interface eth0', '  virtual_router_id 52', ...VIP, '}'], line: 8, code: 'duplicate-name', severity: 'error' },
  { formats: ['vrrp_sync_group must have a name - skipping'], config: [...instance(), 'vrrp_sync_group {', '  group {', '    VI_1', '  }', '}'], line: 8, code: 'argument-count', severity: 'error' },
  { formats: ['vrrp_sync_group must have a name - skipping'], config: [...instance(), 'vrrp_sync_group G1 extra {', '  group {', '    VI_1', '  }', '}'], line: 8, code: 'argument-count', severity: 'error' },
  { formats: ['track_group must have a name - skipping'], config: [...instance(), 'track_group T1 extra {', '  group {', '    VI_1', '  }', '}'], line: 8, code: 'argument-count', severity: 'error' },
  { formats: ['vrrp sync group %s already defined'], config: [...group('  group {', '    VI_1', '  }'), 'vrrp_sync_group G1 {', '  group {', '    VI_1', '  }', '}'], line: 13, code: 'duplicate-name', severity: 'error' },
  { formats: ['Virtual router %s specified in sync group %s doesn\'t exist - ignoring'], config: group('  group {', '    VI_9', '  }'), line: 10, keepalivedLine: null, code: 'undefined-reference', severity: 'error' },
  { formats: ['(%s) global_tracking is deprecated. Use track_interface/script/file on the sync group'], config: group('  group {', '    VI_1', '  }', '  global_tracking'), line: 12, code: 'deprecated', severity: 'warning' },
  { formats: ['(%s) state previously set as MASTER - ignoring BACKUP'], config: instance('  state MASTER', '  state BACKUP'), line: 4, code: 'duplicate-keyword', severity: 'warning', says: /keeps MASTER/ },
  { formats: ['Interface name \'%s\' too long - ignoring'], config: ['vrrp_instance VI_1 {', '  interface eth0123456789abcdef', '  virtual_router_id 51', ...VIP, '}'], line: 2, code: 'invalid-argument', severity: 'error' },
  { formats: ['(%s) cannot use a loopback interface (%s) for vrrp - ignoring'], config: ['vrrp_instance VI_1 {', '  interface lo', '  virtual_router_id 51', ...VIP, '}'], line: 2, code: 'loopback-interface', severity: 'error' },
  { formats: ['Configuration error: VRRP instance[%s] malformed src address[%s]. Skipping...'], config: instance('  mcast_src_ip 192.0.2.300'), line: 3, code: 'invalid-address', severity: 'error' },
  { formats: ['(%s) mcast_dst_ip %s not%s multicast. Skipping...'], config: instance('  mcast_dst_ip 192.0.2.1'), line: 3, code: 'invalid-address', severity: 'error' },
  { formats: ['(%s): TTL \'%s\' not valid - must be between 0 & 255'], config: instance('  unicast_ttl 300', '  unicast_peer {', '    192.0.2.2', '  }'), line: 3, code: 'invalid-number', severity: 'error' },
  { formats: ['(%s) Debug value \'%s\' not valid; must be between 0-4'], config: instance('  debug 9'), line: 3, code: 'invalid-number', severity: 'error' },
  { formats: ['(%s) invalid strict_mode %s specified'], config: instance('  strict_mode maybe'), line: 3, code: 'invalid-value', severity: 'error' },
  { formats: ['(%s) Preempt_delay not valid! must be between 0-%u'], config: instance('  preempt_delay 5000'), line: 3, code: 'invalid-number', severity: 'error' },
  { formats: ['(%s) notify_master script already specified - ignoring %s'], config: instance('  notify_master "/bin/true"', '  notify_master "/bin/false"'), line: 4, code: 'duplicate-keyword', severity: 'warning', says: KEEPS_FIRST },
  { formats: ['Invalid vrrp_instance smtp_alert parameter %s'], config: instance('  smtp_alert maybe'), line: 3, code: 'invalid-value', severity: 'error' },
  { formats: ['(%s): garp_master_delay \'%s\' invalid - ignoring'], config: instance('  garp_master_delay 9999'), line: 3, code: 'invalid-number', severity: 'error' },
  { formats: ['(%s): garp_master_repeat \'%s\' invalid - ignoring'], config: instance('  garp_master_repeat abc'), line: 3, code: 'invalid-number', severity: 'error' },
  { formats: ['(%s) unknown authentication type \'%s\''], config: instance('  authentication {', '    auth_type ah', '  }'), line: 4, code: 'invalid-value', severity: 'error' },
  { formats: ['Truncating auth_pass to %zu characters'], config: instance('  authentication {', '    auth_type PASS', '    auth_pass 123456789', '  }'), line: 5, code: 'auth-pass-too-long', severity: 'warning' },
  { formats: ['(%s): vrrp script interval \'%s\' must be between 0.001 and %u - ignoring', '(%s): vrrp script interval must be greater than 0, setting to 1'], config: script('  interval 0'), line: 3, code: 'invalid-number', severity: 'error', notIn: ['2.4.3'] },
  { formats: ['vrrp_script %s weight %s must be in [-253, 253]'], config: script('  weight 300'), line: 3, code: 'invalid-number', severity: 'error' },
  { formats: ['vrrp_script %s unknown weight option %s'], config: script('  weight 10 sideways'), line: 3, code: 'invalid-value', severity: 'error' },
  { formats: ['(%s): vrrp script rise value \'%s\' invalid, defaulting to 1'], config: script('  rise 0'), line: 3, code: 'invalid-number', severity: 'error' },
  { formats: ['(%s): vrrp script fall value \'%s\' invalid, defaulting to 1'], config: script('  fall 0'), line: 3, code: 'invalid-number', severity: 'error' },
  { formats: ['No script set for vrrp_script %s - removing'], config: ['vrrp_script chk {', '  interval 2', '}'], line: 1, keepalivedLine: 3, code: 'missing-required', severity: 'error' },
  // a script ending in an escaped backslash: 2.2.7 splits it again and drops it; 2.3.2 on keep the '\\'
  { formats: ['No script set for vrrp_script %s - removing'], config: ['vrrp_script chk {', '  script /usr/bin/true\\\\', '}'], line: 2, keepalivedLine: 3, code: 'ending-backslash', severity: 'error', notIn: ['2.4.3'] },
  { formats: ['(%s): Version must be either 2 or 3'], config: instance('  version 4'), line: 3, code: 'invalid-number', severity: 'error' },
  { formats: ['track process \'%s\' process name not specified'], config: ['vrrp_track_process P {', '  weight 10', '}'], line: 1, keepalivedLine: 3, code: 'missing-required', severity: 'error' },
  { formats: ['Weight (%s) for vrrp_track_process %s must be between [-254..254] inclusive. Ignoring...'], config: ['vrrp_track_process P {', '  process foo', '  weight 300', '}'], line: 3, code: 'invalid-number', severity: 'error' },
  { formats: ['Quorum (%s) for vrrp_track_process %s must be between [1..65535] inclusive. Ignoring...'], config: ['vrrp_track_process P {', '  process foo', '  quorum 0', '}'], line: 3, code: 'invalid-number', severity: 'error' },
  // checks once an instance is read (vrrp.c)
  { formats: ['(%s) Warning - nopreempt will not work with initial state MASTER - clearing'], config: instance('  state MASTER', '  priority 100', '  nopreempt'), line: 5, keepalivedLine: null, code: 'nopreempt-with-master', severity: 'warning' },
  { formats: ['(%s) Warning - preempt delay will not work with initial state MASTER - clearing'], config: instance('  state MASTER', '  priority 100', '  preempt_delay 10'), line: 5, keepalivedLine: null, code: 'preempt-delay-with-master', severity: 'warning' },
  { formats: ['(%s) Initial state master is incompatible with AH authentication - clearing'], config: instance('  state MASTER', '  priority 100', '  authentication {', '    auth_type AH', '    auth_pass secret', '  }'), line: 3, keepalivedLine: null, code: 'ah-with-master', severity: 'warning' },
  { formats: ['(%s) Ignoring track_interface %s since own interface'], config: instance('  track_interface {', '    eth0', '  }'), line: 4, keepalivedLine: null, code: 'track-own-interface', severity: 'warning' },
  // what vrrp_complete_instance turns off: authentication, unicast without peers, preemption, advert intervals
  { formats: ['(%s) VRRP version 3 does not support authentication. Ignoring.'], config: instance('  version 3', ...AUTH), line: 4, keepalivedLine: null, code: 'ignored-authentication', severity: 'warning' },
  { formats: ['(%s) VRRP version 3 does not support authentication. Ignoring.'], config: instance(...IPV6_VIP, ...AUTH), line: 6, keepalivedLine: null, code: 'ignored-authentication', severity: 'warning' },
  { formats: ['(%s) Strict mode does not support authentication. Ignoring.'], config: instance('  strict_mode', ...AUTH), line: 4, keepalivedLine: null, code: 'ignored-authentication', severity: 'warning' },
  { formats: ['(%s) Authentication specified but no password given. Ignoring'], config: instance('  authentication {', '    auth_type PASS', '    auth_pass ""', '  }'), line: 3, keepalivedLine: null, code: 'ignored-authentication', severity: 'warning' },
  { formats: ['(%s) Authentication specified but no password given. Ignoring'], config: instance('  authentication {', '    auth_type PASS', '  }'), line: 3, keepalivedLine: null, code: 'missing-required', severity: 'error' },
  { formats: ['(%s) vrrp_version %d conflicts with configured or deduced version %d; ignoring.'], config: instance('  version 3', '  version 2', ...AUTH), line: 4, code: 'duplicate-keyword', severity: 'warning' },
  { formats: ['(%s) Cannot use AH authentication with IPv6. ignoring'], config: instance('  version 2', ...IPV6_VIP, '  authentication {', '    auth_type AH', '    auth_pass secret', '  }'), line: 7, keepalivedLine: null, code: 'ignored-authentication', severity: 'warning' },
  { formats: ['(%s) A unicast keyword has been specified without any unicast peers. Defaulting to multicast. This usage is deprecated - please update your configuration.'], config: instance('  unicast_src_ip 192.0.2.1'), line: 3, keepalivedLine: null, code: 'unicast-without-peers', severity: 'warning' },
  { formats: ['(%s) A unicast keyword has been specified without any unicast peers. Defaulting to multicast. This usage is deprecated - please update your configuration.'], config: instance('  unicast_peer {', '  }'), line: 3, keepalivedLine: null, code: 'unicast-without-peers', severity: 'warning' },
  { formats: ['(%s) nopreempt is incompatible with priority %d. resetting nopreempt'], config: instance('  priority 255', '  nopreempt'), line: 4, keepalivedLine: null, code: 'preemption-reset', severity: 'warning' },
  { formats: ['(%s) nopreempt is incompatible with priority %d. resetting nopreempt'], config: instance('  state MASTER', '  nopreempt'), line: 4, keepalivedLine: null, code: 'preemption-reset', severity: 'warning' },
  { formats: ['(%s) preempt_delay is incompatible with nopreempt mode - resetting'], config: instance('  nopreempt', '  preempt_delay 10'), line: 4, keepalivedLine: null, code: 'preemption-reset', severity: 'warning' },
  { formats: ['(%s) preempt_delay is incompatible with strict mode - resetting'], config: instance('  strict_mode', '  preempt_delay 10'), line: 4, keepalivedLine: null, code: 'preemption-reset', severity: 'warning' },
  { formats: ['(%s) VRRPv3 advertisement interval %fs must be in units of 10ms - rounding'], config: instance('  version 3', '  advert_int 0.015'), line: 4, keepalivedLine: null, code: 'advert-int-fraction', severity: 'warning' },
  { formats: ['(%s) VRRPv3 advertisement interval %.2fs is out of range. Must be less than %.2fs. Setting to %.2fs'], config: instance('  version 3', '  advert_int 60'), line: 4, keepalivedLine: null, code: 'advert-int-range', severity: 'warning' },
  // the edges: 40.96 s is out of range, 40.955 s is not (it is rounded)
  { formats: ['(%s) VRRPv3 advertisement interval %.2fs is out of range. Must be less than %.2fs. Setting to %.2fs'], config: instance('  version 3', '  advert_int 40.96'), line: 4, keepalivedLine: null, code: 'advert-int-range', severity: 'warning' },
  { formats: ['(%s) VRRPv3 advertisement interval %fs must be in units of 10ms - rounding'], config: instance('  version 3', '  advert_int 40.955'), line: 4, keepalivedLine: null, code: 'advert-int-fraction', severity: 'warning' },
  { formats: ["Sync group %s has only 1 virtual router(s) - this probably isn't what you want"], config: group('  group {', '    VI_1', '  }'), line: 8, keepalivedLine: null, code: 'sync-group-single', severity: 'warning' },
  { formats: ['Sync group %s, no matching virtual router found in group declaration - removing'], config: group('  group {', '    VI_8', '    VI_9', '  }'), line: 8, keepalivedLine: null, code: 'empty-group', severity: 'warning' },
  { formats: ['Virtual router %s cannot exist in more than one sync group; ignoring %s'], config: [...instance(), 'vrrp_instance VI_2 {', '  interface eth0', '  virtual_router_id 52', '  virtual_ipaddress {', '    192.0.2.11/24', '  }', '}', 'vrrp_sync_group G1 {', '  group {', '    VI_1', '    VI_2', '  }', '}', 'vrrp_sync_group G2 {', '  group {', '    VI_1', '  }', '}'], line: 23, keepalivedLine: null, code: 'instance-in-two-sync-groups', severity: 'error' },
  // tracking weights keepalived ignores in a sync group without sync_group_tracking_weight, and on the owner
  { formats: ['(%s) ignoring tracked script %s with weights due to %s'], config: [...SECURE_SCRIPT('  weight -20'), ...instance('  track_script {', '    chk', '  }'), ...SECOND, ...SYNC], line: 12, keepalivedLine: null, code: 'weight-in-sync-group', severity: 'warning' },
  { formats: ['(%s) ignoring tracked script %s with weights due to %s'], config: [...SECURE_SCRIPT(), ...instance('  priority 255', '  track_script {', '    chk weight 10', '  }')], line: 12, keepalivedLine: null, code: 'weight-with-owner', severity: 'warning' },
  { formats: ['(%s) ignoring %s tracked interface %sdue to %s'], config: [...instance('  track_interface {', '    eth1 weight 10', '  }'), ...SECOND, ...SYNC], line: 4, keepalivedLine: null, code: 'weight-in-sync-group', severity: 'warning' },
  { formats: ['(%s) ignoring %s tracked interface %sdue to %s'], config: instance('  priority 255', '  track_interface {', '    eth1 weight 10', '  }'), line: 5, keepalivedLine: null, code: 'weight-with-owner', severity: 'warning' },
  { formats: ['(%s) ignoring weight from tracked file %s due to %s. specify weight 0'], config: [...TRACK_FILE, ...instance('  priority 255', '  track_file {', '    tf', '  }')], line: 8, keepalivedLine: null, code: 'weight-with-owner', severity: 'warning' },
  { formats: ['(%s) ignoring weight from tracked file %s due to %s. specify weight 0'], config: [...TRACK_FILE, ...instance('  priority 255', '  track_file {', '    tf weight 1', '  }')], line: 8, keepalivedLine: null, code: 'weight-with-owner', severity: 'warning' },
  { formats: ['(%s) ignoring tracked file %s with weight %d due to %s'], config: [...TRACK_FILE, ...instance('  priority 255', '  track_file {', '    tf weight 5', '  }')], line: 8, keepalivedLine: null, code: 'weight-with-owner', severity: 'warning' },
  { formats: ['%s and %s both use VRID %d with IPv%d on interface %s'], config: [...instance(), 'vrrp_instance VI_2 {', '  interface eth0', '  virtual_router_id 51', '  virtual_ipaddress {', '    192.0.2.11/24', '  }', '}'], line: 10, keepalivedLine: null, code: 'vrid-conflict', severity: 'error' },
];
