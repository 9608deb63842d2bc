import type { ConfigFile, Diagnostic } from '../syntax';
import { commentStart } from '../syntax/preprocess';

/** a file with thousands of stray CRs gets this many findings, then none: one per line says it all */
const MAX_REPORTED = 100;

/**
 * Lone carriage returns (a CR not followed by a LF). Editors and LSP end a line there; keepalived splits
 * lines on LF only and reads the CR as a blank (checked with keepalived 2.2.7 and 2.4.3), so what the
 * editor shows as two lines is one line to keepalived: a comment before the CR swallows the next "line".
 */
export function checkLoneCarriageReturns(file: ConfigFile): Diagnostic[] {
  const text = file.text;
  const out: Diagnostic[] = [];
  for (let at = text.indexOf('\r'); at !== -1 && out.length < MAX_REPORTED; at = text.indexOf('\r', at + 1)) {
    if (text.charCodeAt(at + 1) === 10) continue;
    const lineStart = text.lastIndexOf('\n', at) + 1;
    const before = text.slice(lineStart, at);
    const commented = commentStart(before) < before.length;
    out.push({
      range: file.lines.rangeOf(at, at + 1),
      severity: 'warning',
      code: 'lone-carriage-return',
      message: commented
        ? 'A carriage return without a line feed: the editor starts a new line here, but keepalived reads one line, so the text after it is part of the comment and ignored'
        : 'A carriage return without a line feed: the editor starts a new line here, but keepalived reads one line and takes the carriage return as a blank between words',
    });
  }
  return out;
}
