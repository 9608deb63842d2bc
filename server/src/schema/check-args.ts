import type { ArgSpec } from './types';

/** Argument shapes that recur across virtual_server, real_server and the health checkers. */

/** `keyword [BOOL]`: keepalived treats the bare keyword as `yes`. */
export const optionalBool: readonly ArgSpec[] = [{ name: 'BOOL', type: { kind: 'bool' }, optional: true }];

/** keepalived TIMER: seconds, fractions allowed down to a microsecond. `min` is in seconds. */
export const timer = (min: number, max?: number): readonly ArgSpec[] => [
  { name: 'SECONDS', type: { kind: 'number', min, ...(max !== undefined ? { max } : {}) } },
];

/** Smallest positive TIMER keepalived accepts (one microsecond). */
export const ONE_USEC = 0.000001;

/** connect_timeout is kept in microseconds in an unsigned int. */
export const connectTimeout = timer(ONE_USEC, 4294.967295);

export const UINT_MAX = 4294967295;
/** IPVS weights are signed 32-bit in the kernel. */
export const IPVS_WEIGHT_MAX = 2147483647;

export const unsigned = (name: string, min: number, max: number = UINT_MAX): readonly ArgSpec[] => [
  { name, type: { kind: 'int', min, max } },
];

/** LVS forwarding method; TUN may be followed by `type ipip|gue|gre`, `port N` and a checksum option. */
export const forwardingMethod: readonly ArgSpec[] = [
  { name: 'METHOD', type: { kind: 'enum', values: ['NAT', 'DR', 'TUN'] } },
];

/** Script command line (quote it when it has arguments), optionally followed by `user [group]`. */
export const notifyScript: readonly ArgSpec[] = [
  { name: 'SCRIPT', type: { kind: 'command' } },
  { name: 'USER', type: { kind: 'string' }, optional: true },
  { name: 'GROUP', type: { kind: 'string' }, optional: true },
];

/** `ADDRESS [PORT]` of a real or sorry server; a port of 0 or none means "same as the service". */
export const serverAddress: readonly ArgSpec[] = [
  { name: 'ADDRESS', type: { kind: 'ip' } },
  { name: 'PORT', type: { kind: 'port' }, optional: true },
];

export const oneString = (name: string): readonly ArgSpec[] => [{ name, type: { kind: 'string' } }];
export const onePath = (name: string): readonly ArgSpec[] => [{ name, type: { kind: 'path' } }];
