/** Message cases and machine-dependent messages of check/*.c and bfd/*.c. */
import type { MessageCase, SilentMessage } from './messageTable';

export const CHECKERS_CASES: readonly MessageCase[] = [];

export const CHECKERS_SILENT: readonly SilentMessage[] = [];
