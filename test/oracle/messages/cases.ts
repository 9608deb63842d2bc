/**
 * Minimal configs that make keepalived print a message, and the linter finding that answers it (see
 * messageTable.ts). Most common mistakes first. Lines are 1-based; interfaces are eth0/eth1, which the
 * oracle's network namespace has.
 */
import type { MessageCase } from './messageTable';

const VIP = ['  virtual_ipaddress {', '    192.0.2.10/24', '  }'];
/** An instance with everything keepalived needs, and `lines` after `interface` (line 3 on). */
const instance = (...lines: string[]) => ['vrrp_instance VI_1 {', '  interface eth0', ...lines, ...(lines.some((l) => l.includes('virtual_router_id')) ? [] : ['  virtual_router_id 51']), ...(lines.some((l) => l.includes('virtual_ipaddress')) ? [] : VIP), '}'];
const globalDefs = (...lines: string[]) => ['global_defs {', ...lines, '}'];

export const MESSAGE_CASES: readonly MessageCase[] = [
  // ---- the reader: keywords, braces, quotes, numbers, includes (lib/parser.c)
  { formats: ["Unknown keyword '%s'"], config: globalDefs('  router_idd X'), line: 2, code: 'unknown-keyword', severity: 'error' },
  { formats: ["Extra '}' found"], config: [...globalDefs('  router_id X'), '}'], line: 4, code: 'extra-close-brace', severity: 'error' },
  { formats: ["There are %d missing '%s's or extra '%s's"], config: ['global_defs {', '  router_id X'], line: 1, keepalivedLine: null, code: 'missing-close-brace', severity: 'error' },
  { formats: ["Unterminated quote '%s'", "Unmatched quote: '%s'"], config: globalDefs('  router_id "abc'), line: 2, code: 'unterminated-quote', severity: 'error' },
  { formats: ["Config files missing '%s'."], config: ['include /nonexistent/keepalived-test.conf'], line: 1, code: 'missing-include', severity: 'warning' },
  { formats: ["number '%s' outside range [%d, %d]"], config: instance('  virtual_router_id 300'), line: 3, code: 'invalid-number', severity: 'error' },
  { formats: ["%sinvalid number '%s'"], config: instance('  advert_int abc'), line: 3, code: 'invalid-number', severity: 'error' },

  // ---- vrrp_instance (keepalived/vrrp)
  { formats: ["(%s): VRID '%s' not valid - must be between 1 & 255"], config: instance('  virtual_router_id 0'), line: 3, code: 'invalid-number', severity: 'error' },
  { formats: ['(%s) the virtual router id must be set'], config: ['vrrp_instance VI_1 {', '  interface eth0', ...VIP, '}'], line: 1, keepalivedLine: null, code: 'missing-required', severity: 'error' },
  { formats: ['(%s) Priority not valid! must be between 1 & %d. Using default %d'], config: instance('  priority 0'), line: 3, code: 'invalid-number', severity: 'error' },
  { formats: ['(%s) Advert interval (%s) not valid! Must be > 0 - ignoring'], config: instance('  advert_int 0'), line: 3, code: 'invalid-number', severity: 'error' },
  { formats: ["(%s) unknown state '%s', defaulting to BACKUP"], config: instance('  state MASTR'), line: 3, code: 'invalid-value', severity: 'error' },
  { formats: ["(%s) unknown authentication type '%s'"], config: instance('  authentication {', '    auth_type FOO', '    auth_pass secret', '  }'), line: 4, code: 'invalid-value', severity: 'error' },
  { formats: ['(%s) track script %s not found, ignoring...'], config: instance('  track_script {', '    nosuch', '  }'), line: 4, code: 'undefined-reference', severity: 'error' },
  { formats: ['VRRP parsed invalid IP %s. skipping IP...'], config: instance('  virtual_ipaddress {', '    192.0.2.300/24', '  }'), line: 4, code: 'invalid-address', severity: 'error' },
];
