/**
 * Message cases of the tracking lines inside an instance (vrrp_track.c: track_process, track_interface) and
 * of a sync group's own options (vrrp_parser.c).
 */
import { instance } from './configParts';
import type { MessageCase } from './messageTable';

/** vrrp_track_process p (lines 1-3), then VI_1 whose track_process block holds `entries` from line 8 */
const tracking = (...entries: string[]) => ['vrrp_track_process p {', '  process nginx', '}', ...instance('  virtual_router_id 51', '  track_process {', ...entries, '  }')];
const processLine = (format: string, entries: string[], line: number, code: string, severity: 'error' | 'warning' = 'error'): MessageCase => ({ formats: [format], config: tracking(...entries), line, code, severity });
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
  { formats: ['Invalid vrrp_group smtp_alert parameter %s'], config: syncGroup('  smtp_alert maybe'), line: 12, code: 'invalid-value', severity: 'error' },
  { formats: ['(%s) Invalid value \'%s\' for sync group notify_priority_changes specified'], config: syncGroup('  notify_priority_changes maybe'), line: 12, code: 'invalid-value', severity: 'error' },
];
