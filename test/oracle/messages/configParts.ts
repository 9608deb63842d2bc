/** Pieces of the minimal configs of the message cases. */
export const VIP = ['  virtual_ipaddress {', '    192.0.2.10/24', '  }'];
/** An instance with everything keepalived needs, and `lines` after `interface` (line 3 on). */
export const instance = (...lines: string[]) => ['vrrp_instance VI_1 {', '  interface eth0', ...lines, ...(lines.some((l) => l.includes('virtual_router_id')) ? [] : ['  virtual_router_id 51']), ...(lines.some((l) => l.includes('virtual_ipaddress')) ? [] : VIP), '}'];
export const globalDefs = (...lines: string[]) => ['global_defs {', ...lines, '}'];
/** script security on and a script keepalived can run, so that no release disables it (lines 1-7 and more) */
export const SECURE_SCRIPT = (...lines: string[]) => ['global_defs {', '  enable_script_security', '  script_user root', '}', 'vrrp_script chk {', '  script "/usr/bin/true"', ...lines, '}'];
/** a second instance, VI_2 */
export const SECOND = ['vrrp_instance VI_2 {', '  interface eth0', '  virtual_router_id 52', '  virtual_ipaddress {', '    192.0.2.11/24', '  }', '}'];
export const TRACK_FILE = ['track_file tf {', '  file /tmp/keepalived-message-test-track', '}'];

/** what a duplicate-keyword finding says where keepalived ignores the repeat */
export const KEEPS_FIRST = /keeps the first/;
