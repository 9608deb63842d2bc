import type { ArgSpec } from './types';

/** Argument shapes that recur across the global_defs and bfd_instance keywords. */

/** `keyword [BOOL]`: keepalived treats the bare keyword as `true`. */
export const optionalBool: readonly ArgSpec[] = [{ name: 'BOOL', type: { kind: 'bool' }, optional: true }];

/** nice(2) value for a child process. */
export const nicePriority: readonly ArgSpec[] = [{ name: 'PRIORITY', type: { kind: 'int', min: -20, max: 19 } }];

/** SCHED_RR priority on Linux; keepalived clamps values outside [1, 99] and complains. */
export const realtimePriority: readonly ArgSpec[] = [{ name: 'PRIORITY', type: { kind: 'int', min: 1, max: 99 } }];

/** One or more CPU numbers as listed in /proc/cpuinfo. */
/** one CPU number or more: keepalived ignores the line without any */
export const cpuList: readonly ArgSpec[] = [
  { name: 'CPU', type: { kind: 'int', min: 0 } },
  { name: 'CPU', type: { kind: 'int', min: 0 }, variadic: true },
];

/** RLIMIT_RTTIME in microseconds (a value of 1 is raised to 2). */
export const rtLimit: readonly ArgSpec[] = [{ name: 'USECS', type: { kind: 'int', min: 1, max: 4294967295 } }];

/** Receive buffer size in bytes for a netlink socket. */
export const bufferBytes: readonly ArgSpec[] = [{ name: 'BYTES', type: { kind: 'int', min: 0, max: 4294967295 } }];

/** A single process name (the kernel keeps at most 15 characters). */
export const processName: readonly ArgSpec[] = [{ name: 'NAME', type: { kind: 'string' } }];

/** FIFO path, optionally followed by the user (and group) that owns it. */
export const fifoArgs: readonly ArgSpec[] = [
  { name: 'FIFO', type: { kind: 'path' } },
  { name: 'USER', type: { kind: 'string' }, optional: true },
  { name: 'GROUP', type: { kind: 'string' }, optional: true },
];

/** Script command line (quote it when it has arguments), optionally followed by user and group. */
export const scriptArgs: readonly ArgSpec[] = [
  { name: 'SCRIPT', type: { kind: 'command' } },
  { name: 'USER', type: { kind: 'string' }, optional: true },
  { name: 'GROUP', type: { kind: 'string' }, optional: true },
];

/** A whole number of seconds, as keepalived stores it in microseconds (UINT_MAX / 1e6). */
export const wholeSeconds = (min: number): readonly ArgSpec[] => [{ name: 'SECONDS', type: { kind: 'int', min, max: 4294 } }];

export const path = (name: string, optional = false): readonly ArgSpec[] => [{ name, type: { kind: 'path' }, ...(optional ? { optional } : {}) }];
