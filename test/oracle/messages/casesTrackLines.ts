/**
 * Message cases of the tracking lines inside an instance (vrrp_track.c: track_process, track_interface,
 * track_bfd), of a sync group's own options (vrrp_parser.c) and of the retry timers of a service
 * (check_parser.c).
 */
import { instance } from './configParts';
import type { MessageCase } from './messageTable';

/** vrrp_track_process p (lines 1-3), then VI_1 whose track_process block holds `entries` from line 8 */
const tracking = (...entries: string[]) => ['vrrp_track_process p {', '  process nginx', '}', ...instance('  virtual_router_id 51', '  track_process {', ...entries, '  }')];
const processLine = (format: string, entries: string[], line: number, code: string, severity: 'error' | 'warning' = 'error'): MessageCase => ({ formats: [format], config: tracking(...entries), line, code, severity });
/** bfd_instance b1 (lines 1-3), then VI_1 whose track_bfd block holds `entries` from line 8 */
const bfdTracking = (...entries: string[]) => ['bfd_instance b1 {', '  neighbor_ip 192.0.2.5', '}', ...instance('  virtual_router_id 51', '  track_bfd {', ...entries, '  }')];
const bfdLine = (format: string, entries: string[], line: number, code: string, severity: 'error' | 'warning' = 'error'): MessageCase => ({ formats: [format], config: bfdTracking(...entries), line, code, severity });
/** virtual_server with `vs` from line 5 and one real server with `rs` from line 8 */
const service = (vs: string[], rs: string[]) => ['virtual_server 192.0.2.1 80 {', '  lb_algo rr', '  lb_kind DR', '  protocol TCP', ...vs, '  real_server 192.0.2.2 80 {', ...rs, '  }', '}'];
/** VI_1 alone in sync group G, whose options are `lines` from line 10 */
const syncGroup = (...lines: string[]) => [...instance('  virtual_router_id 51'), 'vrrp_sync_group G {', '  group {', '    VI_1', '  }', ...lines, '}'];

