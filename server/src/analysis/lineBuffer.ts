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

const isNewer = (keepalivedVersion: string | undefined) => keepalivedVersion === undefined || compareVersions(keepalivedVersion, LONG_LINE_REPORTED_SINCE) >= 0;

/**
 * Text keepalived never reads, whose findings go: 2.4 and later ignore a long line's pieces before its last cut,
 * and a line holding a NUL character; earlier releases read a line only up to its NUL (C strings end there).
 */
export function ignoredText(file: ConfigFile, keepalivedVersion: string | undefined): IgnoredText[] {
  const out: IgnoredText[] = [];
  const text = file.text;
  if (isNewer(keepalivedVersion)) {
    for (const { start, cuts } of longLines(text)) out.push({ line: file.lines.rangeOf(start, start).start.line, startCharacter: 0, endCharacter: cuts[cuts.length - 1] - start });
  }
  for (const { start, nul, end } of nulLines(text)) {
    out.push({ line: file.lines.rangeOf(start, start).start.line, startCharacter: isNewer(keepalivedVersion) ? 0 : nul - start, endCharacter: end - start });
  }
  return out;
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

/** Lines holding a NUL character: 2.4 and later ignore them, earlier releases read them up to it. */
export function checkNulCharacters(file: ConfigFile, keepalivedVersion: string | undefined): Diagnostic[] {
  return [...nulLines(file.text)].map(({ nul }) => ({
    range: file.lines.rangeOf(nul, nul + 1),
    severity: 'error',
    code: 'syntax',
    message: isNewer(keepalivedVersion)
      ? `A NUL character: keepalived ${keepalivedVersion ?? '2.4'} ignores the whole line`
      : `A NUL character: keepalived ${keepalivedVersion} reads the line only up to it`,
  }));
}

/**
 * Lines keepalived reads in pieces (syntax/lineBuffer.ts): the linter reads each piece as a line, as keepalived
 * reads it; this says where the cuts fall and what the target release does with the pieces.
 */
export function checkLongLines(file: ConfigFile, keepalivedVersion: string | undefined): Diagnostic[] {
  const dropsPieces = isNewer(keepalivedVersion);
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
