/** Message cases and machine-dependent messages of vrrp_parser.c, vrrp_data.c, vrrp_sync.c. */
import type { MessageCase, SilentMessage } from './messageTable';

export const VRRP_PARSER_CASES: readonly MessageCase[] = [];

export const VRRP_PARSER_SILENT: readonly SilentMessage[] = [];