export const TRACK_LINES_CASES: readonly MessageCase[] = [
  processLine('(%s) weight without value specified for track process %s - ignoring', ['    p weight'], 8, 'argument-count'),
  processLine('(%s) weight for track process %s must be in [-254..254] inclusive. Ignoring...', ['    p weight 300'], 8, 'invalid-number'),
  processLine('(%s) unknown track_process %s weight option %s - ignoring', ['    p weight 10 sideways'], 8, 'invalid-value'),
  processLine('(%s) unknown track process option %s - ignoring', ['    p foo'], 8, 'invalid-value'),
  processLine('(%s) duplicate track_process %s - ignoring', ['    p', '    p'], 9, 'duplicate-keyword', 'warning'),
  {
    formats: ['(%s) unknown track_interace %s weight option %s - ignoring'],
    config: instance('  track_interface {', '    eth1 weight 10 sideways', '  }'),
    line: 4,
    code: 'invalid-value',
    severity: 'error',
  },
  bfdLine('(%s) track bfd %s not found, ignoring...', ['    b2'], 8, 'undefined-reference'),
  bfdLine('(%s) weight without value specified for track bfd %s - ignoring', ['    b1 weight'], 8, 'argument-count'),
  // a line keepalived skips is not on its list: the next line naming b1 is the first, the one after a duplicate
  bfdLine('(%s) duplicate track_bfd %s - ignoring', ['    b1 weight', '    b1', '    b1'], 10, 'duplicate-keyword', 'warning'),
  bfdLine('(%s) weight for track bfd %s must be in [-253..253] inclusive. Ignoring...', ['    b1 weight 254'], 8, 'invalid-number'),
  bfdLine('(%s) unknown track bfd %s option %s - ignoring', ['    b1 foo'], 8, 'invalid-value'),
  bfdLine('(%s) unknown track bfd %s weight option %s - ignoring', ['    b1 weight 10 sideways'], 8, 'invalid-value'),
  { formats: ["virtual server delay before retry '%s' invalid - ignoring"], config: service(['  delay_before_retry -1'], []), line: 5, code: 'invalid-number', severity: 'error' },
  { formats: ["virtual server warmup '%s' invalid - ignoring"], config: service(['  warmup -1'], []), line: 5, code: 'invalid-number', severity: 'error' },
  { formats: ["real server delay_before_retry '%s' invalid - ignoring"], config: service([], ['    delay_before_retry -1']), line: 6, code: 'invalid-number', severity: 'error' },
  { formats: ["real server warmup '%s' invalid - ignoring"], config: service([], ['    warmup -1']), line: 6, code: 'invalid-number', severity: 'error' },
  // an instance without interface: dropped, unless (from 2.2.8) unicast with a source address
  { formats: ['(%s) Unknown interface!'], config: ['vrrp_instance VI_1 {', '  virtual_router_id 51', '  virtual_ipaddress {', '    192.0.2.10/24 dev eth0', '  }', '}'], line: 1, keepalivedLine: null, code: 'missing-required', severity: 'error' },
  // worded differently: 2.2.7 drops every instance without interface before it looks at unicast
  { formats: ['(%s): Unicast instances must have unicast_src_ip or interface', '(%s) Unknown interface!'], notIn: ['2.2.7', '2.4.3'], config: ['vrrp_instance VI_1 {', '  virtual_router_id 51', '  unicast_peer {', '    192.0.2.2', '  }', '  virtual_ipaddress {', '    192.0.2.10/24 dev eth0', '  }', '}'], line: 1, keepalivedLine: null, code: 'missing-required', severity: 'error' },
  { formats: ['(%s): no interface for %svip %s - removing'], config: ['vrrp_instance VI_1 {', '  virtual_router_id 51', '  unicast_src_ip 192.0.2.1', '  unicast_peer {', '    192.0.2.2', '  }', '  virtual_ipaddress {', '    192.0.2.10/24', '  }', '}'], line: 8, keepalivedLine: null, code: 'missing-required', severity: 'error', notIn: ['2.2.7'] },
  // the number readers' own messages (lib/parser.c), printed before the keyword's
  { formats: ["%snumber '%s' outside range [%lu.%*.*lu, %lu.%*.*lu]"], config: instance('  advert_int 300'), line: 3, code: 'invalid-number', severity: 'error' },
  { formats: ["%snumber '%s' outside range [%u, %u]"], config: instance('  garp_master_delay 99999'), line: 3, code: 'invalid-number', severity: 'error' },
  { formats: ["(%s): garp_master_repeat '%s' invalid - ignoring"], config: instance('  garp_master_repeat 99999999999'), line: 3, code: 'invalid-number', severity: 'error' },
  { formats: ["String '%s': missing terminating %c"], config: instance('  notify "/bin/echo a'), line: 3, code: 'unterminated-quote', severity: 'error' },
  // keepalived reads each line of a multi-line definition again, @id prefix and all (here the @high one)
  {
    formats: ['(%s) Priority not valid! must be between 1 & %d. Using default %d'],
    config: ['$INST= \\', 'vrrp_instance VI_1 { \\', '    interface eth0 \\', '    virtual_router_id 51 \\', '@high priority 300 \\', '@low priority 120 \\', '    virtual_ipaddress { \\', '        192.0.2.10 \\', '    } \\', '}', '', '$INST'],
    configId: 'high',
    line: 12,
    code: 'invalid-number',
    severity: 'error',
  },
  { formats: ['Invalid vrrp_group smtp_alert parameter %s'], config: syncGroup('  smtp_alert maybe'), line: 12, code: 'invalid-value', severity: 'error' },
  { formats: ['(%s) Invalid value \'%s\' for sync group notify_priority_changes specified'], config: syncGroup('  notify_priority_changes maybe'), line: 12, code: 'invalid-value', severity: 'error' },
];
