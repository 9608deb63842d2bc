/**
 * Minimal configs that make keepalived print a message, and the linter finding that answers it (see
 * messageTable.ts). Most common mistakes first. Lines are 1-based; interfaces are eth0/eth1, which the
 * oracle's network namespace has.
 */
import type { MessageCase } from './messageTable';
import { CHECK_CASES } from './casesCheck';
import { GLOBAL_CASES } from './casesGlobal';
import { MORE_CASES } from './casesMore';
import { VRRP_CASES } from './casesVrrp';
import { GLOBAL_PARSER_CASES } from './casesGlobalParser';
import { VRRP_PARSER_CASES } from './casesVrrpParser';
import { VRRP_CORE_CASES } from './casesVrrpCore';
import { ROUTES_CASES } from './casesRoutes';
import { CHECKERS_CASES } from './casesCheckers';
import { SET_TWICE_CASES } from './casesSetTwice';
import { CHECK_DATA_CASES } from './casesCheckData';
import { STRICT_CASES } from './casesStrict';
import { RULE_CASES } from './casesRules';
import { VMAC_CASES } from './casesVmac';
import { TRACK_PROCESS_CASES } from './casesTrackProcess';
import { TRACK_LINES_CASES } from './casesTrackLines';
import { TRACK_GROUP_CASES } from './casesTrackGroups';
import { VRRP_OPTION_CASES } from './casesVrrpOptions';
import { GLOBAL_READER_CASES } from './casesGlobalReader';
import { CHECKER_BFD_ROUTE_CASES } from './casesCheckerBfdRoutes';
import { ROUTE_OPTION_CASES } from './casesRouteOptions';
import { DAEMON_CASES } from './casesDaemon';
import { CHECKER_OPTION_CASES } from './casesCheckerOptions';
import { globalDefs, instance, VIP } from './configParts';

