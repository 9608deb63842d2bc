/** Message cases and machine-dependent messages of vrrp_iproute.c, vrrp_iprule.c, vrrp_ip_rule_route_parser.c, vrrp_ipaddress.c. */
import type { MessageCase, SilentMessage } from './messageTable';

export const ROUTES_CASES: readonly MessageCase[] = [];

export const ROUTES_SILENT: readonly SilentMessage[] = [];
