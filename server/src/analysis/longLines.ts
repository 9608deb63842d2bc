import type { ConfigFile, Diagnostic } from '../syntax';
import { LINE_BUFFER_BYTES, longLines } from '../syntax/lineBuffer';
import { compareVersions } from './versions';

/** keepalived 2.4.0 began to report a line too long for its buffer, and to drop the pieces before the last */
const LONG_LINE_REPORTED_SINCE = '2.4.0';

/** keepalived 2.4 and later: the text of a long line before its last cut, which keepalived ignores */
export function ignoredPieces(file: ConfigFile, keepalivedVersion: string | undefined): { line: number; endCharacter: number }[] {
  if (keepalivedVersion !== undefined && compareVersions(keepalivedVersion, LONG_LINE_REPORTED_SINCE) < 0) return [];
  return [...longLines(file.text)].map(({ start, cuts }) => ({ line: file.lines.rangeOf(start, start).start.line, endCharacter: cuts[cuts.length - 1] - start }));
}

/**
 * Lines keepalived reads in pieces (syntax/lineBuffer.ts): the linter reads each piece as a line, as keepalived
 * reads it; this says where the cuts fall and what the target release does with the pieces.
 */
export function checkLongLines(file: ConfigFile, keepalivedVersion: string | undefined): Diagnostic[] {
  const dropsPieces = keepalivedVersion === undefined || compareVersions(keepalivedVersion, LONG_LINE_REPORTED_SINCE) >= 0;
  const out: Diagnostic[] = [];
  for (const { start, end, cuts } of longLines(file.text)) {
    const bytes = Buffer.byteLength(file.text.slice(start, end));
    const pieces = cuts[cuts.length - 1] === end ? cuts.length : cuts.length + 1;
    const columns = cuts.slice(0, 3).map((c) => c - start + 1).join(', ') + (cuts.length > 3 ? ` and ${cuts.length - 3} more` : '');
    out.push({
      range: file.lines.rangeOf(start, cuts[0]),
      severity: 'error',
      code: 'line-too-long',
      message:
        `This line is ${bytes} bytes long: keepalived reads at most ${LINE_BUFFER_BYTES} bytes of a line at a time, so it reads ${pieces} lines here, cut at column${cuts.length > 1 ? 's' : ''} ${columns}; ` +
        (dropsPieces ? `keepalived ${keepalivedVersion ?? '2.4'} says the line is too long and ignores all but the last piece` : `keepalived ${keepalivedVersion} reads each piece as a line of its own`),
    });
  }
  return out;
}
