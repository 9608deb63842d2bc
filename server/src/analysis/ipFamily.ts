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
