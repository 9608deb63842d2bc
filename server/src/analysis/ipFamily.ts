import { isTemplateValue } from '../syntax/template';
/**
 * `isIP` from node:net, with dotted-quad IPv4 read by hand: every real server, service and VIP of a
 * config is an address, and node tests IPv4 with a regular expression. node:net (with the streams under it)
 * is loaded only for the first IPv6 candidate: a linter run on an IPv4 config never pays for it.
 */
export function ipFamily(text: string): 0 | 4 | 6 {
  if (isDottedQuad(text)) return 4;
  // an IPv6 address always has a colon; without one, isIP finds nothing but a dotted quad
  return text.includes(':') && netIsIP(text) === 6 ? 6 : 0;
}

let isIP: ((text: string) => number) | undefined;
function netIsIP(text: string): number {
  return (isIP ??= (require('node:net') as typeof import('node:net')).isIP)(text);
}

/** four decimal octets of 0-255 without leading zeros, as node's isIPv4 accepts */
function isDottedQuad(text: string): boolean {
  const n = text.length;
  let i = 0;
  for (let octet = 1; ; octet++) {
    const start = i;
    let value = 0;
    while (i < n && i - start < 4) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      value = value * 10 + (c - 48);
      i++;
    }
    const digits = i - start;
    if (digits === 0 || digits > 3 || value > 255 || (digits > 1 && text.charCodeAt(start) === 48)) return false;
    if (octet === 4) return i === n;
    if (text.charCodeAt(i) !== 46) return false;
    i++;
  }
}

/** The eight groups of an IPv6 address written without an IPv4 tail, each in four digits. */
function expandIpv6(address: string): string {
  const [head, tail] = address.toLowerCase().split('::');
  const h = head ? head.split(':') : [];
  const t = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array(8 - h.length - t.length).fill('0');
  return [...h, ...fill, ...t].map((g) => g.padStart(4, '0')).join(':');
}

/**
 * One text per address, so that two spellings of one address compare equal as keepalived compares them
 * (as binary addresses): IPv6 in full, in lower case, an IPv4 tail as two groups; anything else as written.
 */
export function addressKey(address: string): string {
  if (!address.includes(':') || ipFamily(address) !== 6) return address;
  const groups = addressValue(address, 6).toString(16).padStart(32, '0').match(/.{4}/g);
  return groups!.join(':');
}

/** An address with its prefix length (a host's when none is written), one text per spelling as above. */
export function prefixedAddressKey(text: string): string {
  const [address, prefix] = text.split('/');
  const family = ipFamily(address);
  if (!family) return text;
  return `${addressKey(address)}/${prefix ?? (family === 4 ? 32 : 128)}`;
}

/** an IPv6 address (a prefix length aside) in fe80::/10 */
export function isIpv6LinkLocal(address: string): boolean {
  const full = addressKey(address.split('/')[0]);
  return full.startsWith('fe8') || full.startsWith('fe9') || full.startsWith('fea') || full.startsWith('feb');
}

/** An address of a known family as one number (32 or 128 bits), for ranges and prefixes. */
export function addressValue(address: string, family: 4 | 6): bigint {
  if (family === 4) return address.split('.').reduce((n, octet) => (n << 8n) | BigInt(octet), 0n);
  // an IPv4 tail (::ffff:192.0.2.1) stands for the last two groups
  const dotted = address.lastIndexOf(':');
  const tail = address.includes('.') ? addressValue(address.slice(dotted + 1), 4) : undefined;
  const groups = tail === undefined ? address : `${address.slice(0, dotted + 1)}${(tail >> 16n).toString(16)}:${(tail & 0xffffn).toString(16)}`;
  return expandIpv6(groups).split(':').reduce((n, group) => (n << 16n) | BigInt(parseInt(group, 16)), 0n);
}

/** an address keepalived can read (a prefix length after '/' aside), or a template's value standing for one */
export function readableAddress(text: string): boolean {
  return ipFamily(text.split('/')[0]) !== 0 || isTemplateValue(text);
}
