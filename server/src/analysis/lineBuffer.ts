import type { ConfigFile, Diagnostic } from '../syntax';
import { LINE_BUFFER_BYTES, longLines } from '../syntax/lineBuffer';
import { compareVersions } from './versions';

/** keepalived 2.4.0 began to report a line too long for its buffer (dropping the pieces before the last) or holding a NUL */
const LONG_LINE_REPORTED_SINCE = '2.4.0';

export interface IgnoredText {
  line: number;
  startCharacter: number;
  endCharacter: number;
}

/** the lines holding a NUL character: where each starts, where its first NUL is, where it ends */
function* nulLines(text: string): Generator<{ start: number; nul: number; end: number }> {
  for (let nul = text.indexOf('\0'); nul !== -1; ) {
    const start = text.lastIndexOf('\n', nul) + 1;
    const found = text.indexOf('\n', nul);
    const end = found === -1 ? text.length : found;
    yield { start, nul, end };
    nul = text.indexOf('\0', end);
  }
}

/**
 * What keepalived's line buffer does to the file (syntax/lineBuffer.ts): lines it reads in pieces (the linter
 * reads each piece as a line, as 2.2.7 does) and lines holding a NUL, each reported; and the text the target
 * release never reads, whose findings go: 2.4 and later ignore a long line's pieces before its last cut and a
 * line with a NUL, earlier releases read a line only up to its NUL (C strings end there).
 */
export function checkLineBuffer(file: ConfigFile, keepalivedVersion: string | undefined): { diagnostics: Diagnostic[]; ignored: IgnoredText[] } {
  const newer = keepalivedVersion === undefined || compareVersions(keepalivedVersion, LONG_LINE_REPORTED_SINCE) >= 0;
  const release = keepalivedVersion ?? '2.4';
  const text = file.text;
  const diagnostics: Diagnostic[] = [];
  const ignored: IgnoredText[] = [];
  const lineOf = (offset: number) => file.lines.rangeOf(offset, offset).start.line;
  for (const { start, end, cuts } of longLines(text)) {
    const bytes = Buffer.byteLength(text.slice(start, end));
    const pieces = cuts[cuts.length - 1] === end ? cuts.length : cuts.length + 1;
    const columns = cuts.slice(0, 3).map((c) => c - start + 1).join(', ') + (cuts.length > 3 ? ` and ${cuts.length - 3} more` : '');
    diagnostics.push({
      range: file.lines.rangeOf(start, cuts[0]),
      severity: 'error',
      code: 'line-too-long',
      message:
        `This line is ${bytes} bytes long: keepalived reads at most ${LINE_BUFFER_BYTES} bytes of a line at a time, so it reads ${pieces} lines here, cut at column${cuts.length > 1 ? 's' : ''} ${columns}; ` +
        (newer ? `keepalived ${release} says the line is too long and ignores all but the last piece` : `keepalived ${release} reads each piece as a line of its own`),
    });
    if (newer) ignored.push({ line: lineOf(start), startCharacter: 0, endCharacter: cuts[cuts.length - 1] - start });
  }
  for (const { start, nul, end } of nulLines(text)) {
    diagnostics.push({
      range: file.lines.rangeOf(nul, nul + 1),
      severity: 'error',
      code: 'syntax',
      message: newer ? `A NUL character: keepalived ${release} ignores the whole line` : `A NUL character: keepalived ${release} reads the line only up to it`,
    });
    ignored.push({ line: lineOf(start), startCharacter: newer ? 0 : nul - start, endCharacter: end - start });
  }
  return { diagnostics, ignored };
}
