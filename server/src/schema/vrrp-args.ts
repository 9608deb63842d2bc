import type { ArgSpec, ArgType, SymbolKind } from './types';

/** Short constructors for the argument shapes the VRRP handlers read, so each keyword fits on a few lines. */

export const int = (min?: number, max?: number): ArgType => ({ kind: 'int', min, max });
export const num = (min?: number, max?: number, decimals?: number): ArgType => ({ kind: 'number', min, max, ...(decimals !== undefined ? { decimals } : {}) });
/** keepalived reads timers to the microsecond: at most 6 digits after the point */
export const MICROSECONDS = 6;
export const oneOf = (...values: string[]): ArgType => ({ kind: 'enum', values });
export const ref = (symbol: SymbolKind): ArgType => ({ kind: 'ref', symbol });
export const define = (symbol: SymbolKind): ArgType => ({ kind: 'define', symbol });
export const IP: ArgType = { kind: 'ip' };
export const CIDR: ArgType = { kind: 'cidr' };
export const IFACE: ArgType = { kind: 'interface' };
export const PATH: ArgType = { kind: 'path' };
export const STR: ArgType = { kind: 'string' };
export const CMD: ArgType = { kind: 'command' };
export const BOOL: ArgType = { kind: 'bool' };

export const arg = (name: string, type: ArgType): ArgSpec => ({ name, type });
export const opt = (name: string, type: ArgType): ArgSpec => ({ name, type, optional: true });
export const many = (name: string, type: ArgType): ArgSpec => ({ name, type, variadic: true });

/** `keyword [true|false]`: upstream's check_true_false on an optional word; the bare keyword means true. */
export const optionalBool: readonly ArgSpec[] = [opt('BOOL', BOOL)];

/** A tracked object's weight, as in `weight -20 [reverse]`. */
export const weightArgs = (min: number, max: number): readonly ArgSpec[] => [
  arg('WEIGHT', int(min, max)),
  opt('reverse', oneOf('reverse')),
];
