/** Pieces of the minimal configs of the message cases. */
export const VIP = ['  virtual_ipaddress {', '    192.0.2.10/24', '  }'];
/** An instance with everything keepalived needs, and `lines` after `interface` (line 3 on). */
export const instance = (...lines: string[]) => ['vrrp_instance VI_1 {', '  interface eth0', ...lines, ...(lines.some((l) => l.includes('virtual_router_id')) ? [] : ['  virtual_router_id 51']), ...(lines.some((l) => l.includes('virtual_ipaddress')) ? [] : VIP), '}'];
export const globalDefs = (...lines: string[]) => ['global_defs {', ...lines, '}'];

/** what a duplicate-keyword finding says where keepalived ignores the repeat */
export const KEEPS_FIRST = /keeps the first/;
