import type { Range } from '../../server/src/syntax';
import { LineIndex } from '../../server/src/syntax';

/** The source text a range covers. */
export function textAt(text: string, range: Range): string {
  const lines = new LineIndex(text);
  return text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
}

/** Joins lines with newlines; keeps test configs readable. */
export function conf(...lines: string[]): string {
  return lines.join('\n') + '\n';
}
