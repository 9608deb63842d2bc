/** Message cases and machine-dependent messages of global_parser.c (global_defs) and lib/parser.c (the reader). */
import type { MessageCase, SilentMessage } from './messageTable';

export const GLOBAL_PARSER_CASES: readonly MessageCase[] = [];

export const GLOBAL_PARSER_SILENT: readonly SilentMessage[] = [];
