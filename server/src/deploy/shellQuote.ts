/**
 * POSIX sh quoting for every value that reaches a remote command line.
 * Single quotes disable all expansion; an embedded quote is closed, escaped and reopened.
 */
export function shellQuote(value: string): string {
  if (value.includes('\0')) throw new Error('a NUL byte cannot be passed to a remote shell');
  if (/^[A-Za-z0-9_\/.,:=@%+-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Joins a program and its arguments into one safely quoted command line. */
export function shellCommand(...words: string[]): string {
  return words.map(shellQuote).join(' ');
}
