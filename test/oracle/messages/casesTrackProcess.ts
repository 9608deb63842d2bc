/** Message cases of a vrrp_track_process block (vrrp_parser.c), its lines from line 3 on. */
import type { MessageCase } from './messageTable';

const block = (...lines: string[]) => ['vrrp_track_process p {', '  process nginx', ...lines, '}'];
const line3 = (format: string, lines: string[], code: string): MessageCase => ({ formats: [format], config: block(...lines), line: 3, code, severity: 'error' });

export const TRACK_PROCESS_CASES: readonly MessageCase[] = [
  line3('Invalid param_match type %s - ignoring', ['  param_match exact'], 'invalid-value'),
  line3('No weight specified for track process %s - ignoring', ['  weight'], 'argument-count'),
  line3('vrrp_track_process %s unknown weight option %s', ['  weight 10 sideways'], 'invalid-value'),
  line3('quorum_max (%s) for vrrp_track_process %s must be between [0..65535] inclusive. Ignoring...', ['  quorum_max 70000'], 'invalid-number'),
  line3('%sdelay (%s) for vrrp_track_process %s must be between [0.000001..3600] inclusive. Ignoring...', ['  terminate_delay 5000'], 'invalid-number'),
  // quorum and quorum_max are each checked against the other as set so far
  { formats: ['quorum_max is less than quorum - ignoring'], config: block('  quorum 5', '  quorum_max 2'), line: 4, code: 'invalid-number', severity: 'error' },
  { formats: ['Quorum is greater than quorum_max - ignoring'], config: block('  quorum_max 2', '  quorum 5'), line: 4, code: 'invalid-number', severity: 'error' },
];
