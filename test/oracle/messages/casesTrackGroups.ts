/**
 * Message cases of track_group blocks (vrrp_parser.c) and of the static addresses, routes and rules that name
 * one (vrrp_ipaddress.c, vrrp_iproute.c, vrrp_iprule.c).
 */
import { instance } from './configParts';
import type { MessageCase } from './messageTable';

const TG = ['track_group tg {', '  group {', '    VI_1', '  }', '}'];
/** track_group tg (lines 1-5), a static block whose one entry is `entry` (line 7), then VI_1 */
const naming = (block: string, entry: string) => [...TG, `${block} {`, `  ${entry}`, '}', ...instance()];

export const TRACK_GROUP_CASES: readonly MessageCase[] = [
  { formats: ['track_group %s already defined'], config: [...TG, ...TG, ...instance()], line: 6, code: 'duplicate-name', severity: 'error', says: /skips the second definition unread/ },
  { formats: ['Warning - track group %s has empty group block'], config: ['track_group tg {', '  group {', '  }', '}'], line: 2, keepalivedLine: 3, code: 'empty-group', severity: 'warning' },
  // 2.2.7 keeps a track group without members, doing nothing; later releases remove it with an error
  { formats: ['Static track group %s has no members - removing'], config: ['track_group tg {', '}'], line: 1, keepalivedLine: 2, code: 'missing-required', severity: 'error', notIn: ['2.2.7'] },
  { formats: ['track_group %s is a duplicate'], config: naming('static_ipaddress', '192.0.2.50/24 dev eth0 track_group tg track_group tg'), line: 7, code: 'duplicate-keyword', severity: 'error' },
  { formats: ['track_group %s is a duplicate'], config: naming('static_routes', '192.0.2.128/25 dev eth0 track_group tg track_group tg'), line: 7, code: 'duplicate-keyword', severity: 'error' },
  { formats: ['track_group %s is a duplicate'], config: naming('static_rules', 'from 192.0.2.1 table 5 preference 100 dev eth0 track_group tg track_group tg'), line: 7, code: 'duplicate-keyword', severity: 'error' },
  { formats: ['track_group %s not found'], config: naming('static_ipaddress', '192.0.2.50/24 dev eth0 track_group other'), line: 7, code: 'undefined-reference', severity: 'error' },
  { formats: ['track_group %s not found'], config: naming('static_routes', '192.0.2.128/25 dev eth0 track_group other'), line: 7, code: 'undefined-reference', severity: 'error' },
  { formats: ['track_group %s not found'], config: naming('static_rules', 'from 192.0.2.1 table 5 preference 100 dev eth0 track_group other'), line: 7, code: 'undefined-reference', severity: 'error' },
  // keepalived looks the name up as it reads the line: a group defined further down is not found
  {
    formats: ['track_group %s not found'],
    config: ['static_ipaddress {', '  192.0.2.50/24 dev eth0 track_group tg', '}', ...TG, ...instance()],
    line: 2,
    code: 'undefined-reference',
    severity: 'error',
    says: /defined further down/,
  },
];
