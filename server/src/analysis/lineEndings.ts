import type { ConfigFile, Diagnostic } from '../syntax';
import { commentStart, endingBackslash, endsLineAfter } from '../syntax/preprocess';
import { compareVersions } from './versions';
import { droppedEscapedScript, rereadEffect, statementOnLine } from './rereadLines';

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

/** keepalived 2.4.0 stopped reading a backslash that ends a comment as one that ends the line */
const COMMENT_BACKSLASH_IGNORED_SINCE = '2.4.0';

/**
 * Lines ending in a backslash. keepalived continues no line but a `$NAME` definition's: it drops the blanks
 * before the backslash and keeps it, so it ends the line's last word. Before 2.4.0 a backslash ending a
 * comment did the same to the text before the comment (lib/parser.c, decomment).
 */
export function checkEndingBackslashes(file: ConfigFile, keepalivedVersion: string | undefined): Diagnostic[] {
  const text = file.text;
  const out: Diagnostic[] = [];
  const commentsCount = keepalivedVersion !== undefined && compareVersions(keepalivedVersion, COMMENT_BACKSLASH_IGNORED_SINCE) < 0;
  for (let at = text.indexOf('\\'); at !== -1 && out.length < MAX_REPORTED; at = text.indexOf('\\', at + 1)) {
    if (!endsLineAfter(text, at)) continue;
    const lineStart = text.lastIndexOf('\n', at) + 1;
    if (continuesDefinition(file, at) || file.inactive.some((r) => file.lines.offsetAt(r.start) <= at && at < file.lines.offsetAt(r.end))) continue;
    const inWords = endingBackslash(text, lineStart, at + 1) === at;
    if (!inWords && !unescapedAtEnd(text, lineStart, at) && commentStart(text.slice(lineStart, at + 1)) > at - lineStart) {
      const dropped = keepalivedVersion !== undefined && droppedEscapedScript(file, file.lines.positionAt(at).line, keepalivedVersion);
      if (dropped) out.push({ range: file.lines.rangeOf(at - 1, at + 1), code: 'ending-backslash', severity: 'error', message: dropped });
      continue;
    }
    if (!inWords && !(commentsCount && unescapedAtEnd(text, lineStart, at))) continue;
    const line = text.slice(lineStart, at);
    const words = line.slice(0, commentStart(line)).trim().split(/[ \t]+/).filter(Boolean);
    const read = words.length ? `'${words[words.length - 1]}\\'` : `a line '\\' (an unknown keyword)`;
    const range = file.lines.rangeOf(at, at + 1);
    const reread = inWords && unescapedAtEnd(text, lineStart, at) ? rereadFinding(file, range.start.line) : undefined;
    if (reread) {
      out.push({ range, code: 'ending-backslash', ...reread });
      continue;
    }
    out.push({
      range,
      severity: 'warning',
      code: 'ending-backslash',
      message: inWords
        ? `A '\\' ending a line does not continue it (keepalived continues only $NAME definitions): it stays on the last word, so keepalived reads ${read}`
        : `keepalived ${keepalivedVersion} takes a '\\' ending a comment as ending the text before the comment (until 2.4.0): it reads ${read}`,
    });
  }
  return out;
}

/** what a '\\' ending a line keepalived reads twice does: a crash, or a dropped script */
function rereadFinding(file: ConfigFile, line: number): Pick<Diagnostic, 'severity' | 'message'> | undefined {
  const statement = statementOnLine(file, line);
  const effect = statement && rereadEffect(statement);
  if (!effect) return undefined;
  if (effect.effect === 'dropped') return { severity: 'warning', message: `keepalived splits ${statement.name}'s command line a second time, where a '\\' ending it escapes nothing: the split fails and keepalived ignores this script. Remove the '\\'` };
  return {
    severity: 'error',
    message: `keepalived splits this ${effect.what} a second time, where a '\\' ending the line escapes nothing: its ${effect.process} process then crashes (segmentation fault), and keepalived restarts it over and over; keepalived -t does not notice. Remove the '\\'`,
  };
}

function continuesDefinition(file: ConfigFile, at: number): boolean {
  return file.definitions.some((d) => d.multiline && d.start <= at && at < d.end);
}

/** whether the backslash at `at` is not escaped by one before it (escapes pair up from the line's start) */
function unescapedAtEnd(text: string, lineStart: number, at: number): boolean {
  let i = lineStart;
  while (i < at) i += text[i] === '\\' ? 2 : 1;
  return i === at;
}
