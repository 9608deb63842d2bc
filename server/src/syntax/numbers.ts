/**
 * Number tests on word texts, by hand rather than by regular expression: they run for most words of a
 * config (weights, ports, timeouts), and plain digits need no pattern matching.
 */

/** `[0-9]+` */
export function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}

/** `[-+]?(0x[0-9a-fA-F]+|[0-9]+)`: the whole numbers keepalived reads */
export function isInteger(text: string): boolean {
  let i = 0;
  const n = text.length;
  const sign = text.charCodeAt(0);
  if (sign === 43 || sign === 45) i++;
  if (i >= n) return false;
  if (text.charCodeAt(i) === 48 && text.charCodeAt(i + 1) === 120) {
    if (i + 2 >= n) return false;
    for (i += 2; i < n; i++) if (!isHexDigit(text.charCodeAt(i))) return false;
    return true;
  }
  for (; i < n; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}

/** `[-+]?[0-9]+(\.[0-9]+)?`: the numbers the typed views read */
export function isDecimal(text: string): boolean {
  let i = text.charCodeAt(0) === 43 || text.charCodeAt(0) === 45 ? 1 : 0;
  const digitsFrom = i;
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  if (i === digitsFrom) return false;
  if (i === text.length) return true;
  if (text.charCodeAt(i) !== 46) return false;
  const fractionFrom = ++i;
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  return i > fractionFrom && i === text.length;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** what strtoul with base 0 reads whole: decimal, 0x hex or 0 octal */
export const readUnsigned = (text: string | undefined): number | undefined =>
  text === undefined ? undefined : /^0x[0-9a-f]+$/i.test(text) ? parseInt(text, 16) : /^0[0-7]*$/.test(text) ? parseInt(text, 8) : /^[1-9]\d*$/.test(text) ? Number(text) : undefined;

const TRUE_WORDS = ['true', 'on', 'yes'];
const FALSE_WORDS = ['false', 'off', 'no'];

/** a word after a keyword as keepalived's check_true_false takes it (exactly so written); no word means true */
export function readBoolean(text: string | undefined): boolean | undefined {
  if (text === undefined) return true;
  return TRUE_WORDS.includes(text) ? true : FALSE_WORDS.includes(text) ? false : undefined;
}
