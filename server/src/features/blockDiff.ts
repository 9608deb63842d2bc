/**
 * How two blocks of config text differ, line by line, ignoring indentation, comments and blank lines:
 * the number of lines only one of them has (a longest common subsequence over the kept lines).
 */
export function meaningfulLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/[#!].*$/, '').trim().replace(/\s+/g, ' '))
    .filter(Boolean);
}

/** Lines only one side has; blocks of over 2,000 lines count every line that is not equal in place. */
export function differingLines(a: readonly string[], b: readonly string[]): number {
  if (a.length * b.length > 4_000_000) return a.filter((l, i) => l !== b[i]).length + Math.max(0, b.length - a.length);
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) row[j] = a[i - 1] === b[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], row[j - 1]);
    previous = row;
  }
  const common = previous[b.length];
  return a.length - common + (b.length - common);
}
