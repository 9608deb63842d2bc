const SIMPLE_ESCAPES: Record<string, string> = { a: '\x07', b: '\b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/**
 * The value keepalived gives a word: quotes removed, backslash escapes resolved (\n, \t, \xHH, \nnn octal,
 * \cX control characters, and any other escaped character as itself).
 */
export function wordValue(image: string): string {
  if (!/["'\\]/.test(image)) return image;
  let out = '';
  let quote = '';
  for (let i = 0; i < image.length; i++) {
    const ch = image[i];
    if (ch === '\\' && i + 1 < image.length) {
      const next = image[++i];
      if (next === 'x' && /[0-9a-fA-F]/.test(image[i + 1] ?? '')) {
        let hex = '';
        while (/[0-9a-fA-F]/.test(image[i + 1] ?? '')) hex += image[++i];
        out += String.fromCharCode(parseInt(hex, 16) & 0xff);
      } else if (next === 'c' && i + 1 < image.length) {
        out += String.fromCharCode(image.charCodeAt(++i) & 0x1f);
      } else if (next >= '0' && next <= '7') {
        let octal = next;
        while (octal.length < 3 && /[0-7]/.test(image[i + 1] ?? '')) octal += image[++i];
        out += String.fromCharCode(parseInt(octal, 8) & 0xff);
      } else {
        out += SIMPLE_ESCAPES[next] ?? next;
      }
    } else if (quote && ch === quote) {
      quote = '';
    } else if (!quote && (ch === '"' || ch === "'")) {
      quote = ch;
    } else {
      out += ch;
    }
  }
  return out;
}

/** The quote character left open in a word, if any. */
export function unterminatedQuote(image: string): string | undefined {
  let quote = '';
  for (let i = 0; i < image.length; i++) {
    const ch = image[i];
    if (ch === '\\') i++;
    else if (quote && ch === quote) quote = '';
    else if (!quote && (ch === '"' || ch === "'")) quote = ch;
  }
  return quote || undefined;
}