export const MESSAGE_CASES: readonly MessageCase[] = [
  // ---- the reader: keywords, braces, quotes, numbers, includes (lib/parser.c)
  { formats: ["Unknown keyword '%s'"], config: globalDefs('  router_idd X'), line: 2, code: 'unknown-keyword', severity: 'error' },
  // a '{' keepalived ignores closes the enclosing block at the next '}': the lines after it are read one level up
  // (a '//' comment with braces in it, and a misspelt checker, both found in configs from public repositories)
  { formats: ["Unknown keyword '%s'"], config: ['vrrp_instance VI_1 {', '  interface eth0', '  virtual_router_id 80 // MAC 00-00-5E-00-01-{VRID}', '  priority 100', '  virtual_ipaddress {', '    192.0.2.10/24', '  }', '}'], line: 4, code: 'unknown-keyword', severity: 'error', says: /at the top level/ },
  { formats: ["Unknown keyword '%s'"], config: ['virtual_server 192.0.2.100 80 {', '  lb_algo rr', '  lb_kind DR', '  protocol TCP', '  real_server 192.0.2.5 80 {', '    HTTP_CHECK {', '      connect_timeout 3', '    }', '    inhibit_on_failure', '  }', '  real_server 192.0.2.6 80 {', '    weight 1', '  }', '}'], line: 11, code: 'unknown-keyword', severity: 'error', says: /real_server' at the top level/ },
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
  { formats: ['*** Configuration line starting `%s` is missing a parameter after keyword `%s` at word position %zu'], config: instance('  virtual_router_id'), line: 3, code: 'argument-count', severity: 'error' },
  { formats: ["%snegative number '%s'"], config: instance('  priority -5'), line: 3, code: 'invalid-number', severity: 'error' },
  { formats: ["%snumber '%s' outside unsigned decimal range"], config: instance('  advert_int 99999999999999999999'), line: 3, code: 'invalid-number', severity: 'error' },
  { formats: ["%snumber '%s' outside unsigned integer range"], config: instance('  virtual_router_id 99999999999'), line: 3, code: 'invalid-number', severity: 'error' },
  { formats: ["%snumber '%s' has too many decimal places"], config: instance('  preempt_delay 1.1234567'), line: 3, code: 'invalid-number', severity: 'error' },
  { formats: ["~SEQ parameter strings too long '%s'", "~SEQ missing terminating ')' '%s'", "Invalid ~SEQ specification '%s'"], config: instance('  virtual_ipaddress {', '~SEQ(i, 1, 5 192.0.2.$i/24', '  }'), line: 4, code: 'invalid-sequence', severity: 'error', notIn: ['2.4.3'] },
  { formats: ["Invalid ~SEQ definition '%s'"], config: instance('  virtual_ipaddress {', '~SEQ(i, a, 5) 192.0.2.$i/24', '  }'), line: 4, code: 'invalid-sequence', severity: 'error' },
  { formats: ["~SEQx is only valid for positive numbers '%s'"], config: instance('  virtual_ipaddress {', '~SEQx(i, -1, 5) 192.0.2.$i/24', '  }'), line: 4, code: 'invalid-sequence', severity: 'error' },
  { formats: ["No config files matched '%s'."], config: ['include /tmp/keepalived-message-test-none-*.conf'], line: 1, code: 'missing-include', severity: 'warning' },
  // glob finds /dev/null (skipped: no regular file) and misses the other alternative
  { formats: ['Some config files missing: "%s".'], config: ['include /dev/{null,keepalived-message-test-none}', ...instance()], line: 1, code: 'missing-include', severity: 'warning', says: /keepalived-message-test-none' not found/ },
  // keepalived reads a line in pieces of 1023 bytes; it numbers the message with the line before
  { formats: ['line too long - ignoring'], config: ['global_defs {', `  router_id ${'a'.repeat(1100)}`, '}', ...instance()], line: 2, keepalivedLine: 1, code: 'line-too-long', severity: 'error', silentIn: ['2.2.7'] },
  // 2.2.7 reads the line up to the NUL without a word
  { formats: ['configuration appears to have embedded NULs - ignoring line'], config: ['global_defs {', '  router_id ab\0cd', '}', ...instance()], line: 2, keepalivedLine: 1, code: 'syntax', severity: 'error', silentIn: ['2.2.7'] },
  { formats: ['vrrp_instance must have a name'], config: ['vrrp_instance VI_1 extra {', '  interface eth0', '  virtual_router_id 51', ...VIP, '}'], line: 1, code: 'argument-count', severity: 'error' },
  { formats: ["Missing '%s' at beginning of configuration block"], config: ['vrrp_instance VI_1', '  interface eth0', '  virtual_router_id 51', '}'], line: 1, keepalivedLine: 2, code: 'missing-block', severity: 'error', says: /reads the lines that follow, up to the next '\}', as its contents/ },
  { formats: ["Unexpected '%s' - ignoring"], config: ['global_defs {', '  router_id X', '  {', '}'], line: 3, code: 'unexpected-block', severity: 'error', says: /'router_id' opens no block here/ },
  // an unknown keyword opens no block either: its '}' closes the instance, whose VRID is then read at the top level
  { formats: ["Unexpected '%s' - ignoring"], config: ['vrrp_instance VI_1 {', '  interface eth0', '  foo_block {', '    bar', '  }', '  virtual_router_id 51', '}'], line: 3, code: 'unexpected-block', severity: 'error', says: /'foo_block' opens no block here/ },

  // ---- what keepalived checks once an instance is read (vrrp.c, vrrp_data.c)
  { formats: ['(%s) No VIP specified; at least one is sensible'], config: ['vrrp_instance VI_1 {', '  interface eth0', '  virtual_router_id 51', '}'], line: 1, keepalivedLine: null, code: 'no-vip', severity: 'warning' },
  { formats: ['(%s) No VIP specified; at least one is required'], config: ['vrrp_instance VI_1 {', '  interface eth0', '  virtual_router_id 51', '  version 3', '}'], line: 1, keepalivedLine: null, code: 'no-vip', severity: 'error' },
  { formats: ['(%s): %sVIP duplicates a VIP %s - ignoring'], config: instance('  virtual_ipaddress {', '    192.0.2.10/24', '    192.0.2.10/32 label eth0:1', '  }'), line: 5, code: 'duplicate-vip', severity: 'warning' },
  // an excluded VIP counts against addresses on its own interface only (2.4.3)
  { formats: ['(%s): %sVIP duplicates an excluded VIP %s - ignoring'], config: instance('  virtual_ipaddress_excluded {', '    192.0.2.30 dev eth1', '    192.0.2.30 dev eth1', '  }'), line: 5, code: 'duplicate-vip', severity: 'warning' },
  { formats: ['(%s): %sVIP duplicates a VIP %s - ignoring'], config: instance('  virtual_ipaddress {', '    192.0.2.10/24', '  }', '  virtual_ipaddress_excluded {', '    192.0.2.10/32', '  }'), line: 7, code: 'duplicate-vip', severity: 'warning' },
  { formats: ['(%s) VRRPv2 advertisement interval %fs must be an integer. rounding'], config: instance('  advert_int 0.5'), line: 3, keepalivedLine: null, code: 'advert-int-fraction', severity: 'warning' },
  ...VRRP_CASES,
  ...CHECK_CASES,
  ...GLOBAL_CASES,
  ...MORE_CASES,
  ...GLOBAL_PARSER_CASES,
  ...VRRP_PARSER_CASES,
  ...VRRP_CORE_CASES,
  ...ROUTES_CASES,
  ...ROUTE_OPTION_CASES,
  ...DAEMON_CASES,
  ...CHECKERS_CASES,
  ...SET_TWICE_CASES,
  ...CHECK_DATA_CASES,
  ...STRICT_CASES,
  ...RULE_CASES,
  ...VMAC_CASES,
  ...TRACK_LINES_CASES,
  ...TRACK_GROUP_CASES,
  ...VRRP_OPTION_CASES,
  ...GLOBAL_READER_CASES,
  ...CHECKER_BFD_ROUTE_CASES,
  ...CHECKER_OPTION_CASES,
  ...TRACK_PROCESS_CASES,
];
