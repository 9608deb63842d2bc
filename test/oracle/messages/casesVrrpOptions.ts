/**
 * Message cases of vrrp_instance options and the objects an instance names (vrrp_parser.c, vrrp.c): linkbeat,
 * use_ipvlan, vrf, lvs_sync_daemon_interface, timers, auth_hmac (2.4.3), garp_group, tracked processes and
 * BFDs of an address owner, and unicast instances sharing a VRID.
 */
import { instance, KEEPS_FIRST, SECOND, VIP } from './configParts';
import type { MessageCase } from './messageTable';

/** an auth_hmac block (line 3 on) with a valid 32-byte key 1 on line 4 and `lines` after it (line 5 on) */
const KEY = '  key 1 abcdefghijklmnopqrstuvwxyz012345';
const hmac = (...lines: string[]) => instance('  auth_hmac {', KEY, ...lines.map((l) => `  ${l}`), '  }');
const BFD = ['bfd_instance b1 {', '  neighbor_ip 192.0.2.2', '}'];
/** an instance without `interface` (vrrp_instance VI_1 { on line 1, `lines` from line 2) */
const noIf = (...lines: string[]) => ['vrrp_instance VI_1 {', ...lines, '  virtual_router_id 51', ...VIP, '}'];

const unicastInstance = (name: string, vip: string) => [`vrrp_instance ${name} {`, '  state BACKUP', '  interface eth0', '  virtual_router_id 50', '  priority 100', '  unicast_src_ip 172.16.0.11', '  unicast_peer {', '    172.16.0.12', '  }', '  virtual_ipaddress {', `    ${vip}`, '  }', '}'];
const MIXED_FAMILY_PAIR = [...unicastInstance('A', '192.0.2.100/24'), '', ...unicastInstance('B', '2001:db8::100/64')];

