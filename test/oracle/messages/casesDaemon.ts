/**
 * Messages keepalived only logs (log_message) while it reads a config: `keepalived -t` never prints them, so
 * these cases start the daemon itself (in the oracle's network namespace) and stop it once it has started.
 * Only the include's message comes with a line number.
 */
import { globalDefs, instance } from './configParts';
import type { MessageCase } from './messageTable';

const logged = (format: string, config: readonly string[], line: number, code: string, severity: 'error' | 'warning'): MessageCase => ({ formats: [format], config, line, keepalivedLine: null, code, severity, daemon: true });
const delays = (entry: string) => ['interface_up_down_delays {', `  ${entry}`, '}', ...instance()];
const bfd = (line: string) => ['bfd_instance B1 {', '  neighbor_ip 192.0.2.2', `  ${line}`, '}'];

export const DAEMON_CASES: readonly MessageCase[] = [
  // values keepalived takes but calls very large
  logged('The vrrp_garp_interval is very large - %s seconds', [...globalDefs('  vrrp_garp_interval 2'), ...instance()], 2, 'invalid-number', 'warning'),
  logged('The vrrp_gna_interval is very large - %s seconds', [...globalDefs('  vrrp_gna_interval 1.5'), ...instance()], 2, 'invalid-number', 'warning'),
  logged('The vrrp_startup_delay is very large - %s seconds', [...globalDefs('  vrrp_startup_delay 90'), ...instance()], 2, 'invalid-number', 'warning'),
  logged('The garp_interval is very large - %s seconds', ['garp_group {', '  garp_interval 2', '  interface eth0', '}', ...instance()], 2, 'invalid-number', 'warning'),
  logged('The gna_interval is very large - %s seconds', ['garp_group {', '  gna_interval 3', '  interface eth0', '}', ...instance()], 2, 'invalid-number', 'warning'),
  logged('Configuration warning: BFD instance %s min_rx value %s is larger than max sensible (%u)', [...bfd('min_rx 20000'), ...instance()], 3, 'invalid-number', 'warning'),
  logged('Configuration warning: BFD instance %s min_tx value %s is larger than max sensible (%u)', [...bfd('min_tx 10000.5'), ...instance()], 3, 'invalid-number', 'warning'),
  logged('Configuration warning: BFD instance %s idle_tx value %s is larger than max sensible (%u)', [...bfd('idle_tx 30000'), ...instance()], 3, 'invalid-number', 'warning'),
  // old names keepalived still reads
  logged("'lvs_process_name' is deprecated - please use 'checker_process_name'", [...globalDefs('  lvs_process_name ka_checker'), ...instance()], 2, 'deprecated', 'warning'),
  logged("Keyword '%s' is deprecated - please use '%.*srttime'", [...globalDefs('  vrrp_rlimit_rtime 10000'), ...instance()], 2, 'deprecated', 'warning'),
  // interface_up_down_delays lines keepalived skips (no delay, a bad one) or reads in part (extra words)
  logged('No timeouts specified for %s up/down delays', delays('eth0'), 2, 'argument-count', 'error'),
  logged('Too many parameters for %s up/down delays', delays('eth0 1 2 3'), 2, 'argument-count', 'warning'),
  // (a word that is no number is taken as 0 with a warning: only a number out of range makes the line invalid)
  logged('Invalid down delay %s for %s', delays('eth0 300'), 2, 'invalid-number', 'error'),
  logged('Invalid up delay %s for %s', delays('eth0 1 300'), 2, 'invalid-number', 'error'),
  // a value block whose '{' is missing: keepalived reads the lines up to the next '}' as its entries
  logged("'%s' missing from beginning of block %s", ['vrrp_instance VI_1 {', '  interface eth0', '  virtual_router_id 51', '  virtual_ipaddress', '    192.0.2.10/24', '  }', '}'], 4, 'missing-block', 'error'),
  // a '\' ending a line keepalived splits a second time: a vrrp_script's script (its VRRP process then crashes), a notify script (dropped)
  logged("Missing escape char at end: '%s'", ['vrrp_script chk {', '  script /bin/true\\', '}', ...instance('  track_script {', '    chk', '  }')], 2, 'ending-backslash', 'error'),
  logged("Missing escape char at end: '%s'", instance('  notify_master /bin/true\\'), 3, 'ending-backslash', 'warning'),
  // 2.2.7 takes the first two numbers of a ${_RANDOM} (2.4 refuses the call: an error there)
  logged('Too many parameters or extra text for ${_RANDOM %.*s}', [...globalDefs('  vrrp_garp_master_delay ${_RANDOM 1 2 3}'), ...instance()], 2, 'parameter-call', 'warning'),
  // a substitution that would outgrow the 1024-byte line buffer (a definition line of 1022 bytes fits in it): keepalived
  // stops expanding and reads the rest as written
  logged("Parameter substitution on line '%s' would exceed maximum line length", [`$LONG=${'a'.repeat(1016)}`, ...globalDefs('  router_id ${LONG}'), ...instance()], 3, 'line-too-long', 'warning'),
  // an executable file is no config file to keepalived
  { formats: ["Configuration file '%s' is not a regular non-executable file - skipping"], config: ['include /usr/bin/true', ...instance()], line: 1, code: 'unreadable-include', severity: 'warning', daemon: true },
  // a vrrp_script no instance tracks is dropped once the config is read
  logged('Warning - script %s is not used', ['vrrp_script chk {', '  script /usr/bin/true', '}', ...instance()], 1, 'ineffective-setting', 'warning'),
];
