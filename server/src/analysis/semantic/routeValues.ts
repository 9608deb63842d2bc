// The values of route words as keepalived reads them (vrrp_ipaddress.c, lib/rttables.c,
// vrrp_ip_rule_route_parser.c). Each reader says "good", "bad", or, for a name that comes from the
// machine's iproute2 files, nothing.
import { ipFamily } from '../ipFamily';

export type RouteFamily = 0 | 4 | 6;

/** a single address (no prefix length), as parse_ipaddress reads a gateway or source: its family, or 0 */
export const readRouteAddress = (text: string): RouteFamily => ipFamily(text);

const ANY_FAMILY = new Set(['default', 'any', 'all']);

/**
 * A destination or `from` prefix, as parse_route reads it: `default`/`any`/`all` have no family, the old
 * `default6` is IPv6; a bad prefix length is reported and replaced by the full length. undefined: no address.
 */
export function readRoutePrefix(text: string): { family: RouteFamily; badPrefix?: string } | undefined {
  if (ANY_FAMILY.has(text)) return { family: 0 };
  if (text === 'default6') return { family: 6 };
  const slash = text.indexOf('/');
  const family = ipFamily(slash < 0 ? text : text.slice(0, slash));
  if (!family) return undefined;
  if (slash < 0) return { family };
  const length = readDecimal(text.slice(slash + 1), family === 4 ? 32 : 128);
  return length === undefined ? { family, badPrefix: text.slice(slash + 1) } : { family };
}

/** read_unsigned: a decimal number (a leading + allowed) from 0 to max */
export function readDecimal(text: string, max: number): number | undefined {
  if (!/^\+?\d+$/.test(text)) return undefined;
  const value = Number(text);
  return value <= max ? value : undefined;
}

const STRTOUL_WHOLE = /^([+-]?)(0x[0-9a-f]+|0[0-7]*|[1-9]\d*)$/i;
const TWO_64 = 1n << 64n;

/** strtoul with base 0 when it reads the whole word, wrapped to unsigned int the way keepalived stores it */
function readStrtoul(text: string): number | undefined {
  const match = STRTOUL_WHOLE.exec(text);
  if (!match) return undefined;
  const digits = match[2];
  let value = digits.length > 1 && digits[0] === '0' && digits[1].toLowerCase() !== 'x' ? BigInt(`0o${digits.slice(1)}`) : BigInt(digits);
  if (value >= TWO_64) value = TWO_64 - 1n;
  if (match[1] === '-') value = (TWO_64 - value) % TWO_64;
  return Number(value & 0xffffffffn);
}

/**
 * A table, protocol, scope, dsfield or realm (find_entry): a number is good up to max; another word is a name
 * keepalived looks up in the machine's files (and a few built in): undefined, nothing to judge here.
 */
export function readRouteNumber(text: string, max: number): number | false | undefined {
  const value = readStrtoul(text);
  if (value === undefined) return text === '' ? false : undefined;
  return value <= max ? value : false;
}

/** the protocol names keepalived knows without the machine's rt_protos (lib/rttables.c), with iproute2's name for its own */
const KNOWN_PROTOCOLS = new Map(Object.entries({ none: 0, redirect: 1, kernel: 2, boot: 3, static: 4, gated: 8, ra: 9, mrt: 10, zebra: 11, bird: 12, dnrouted: 13, xorp: 14, ntk: 15, dhcp: 16, keepalived: 18, babel: 42 }));

/** a route's protocol: its number, false when out of range, undefined for a name only the machine knows */
export function readRouteProtocol(text: string): number | false | undefined {
  return readRouteNumber(text, 255) ?? KNOWN_PROTOCOLS.get(text);
}

/** `realms [FROM/]TO` */
export function readRealms(text: string): boolean | undefined {
  const parts = text.split('/', 2);
  const read = parts.map((part) => readRouteNumber(part, 255));
  return read.includes(false) ? false : read.includes(undefined) ? undefined : true;
}

const ROUTE_TYPES = new Set(['local', 'nat', 'broadcast', 'brd', 'anycast', 'multicast', 'prohibit', 'unreachable', 'blackhole', 'xresolve', 'unicast', 'throw']);

/** a route type before the destination: one of keepalived's names, or a number up to 255 */
export function isRouteTypeName(text: string): boolean {
  if (ROUTE_TYPES.has(text)) return true;
  const value = readStrtoul(text);
  return value !== undefined && value <= 255 && !text.startsWith('-');
}

/** `LABEL[/LABEL]`: at most two MPLS labels of 20 bits */
export function readMplsLabels(text: string): boolean {
  const labels = text.split('/');
  return labels.length <= 2 && labels.every((label) => !label.startsWith('-') && (readStrtoul(label) ?? Infinity) <= 0xfffff);
}

/** an ILA locator: four groups of up to four hex digits joined by ':' */
export const readIlaLocator = (text: string): boolean => /^[0-9a-f]{1,4}(:[0-9a-f]{1,4}){3}$/i.test(text);

const RTT_MIN_MS = 200;
const RTT_MAX_MS = 120000;

/**
 * rtt, rttvar and rto_min (get_time_rtt): N in the kernel's unit (1/perMs ms), Nms, or Ns/Nsec/Nsecs with up to 3
 * decimals; keepalived raises a value below 200 ms and lowers one above 120 s. 'exponent': 1e3 and the like,
 * which keepalived used to read and now refuses.
 */
export function readRouteTime(text: string, perMs: number): 'exponent' | { tooManyDecimals: boolean; clamped?: 'up' | 'down' } | undefined {
  let number = text;
  let decimals = 0;
  let unit = 1;
  const s = text.search(/s/i);
  if (s >= 0) {
    if (!['s', 'sec', 'secs'].includes(text.slice(s).toLowerCase())) return undefined;
    const milli = s > 0 && text[s - 1].toLowerCase() === 'm';
    const end = milli ? s - 1 : s;
    if (end === 0) return undefined;
    number = text.slice(0, end);
    decimals = milli ? 0 : 3;
    unit = perMs;
  }
  if (/e/i.test(number)) return 'exponent';
  if (number.startsWith('-')) return undefined;
  const point = number.indexOf('.');
  const written = point < 0 ? 0 : number.length - point - 1;
  const tooManyDecimals = written > decimals;
  const kept = Math.min(written, decimals);
  const roundUp = tooManyDecimals && number[point + decimals + 1] >= '5';
  const digits = (point < 0 ? number : number.slice(0, point) + number.slice(point + 1, point + 1 + kept)) + '0'.repeat(decimals - kept);
  if (!/^(\+?\d+)?$/.test(digits)) return undefined;
  const read = BigInt(digits.replace('+', '') || '0') + (roundUp ? 1n : 0n);
  const max = BigInt(RTT_MAX_MS * perMs);
  if (read > max) return undefined;
  const value = read * BigInt(unit);
  return { tooManyDecimals, clamped: value > max ? 'down' : value < BigInt(RTT_MIN_MS * perMs) ? 'up' : undefined };
}
