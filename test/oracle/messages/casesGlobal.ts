/** Message cases of global_defs (global_parser.c). */
import { globalDefs } from './configParts';
import type { MessageCase } from './messageTable';

const g = (line: string, code: string, severity: 'error' | 'warning', formats: string[], extra: Partial<MessageCase> = {}): MessageCase => ({ formats, config: globalDefs(`  ${line}`), line: 2, code, severity, ...extra });

export const GLOBAL_CASES: readonly MessageCase[] = [
  g('smtp_connect_timeout abc', 'invalid-number', 'error', ["smtp_connect_timeout '%s' must be in [0, %u] - ignoring"]),
  g('dynamic_interfaces sometimes', 'invalid-value', 'error', ["Unknown dynamic_interfaces option '%s'"]),
  g('smtp_server 192.0.2.300', 'invalid-argument', 'error', ['Invalid smtp server %s %s']),
  g('smtp_alert maybe', 'invalid-value', 'error', ["Invalid value '%s' for global smtp_alert specified"]),
  g('smtp_alert_vrrp maybe', 'invalid-value', 'error', ["Invalid value '%s' for global smtp_alert_vrrp specified"]),
  g('smtp_alert_checker maybe', 'invalid-value', 'error', ["Invalid value '%s' for global smtp_alert_checker specified"]),
  g('max_auto_priority 5000', 'invalid-number', 'error', ["max_auto_priority '%s' must be in [0, %d] (or -1 to disable) - ignoring"]),
  g('min_auto_priority_delay 0', 'invalid-number', 'error', ["min_auto_priority_delay '%s' must be in [1, 10000000] - ignoring"]),
  g('lvs_timeouts tcp abc', 'invalid-number', 'error', ['Invalid lvs_timeout tcp (%s) - ignoring']),
  g('lvs_timeouts sctp 5', 'invalid-value', 'error', ['Unknown option %s specified for lvs_timeouts']),
  g('lvs_flush_on_stop sometimes', 'invalid-value', 'error', ['Unknown lvs_flush_on_stop type %s']),
  g('vrrp_mcast_group4 192.0.2.1', 'invalid-address', 'error', ['vrrp_mcast_group4 [%s] is not multicast. Skipping']),
  g('vrrp_mcast_group4 2001:db8::1', 'invalid-address', 'error', ['vrrp_mcast_group4 [%s] is not IPv4. Skipping']),
  g('vrrp_mcast_group6 2001:db8::1', 'invalid-address', 'error', ['vrrp_mcast_group6 [%s] is not multicast. Skipping']),
  g('vrrp_garp_master_delay 9999', 'invalid-number', 'error', ["vrrp_garp_master_delay '%s' invalid - ignoring"]),
  g('vrrp_garp_master_repeat abc', 'invalid-number', 'error', ["vrrp_garp_master_repeat '%s' invalid - ignoring"]),
  g('vrrp_garp_interval abc', 'invalid-number', 'error', ["vrrp_garp_interval '%s' is invalid"]),
  g('vrrp_version 4', 'invalid-number', 'error', ['VRRP Error: Version must be either 2 or 3']),
  g('vrrp_strict maybe', 'invalid-value', 'error', ["Invalid value '%s' for global vrrp_strict specified"]),
  g('vrrp_startup_delay abc', 'invalid-number', 'error', ["vrrp_startup_delay '%s' is invalid"]),
  g('random_seed abc', 'invalid-number', 'error', ['random_seed %s invalid']),
  g('vrrp_priority 99', 'invalid-number', 'error', ['Invalid %s process priority specified']),
  g('vrrp_rt_priority 999', 'invalid-number', 'error', ['%s process real-time priority %d greater than maximum %d - setting to maximum']),
  g('script_user', 'argument-count', 'error', ['No script username specified']),
  g('snmp_socket', 'argument-count', 'error', ['SNMP error : snmp socket name missing']),
  // 2.2.7 ignores vrrp_strict's argument, so `vrrp_strict no` is strict there and an instance needs a VIP; 2.4.3 reads it
  { formats: ['(%s) No VIP specified; at least one is required'], config: [...globalDefs('  vrrp_strict no'), 'vrrp_instance VI_1 {', '  interface eth0', '  virtual_router_id 51', '}'], line: 4, keepalivedLine: null, code: 'no-vip', severity: 'error', notIn: ['2.4.3'] },
];
