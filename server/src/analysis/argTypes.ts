import { ipFamily } from './ipFamily';
import type { ArgType } from '../schema/types';
import { isInteger } from '../syntax/numbers';
import type { Statement } from '../syntax';

const IFNAME_MAX = 15;
const BOOL_WORDS = ['on', 'off', 'true', 'false', 'yes', 'no'];
const DECIMAL = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** What keepalived would say about `value` for an argument of type `type`; undefined when it is fine. */
export function checkArgument(type: ArgType, value: string): string | undefined {
  switch (type.kind) {
    case 'int':
    case 'port': {
      if (!isInteger(value)) return `'${value}' is not a whole number`;
      const n = Number(value);
      const min = type.kind === 'port' ? 0 : type.min;
      const max = type.kind === 'port' ? 65535 : type.max;
      return outOfRange(n, min, max, value);
    }
    case 'number': {
      if (!DECIMAL.test(value)) return `'${value}' is not a number`;
      const fraction = value.split('.')[1];
      if (type.decimals !== undefined && fraction && fraction.length > type.decimals) return `number '${value}' has too many decimal places: keepalived reads ${type.decimals}`;
      return outOfRange(Number(value), type.min, type.max, value);
    }
    case 'bool':
      // the exact spelling first: lowering the case makes a string, and most values are written as listed
      return BOOL_WORDS.includes(value) || BOOL_WORDS.includes(value.toLowerCase()) ? undefined : `'${value}' is not one of ${BOOL_WORDS.join(', ')}`;
    case 'enum': {
      const ok = type.checkedElsewhere === true || type.values.includes(value) || (type.caseInsensitive === true && type.values.some((v) => v.toLowerCase() === value.toLowerCase()));
      return ok ? undefined : `'${value}' is not one of ${type.values.join(', ')}`;
    }
    case 'ip':
      return ipFamily(addressPart(value)) ? undefined : `'${value}' is not an IP address`;
    case 'ipv4':
      return ipFamily(addressPart(value)) === 4 ? undefined : `'${value}' is not an IPv4 address`;
    case 'ipv6':
      return ipFamily(addressPart(value)) === 6 ? undefined : `'${value}' is not an IPv6 address`;
    case 'cidr':
      return checkCidr(value);
    case 'hostname':
      return checkHost(value);
    case 'interface':
      return interfaceNameProblem(value);
    case 'dnsName':
      // keepalived's own test (any other text goes to the server as it is, _dmarc and all); it also takes a
      // one-letter first label ('a.example') for an empty one
      return (value[0] === '.' && value.length > 1) || value[1] === '.' || value.includes('..') ? `'${value}' has an empty label (keepalived also reads a one-letter first label as one)` : undefined;
    case 'hex':
      // a string of any length (read_hex_str) may have blanks between its bytes, as a quoted word does
      if (!(type.digits ? /^[0-9a-fA-F]+$/ : /^[ \t]*[0-9a-fA-F][0-9a-fA-F \t]*$/).test(value)) return `'${value}' is not a hexadecimal string`;
      return type.digits && value.length !== type.digits ? `'${value}' has ${value.length} hex digits instead of ${type.digits}` : undefined;
    default:
      return undefined;
  }
}

/**
 * Why no interface can have the name `value`, or undefined. The kernel's IFNAMSIZ is 16 bytes with the
 * terminating NUL, and its dev_valid_name() refuses a ':' in a name: 'eth0:1' is an address label (ifconfig's
 * alias, which `ip addr add ... dev eth0:1` also takes as one), so keepalived looks for an interface that no
 * machine has, whatever dynamic_interfaces says.
 */
export function interfaceNameProblem(value: string): string | undefined {
  if (value.length > IFNAME_MAX) return `interface name '${value}' is longer than ${IFNAME_MAX} characters`;
  const colon = value.indexOf(':');
  if (colon > 0) return `'${value}' is an address label, not an interface: no interface name has a ':', so keepalived never finds it (the interface is ${value.slice(0, colon)})`;
  return undefined;
}

function outOfRange(n: number, min: number | undefined, max: number | undefined, text: string): string | undefined {
  if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
    return `number '${text}' outside range [${min ?? '-∞'}, ${max ?? '∞'}]`;
  }
  return undefined;
}

export function checkCidr(value: string): string | undefined {
  const slash = value.indexOf('/');
  const address = slash === -1 ? value : value.slice(0, slash);
  const family = ipFamily(address);
  if (!family) return `'${address}' is not an IP address`;
  if (slash === -1) return undefined;
  const prefix = value.slice(slash + 1);
  const max = family === 4 ? 32 : 128;
  if (!/^\d+$/.test(prefix) || Number(prefix) > max) return `'/${prefix}' is not a prefix length between 0 and ${max}`;
  return undefined;
}

export function isTrue(value: string): boolean {
  return ['on', 'true', 'yes'].includes(value.toLowerCase());
}

/** An address, or a DNS name; something that looks like an address must be a valid one. */
export function checkHost(value: string): string | undefined {
  if (/^[\d.]+$/.test(value) || value.includes(':')) return ipFamily(value) ? undefined : `'${value}' is not a valid IP address`;
  return /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\.?$/.test(value) ? undefined : `'${value}' is not a host name or address`;
}

/** the interface an address line names with `dev` ('' for none) */
export function devOf(line: Statement): string {
  const at = line.args.findIndex((w) => w.text === 'dev');
  return at === -1 ? '' : (line.args[at + 1]?.text ?? '');
}

/**
 * The address keepalived reads from a single-address argument: its address parser (inet_stosockaddr) cuts
 * the word at the first '-' or '/', so `192.0.2.1/24` is 192.0.2.1 and the rest is ignored.
 */
export function addressPart(value: string): string {
  // two searches for a character, not a regular expression: this runs on every address of a config
  const dash = value.indexOf('-');
  const slash = value.indexOf('/');
  const cut = dash < 0 ? slash : slash < 0 ? dash : Math.min(dash, slash);
  return cut < 0 ? value : value.slice(0, cut);
}