export const VRRP_OPTION_CASES: readonly MessageCase[] = [
  // linkbeat_interfaces: anything but MII, ETHTOOL, IOCTL (or more than one word) after the interface
  { formats: ['extra characters %s in linkbeat interface'], config: ['linkbeat_interfaces {', '  eth0 FOO', '}', ...instance()], line: 2, code: 'invalid-value', severity: 'error' },
  { formats: ['(%s) use_ipvlan already specified'], config: instance('  use_ipvlan', '  use_ipvlan'), line: 4, code: 'duplicate-keyword', severity: 'warning', says: KEEPS_FIRST },
  { formats: ["(%s) VRF interface name '%s' too long - ignoring"], config: instance('  vrf abcdefghijklmnopqrs'), line: 3, code: 'invalid-argument', severity: 'error' },
  { formats: ["(%s) VRF interface already specified as '%s' - ignoring"], config: noIf('  vrf eth0', '  vrf eth1'), line: 3, code: 'duplicate-keyword', severity: 'warning', says: KEEPS_FIRST },
  { formats: ["(%s) 'linkbeat_use_polling' in vrrp instance deprecated - use linkbeat_interfaces block"], config: instance('  linkbeat_use_polling'), line: 3, code: 'deprecated', severity: 'warning' },
  // the second line of "Specifying lvs_sync_daemon_interface against a vrrp is deprecated." (same line)
  { formats: ['      %*sPlease use global lvs_sync_daemon'], config: instance('  lvs_sync_daemon_interface eth1'), line: 3, code: 'deprecated', severity: 'warning' },
  { formats: ['(%s) lvs_sync_daemon_interface has already been specified as %s - ignoring'], config: instance('  lvs_sync_daemon_interface eth0', '  lvs_sync_daemon_interface eth1'), line: 4, code: 'duplicate-keyword', severity: 'warning', says: KEEPS_FIRST },
  { formats: ['(%s) timer_expired_backup highest_other_priority not valid! must be between 1 & %d'], config: instance('  nopreempt', '  timer_expired_backup 255'), line: 4, code: 'invalid-number', severity: 'error' },
  { formats: ['(%s) invalid %s %s specified'], config: instance('  owner_ignore_adverts maybe'), line: 3, code: 'invalid-value', severity: 'error' },
  // use_ipvlan takes one type (bridge|private|vepa); keepalived keeps the first and ignores later ones
  { formats: ["(%s) ipvlan type already specified - ignoring '%s'"], config: instance('  use_ipvlan bridge private'), line: 3, code: 'duplicate-keyword', severity: 'warning', says: KEEPS_FIRST },
  // use_ipvlan takes one address (the word that is an IP address); keepalived keeps the first
  { formats: ["(%s) ipvlan address already specified - ignoring '%s'"], config: instance('  use_ipvlan 192.0.2.5/24 192.0.2.6/24'), line: 3, code: 'duplicate-keyword', severity: 'warning', says: KEEPS_FIRST },
  // the use_ipvlan address must have the instance's family (set by the first address read: unicast_src_ip, VIPs, ...); keepalived skips it
  { formats: ['(%s) ipvlan address[%s] MUST match vrrp instance family !!! Skipping...'], config: instance('  unicast_src_ip 192.0.2.1', '  unicast_peer {', '    192.0.2.2', '  }', '  use_ipvlan 2001:db8::5/64'), line: 7, code: 'ip-family-mismatch', severity: 'error' },
  // use_ipvlan takes one interface name (any word that is not bridge/private/vepa/an address; in 2.2.7 also 'group X'); keepalived keeps the first
  { formats: ["(%s) IPVLAN interface already specified - ignoring '%s'"], config: instance('  use_ipvlan ipv1 ipv2'), line: 3, code: 'duplicate-keyword', severity: 'warning', says: KEEPS_FIRST },
  // the use_ipvlan interface name must be < 16 characters (IFNAMSIZ), as for vrf and use_vmac names; keepalived ignores the name
  { formats: ["(%s) IPVLAN interface name '%s' too long - ignoring"], config: instance('  use_ipvlan abcdefghijklmnopqrs'), line: 3, code: 'invalid-argument', severity: 'error' },
  // an IPv4 instance with use_ipvlan but no address on the use_ipvlan line: keepalived puts the instance in FAULT for good (read after parsing)
  { formats: ['(%s) IPv4 ipvlan requires a source ip address to be configured. setting instance to fault state'], config: instance('  use_ipvlan'), line: 3, keepalivedLine: null, code: 'missing-required', severity: 'error' },
  // vrf and interface exclude each other: vrf after interface is ignored at once (parser)...
  { formats: ['(%s) Cannot specify VRF interface and interface - ignoring'], config: instance('  vrf vrf1'), line: 3, code: 'ineffective-setting', severity: 'warning' },
  // ... vrf before interface is cleared after parsing ("without interface")
  { formats: ['(%s) vrf can only be specified with%s - clearing'], config: noIf('  vrf eth1', '  interface eth0'), line: 2, keepalivedLine: null, code: 'ineffective-setting', severity: 'warning' },
  // ... and 2.4.3 clears it too for an instance without interface that is not unicast (unicast_src_ip but no peers); 2.2.7 drops the instance first ("Unknown interface!")
  { formats: ['(%s) vrf can only be specified with%s - clearing'], config: noIf('  vrf eth1', '  unicast_src_ip 192.0.2.1'), line: 2, keepalivedLine: null, code: 'ineffective-setting', severity: 'warning', notIn: ['2.2.7'] },
  // vrf lo, as `interface lo` (loopback-interface) - keepalived ignores it
  { formats: ['(%s) cannot use a loopback interface (%s) for VRF - ignoring'], config: noIf('  vrf lo'), line: 2, code: 'loopback-interface', severity: 'error' },
  // a garp_group with neither garp_interval nor gna_interval is removed (keepalived prints the line of its '}')
  { formats: ['garp group %d does not have any delay set - removing', 'garp group %u does not have any delay set - removing'], config: ['garp_group {', '  interface eth0', '}'], line: 1, keepalivedLine: 3, code: 'missing-required', severity: 'error' },
  // an empty interfaces block in garp_group (keepalived prints the line of its '}')
  { formats: ['Warning - empty garp_group interfaces block'], config: ['garp_group {', '  garp_interval 0.1', '  interfaces {', '  }', '}'], line: 3, keepalivedLine: 4, code: 'empty-group', severity: 'warning' },
  // an interface belongs to one garp_group: a later group naming it is ignored for it (keeps the first)
  { formats: ['garp_group already specified for %s - ignoring'], config: ['garp_group {', '  garp_interval 0.1', '  interface eth0', '}', 'garp_group {', '  garp_interval 0.2', '  interface eth0', '}'], line: 7, code: 'duplicate-keyword', severity: 'warning', says: KEEPS_FIRST },
  // strict mode resets: a MAC address of one's own on use_vmac, and no_virtual_ipaddress (checked once the instance is read: no line)
  { formats: ['(%s): cannot specify MAC address with strict mode - clearing'], config: ['global_defs {', '  vrrp_strict', '}', ...instance('  use_vmac vrrp51 02:00:00:00:10:01')], line: 6, keepalivedLine: null, code: 'strict-mode-reset', severity: 'warning' },
  { formats: ['(%s) no_virtual_ipaddress and strict mode incompatible, clearing no_virtual_ipaddress'], config: ['global_defs {', '  vrrp_strict', '}', ...instance('  no_virtual_ipaddress')], line: 6, keepalivedLine: null, code: 'strict-mode-reset', severity: 'warning' },
  // `brd +` on a /31 or /32: no broadcast
  { formats: ['Address prefix length %d too long for broadcast'], config: instance('  virtual_ipaddress {', '    192.0.2.20/31 brd +', '  }'), line: 4, code: 'ineffective-setting', severity: 'warning' },
  { formats: ['Address prefix length %d too long for broadcast'], config: instance('  virtual_ipaddress {', '    192.0.2.20 brd -', '  }'), line: 4, code: 'ineffective-setting', severity: 'warning' },
  // an IPv6 unicast instance without interface needs a global source address (2.2.7 drops it for the missing interface already)
  { formats: ['(%s) Non link-local address required if interface omitted'], config: ['vrrp_instance VI_1 {', '  unicast_src_ip fe80::1', '  unicast_peer {', '    fe80::2', '  }', '  virtual_router_id 51', '  virtual_ipaddress {', '    2001:db8::10/64', '  }', '}'], line: 2, keepalivedLine: null, code: 'invalid-address', severity: 'error', notIn: ['2.2.7'] },
  // an advert counts its addresses in 8 bits: from the 256th VIP on, keepalived moves them to the excluded ones
  {
    formats: ['(%s) Number of VIPs (%u) exceeds maximum/space available in packet (max %zu addresses) - excess moved to eVIPs'],
    config: ['vrrp_instance VI_1 {', '  interface eth0', '  virtual_router_id 51', '  virtual_ipaddress {', ...Array.from({ length: 256 }, (_, i) => `    10.1.${Math.floor((i + 1) / 250)}.${((i + 1) % 250) + 1}/16`), '  }', '}'],
    line: 260,
    keepalivedLine: null,
    code: 'ineffective-setting',
    severity: 'warning',
  },
  // 2.2.7 reads a vrrp_script interval in whole seconds only; both read at most 4294 (UINT_MAX / TIMER_HZ)
  { formats: ["(%s): vrrp script interval '%s' must be between 1 and %u - ignoring"], config: ['vrrp_script chk {', '  script "/bin/true"', '  interval 1.5', '}'], line: 3, code: 'invalid-number', severity: 'error' },
  { formats: ["(%s): vrrp script interval '%s' must be between 1 and %u - ignoring", "(%s): vrrp script interval '%s' must be between 0.001 and %u - ignoring"], config: ['vrrp_script chk {', '  script "/bin/true"', '  interval 5000', '}'], line: 3, code: 'invalid-number', severity: 'error' },
  // auth_hmac (2.4.3 only; 2.2.7 reads the block as unknown keywords)
  { formats: ['(%s) auth_hmac key needs an id and a value'], config: instance('  auth_hmac {', '    key 1', '  }'), line: 4, code: 'argument-count', severity: 'error' },
  { formats: ["(%s) auth_hmac key id '%s' must be between 1 and 255"], config: instance('  auth_hmac {', '    key 0 abcdefghijklmnopqrstuvwxyz012345', '  }'), line: 4, code: 'invalid-number', severity: 'error' },
  { formats: ["(%s) auth_hmac active_key '%s' must be between 1 and 255"], config: hmac('  active_key 0'), line: 5, code: 'invalid-number', severity: 'error' },
  { formats: ["(%s) auth_hmac time_window '%s' must be between %d and %d seconds"], config: hmac('  active_key 1', '  time_window 100000'), line: 6, code: 'invalid-number', severity: 'error' },
  { formats: ["(%s) auth_hmac anti_replay '%s' must be time or monotonic"], config: hmac('  active_key 1', '  anti_replay clock'), line: 6, code: 'invalid-value', severity: 'error' },
  { formats: ["(%s) auth_hmac mode '%s' must be enforce, permissive or receive-only"], config: hmac('  active_key 1', '  mode strict'), line: 6, code: 'invalid-value', severity: 'error' },
  // a key of 5 text bytes, and one of 16 hex bytes: dropped
  { formats: ['(%s) auth_hmac key %u length %u not in range [%d, %d]'], config: instance('  auth_hmac {', '    key 1 short', '    active_key 1', '  }'), line: 4, code: 'invalid-argument', severity: 'error' },
  { formats: ['(%s) auth_hmac key %u length %u not in range [%d, %d]'], config: hmac('  key 2 hex:00112233445566778899aabbccddeeff', '  active_key 1'), line: 5, code: 'invalid-argument', severity: 'error' },
  { formats: ['(%s) duplicate auth_hmac key id %u'], config: hmac('  key 1 abcdefghijklmnopqrstuvwxyz012346', '  active_key 1'), line: 5, code: 'duplicate-keyword', severity: 'warning', says: KEEPS_FIRST },
  // checked once the instance is read: no line
  { formats: ['(%s) auth_hmac active_key %u is not defined, disabling extension'], config: hmac('  active_key 2'), line: 5, keepalivedLine: null, code: 'undefined-reference', severity: 'error' },
  { formats: ['(%s) auth_hmac cannot be combined with authentication, dropping legacy auth'], config: instance('  authentication {', '    auth_type PASS', '    auth_pass secret', '  }', '  auth_hmac {', KEY, '    active_key 1', '  }'), line: 3, keepalivedLine: null, code: 'ignored-authentication', severity: 'warning' },
  { formats: ['(%s) strict mode requires auth_hmac mode enforce'], config: ['global_defs {', '  vrrp_strict', '}', ...instance('  auth_hmac {', KEY, '    active_key 1', '    mode permissive', '  }')], line: 9, keepalivedLine: null, code: 'strict-mode-reset', severity: 'warning' },
  // garp_group intervals: keepalived takes 'abc' as 0 (no message of its own); a value above its range is refused
  { formats: ["garp_group garp_interval '%s' invalid"], config: ['garp_group {', '  garp_interval 5000', '  interface eth0', '}'], line: 2, code: 'invalid-number', severity: 'error' },
  { formats: ["garp_group gna_interval '%s' invalid"], config: ['garp_group {', '  gna_interval 5000', '  interface eth0', '}'], line: 2, code: 'invalid-number', severity: 'error' },
  { formats: ['(%s) track process %s not found, ignoring...'], config: instance('  track_process {', '    nosuch', '  }'), line: 4, code: 'undefined-reference', severity: 'error' },
  // address owner: weighted tracked BFDs are dropped / set to weight 0, read after parsing
  { formats: ['(%s) ignoring tracked bfd %s with weight %d due to %s'], config: [...BFD, ...instance('  priority 255', '  track_bfd {', '    b1 weight 10', '  }')], line: 8, keepalivedLine: null, code: 'weight-with-owner', severity: 'warning' },
  {
    formats: ["(%s) Cannot have weighted track bfd '%s' with member having priority %d - setting weight 0"],
    config: [...BFD, ...instance('  priority 255'), ...SECOND, 'vrrp_sync_group G {', '  group {', '    VI_1', '    VI_2', '  }', '  track_bfd {', '    b1 weight 10', '  }', '}'],
    line: 25,
    keepalivedLine: null,
    code: 'weight-with-owner',
    severity: 'warning',
  },
  // two unicast instances with the same VRID, interface and a common peer
  {
    formats: ['(%s) duplicate VRID conflict with %s VRID %d'],
    config: [...instance('  unicast_peer {', '    192.0.2.5', '  }'), 'vrrp_instance VI_2 {', '  interface eth0', '  unicast_peer {', '    192.0.2.5', '  }', '  virtual_router_id 51', '  virtual_ipaddress {', '    192.0.2.11/24', '  }', '}'],
    line: 16,
    keepalivedLine: null,
    code: 'vrid-conflict',
    severity: 'error',
  },
  // an instance is IPv4 by its first address (here unicast_src_ip): its IPv6 VIP is skipped, so it has no VIP and clashes with an IPv4 instance (seen in a public config)
  {
    formats: ['(%s) duplicate VRID conflict with %s VRID %d'],
    config: [...MIXED_FAMILY_PAIR],
    line: 18,
    keepalivedLine: null,
    code: 'vrid-conflict',
    severity: 'error',
  },
  { formats: ['(%s) No VIP specified; at least one is sensible'], config: [...unicastInstance('A', '192.0.2.100/24'), '', ...unicastInstance('B', '2001:db8::101/64')], line: 15, keepalivedLine: null, code: 'no-vip', severity: 'warning' },
  // a sync group whose first member is an address owner (state MASTER, priority 255) and a later one has state BACKUP
  {
    formats: ["Sync group %s has some member(s) as address owner and some not as address owner. This won't work."],
    config: [...instance('  state MASTER', '  priority 255'), 'vrrp_instance VI_2 {', '  interface eth0', '  state BACKUP', '  virtual_router_id 52', '  virtual_ipaddress {', '    192.0.2.11/24', '  }', '}', 'vrrp_sync_group G {', '  group {', '    VI_1', '    VI_2', '  }', '}'],
    line: 21,
    keepalivedLine: null,
    code: 'ineffective-setting',
    severity: 'error',
  },
  // keepalived skips what it cannot read: a peer list or VIP list of unreadable entries counts as none (seen in public configs left with placeholders)
  { formats: ['(%s) A unicast keyword has been specified without any unicast peers. Defaulting to multicast. This usage is deprecated - please update your configuration.'], config: instance('  unicast_peer {', '    XX.XX.XX.116', '  }'), line: 3, keepalivedLine: null, code: 'unicast-without-peers', severity: 'warning' },
  { formats: ['(%s) No VIP specified; at least one is sensible'], config: ['vrrp_instance VI_1 {', '  interface eth0', '  virtual_router_id 51', '  virtual_ipaddress {', '    XX.XX.XX.88', '  }', '}'], line: 1, keepalivedLine: null, code: 'no-vip', severity: 'warning' },
  { formats: ['(%s) No VIP specified; at least one is required'], config: ['vrrp_instance VI_1 {', '  version 3', '  interface eth0', '  virtual_router_id 51', '  virtual_ipaddress {', '    XX.XX.XX.88', '  }', '}'], line: 1, keepalivedLine: null, code: 'no-vip', severity: 'error' },
  // options keepalived resets as it completes the instance (2.2.7 knows neither keyword: it reads them as unknown)
  { formats: ['(%s) expired_timer_backup requires nopreempt - resetting'], config: instance('  timer_expired_backup'), line: 3, keepalivedLine: null, code: 'ineffective-setting', severity: 'warning' },
  { formats: ['(%s) ignoring owner_ignore_adverts since priority is not %d'], config: instance('  priority 100', '  owner_ignore_adverts'), line: 4, keepalivedLine: null, code: 'ineffective-setting', severity: 'warning' },
  { formats: ['(%s) strict_mode with priority %d requires owner_ignore_adverts'], config: instance('  priority 255', '  owner_ignore_adverts false'), line: 4, keepalivedLine: null, code: 'ineffective-setting', severity: 'warning' },
];
