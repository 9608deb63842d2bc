/** Message cases and machine-dependent messages of vrrp_parser.c, vrrp_data.c, vrrp_sync.c. */
import { instance } from './configParts';
import type { MessageCase, SilentMessage } from './messageTable';

const script = (...lines: string[]) => ['vrrp_script chk {', '  script "/bin/true"', ...lines, '}'];
/** a sync group of VI_1 (its lines from 10 on, after an instance of 7 lines and `group { VI_1 }`) */
const syncGroup = (...lines: string[]) => [...instance(), 'vrrp_sync_group G1 {', '  group {', '    VI_1', '  }', ...lines, '}'];
const twice = (keyword: string) => [`  ${keyword} "/bin/true"`, `  ${keyword} "/bin/false"`];

const instanceNotifyTwice = (keyword: string, format: string): MessageCase => ({ formats: [format], config: instance(...twice(keyword)), line: 4, code: 'duplicate-keyword', severity: 'warning' });
const groupNotifyTwice = (keyword: string): MessageCase => ({
  formats: [`vrrp group %s: ${keyword} script already specified - ignoring %s`],
  config: syncGroup(...twice(keyword)),
  line: 13,
  code: 'duplicate-keyword',
  severity: 'warning',
});

export const VRRP_PARSER_CASES: readonly MessageCase[] = [
  // a notify script set twice: keepalived keeps the first
  instanceNotifyTwice('notify_backup', '(%s) notify_backup script already specified - ignoring %s'),
  instanceNotifyTwice('notify_fault', '(%s) notify_fault script already specified - ignoring %s'),
  instanceNotifyTwice('notify_stop', '(%s) notify_stop script already specified - ignoring %s'),
  instanceNotifyTwice('notify', '(%s) notify script already specified - ignoring %s'),
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

export const VRRP_PARSER_SILENT: readonly SilentMessage[] = [];
