/**
 * The scanner: splits (preprocessed) text into words, braces, comments and line breaks, as keepalived reads
 * a line. Hand-written rather than regular-expression driven because it runs over every character of
 * configs of hundreds of thousands of lines; the Chevrotain parser then works on whole statements.
 *
 * A word joins unquoted characters, backslash escapes and quoted parts (`a"b c"d` is one word). Braces and
 * comment characters end a word unless double-quoted, as in keepalived; an unclosed quote runs to the end
 * of the line (reported later). Blanks are space, tab, CR, FF and VT; other Unicode spaces belong to no
 * lexeme and are reported as invalid.
 */

export const LexemeKind = { Word: 0, LBrace: 1, RBrace: 2, Comment: 3, Newline: 4, Invalid: 5 } as const;
export type LexemeKind = (typeof LexemeKind)[keyof typeof LexemeKind];

/**
 * Receives each lexeme in order; offsets index the scanned text, `end` exclusive. A word with no quote and
 * no backslash (its value is its text) comes with a hash of its characters, for sharing equal words without
 * cutting them out of the text first; other lexemes come with -1.
 */
export type LexemeSink = (kind: LexemeKind, start: number, end: number, plainHash: number) => void;

const NEWLINE = 10;
const BACKSLASH = 92;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const HASH = 35;
const BANG = 33;
const OPEN = 123;
const CLOSE = 125;

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 12 || c === 11;
}

/** Unicode white space other than the blanks and the line break (what JavaScript's \s adds). */
function isOtherSpace(c: number): boolean {
  return c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff);
}

function endsWord(c: number): boolean {
  return c === NEWLINE || isBlank(c) || c === OPEN || c === CLOSE || c === HASH || c === BANG || isOtherSpace(c);
}

const CARRIAGE_RETURN = 13;

/** keepalived drops every CR and LF at the end of a line before reading it, so a quote or an escape never
 * takes a CR there (a CRLF file reads as its LF twin). */
function atLineEnd(text: string, i: number): boolean {
  const n = text.length;
  while (i < n && text.charCodeAt(i) === CARRIAGE_RETURN) i++;
  return i === n || text.charCodeAt(i) === NEWLINE;
}

/** A backslash escapes the next character, unless the line ends there. */
function afterEscape(text: string, backslash: number): number {
  const next = backslash + 1;
  if (next >= text.length) return next;
  const c = text.charCodeAt(next);
  return c === NEWLINE || (c === CARRIAGE_RETURN && atLineEnd(text, next)) ? next : next + 1;
}

/** what scanWord found besides the word's end: see LexemeSink */
let plainHash = 0;

function scanWord(text: string, start: number): number {
  const n = text.length;
  let i = start;
  let hash = 0;
  let plain = true;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH || c === DOUBLE_QUOTE || c === SINGLE_QUOTE) plain = false;
    if (c === BACKSLASH) {
      i = afterEscape(text, i);
    } else if (c === DOUBLE_QUOTE) {
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === DOUBLE_QUOTE || d === NEWLINE || (d === CARRIAGE_RETURN && atLineEnd(text, i))) break;
        i = d === BACKSLASH ? afterEscape(text, i) : i + 1;
      }
      if (i < n && text.charCodeAt(i) === DOUBLE_QUOTE) i++;
    } else if (c === SINGLE_QUOTE) {
      // keepalived ends a single-quoted part at a brace or comment character, closed or not
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === BACKSLASH) i = afterEscape(text, i);
        else if (d === SINGLE_QUOTE || d === NEWLINE || d === OPEN || d === CLOSE || d === HASH || d === BANG) break;
        else if (d === CARRIAGE_RETURN && atLineEnd(text, i)) break;
        else i++;
      }
      if (i < n && text.charCodeAt(i) === SINGLE_QUOTE) i++;
    } else if (endsWord(c)) {
      break;
    } else {
      hash = (Math.imul(hash, 31) + c) | 0;
      i++;
    }
  }
  plainHash = plain ? hash >>> 1 : -1;
  return i;
}

const INCLUDE_WORD = /^include[rmwba]?$/;
const TAB = 9;
const SPACE = 32;

/**
 * keepalived takes a line that starts with `include` (or includer, ...) and a blank before it reads any
 * word: the rest of the line, up to a comment and without the blanks that end it, is one glob pattern,
 * braces and all (`include /etc/keepalived/{vrrp,lvs}.conf`). Where that pattern ends.
 */
function includePatternEnd(text: string, start: number, n: number): number {
  let quoted = false;
  let end = start;
  for (let i = start; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) break;
    if (c === BACKSLASH) {
      if (i + 1 < n && text.charCodeAt(i + 1) !== NEWLINE) i++;
      end = i + 1;
    } else if (c === DOUBLE_QUOTE) {
      quoted = !quoted;
      end = i + 1;
    } else if (!quoted && (c === HASH || c === BANG)) break;
    else if (!isBlank(c)) end = i + 1;
  }
  return end;
}

/** Scans `text` from `from` to `to` (a line boundary, or the end). */
export function scan(text: string, sink: LexemeSink, from = 0, to = text.length): void {
  const n = to;
  let i = from;
  let lineStart = true;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) {
      sink(LexemeKind.Newline, i, ++i, -1);
      lineStart = true;
      continue;
    }
    if (isBlank(c)) {
      i++;
      continue;
    }
    const first = lineStart;
    lineStart = false;
    if (c === HASH || c === BANG) {
      const end = text.indexOf('\n', i);
      const stop = end === -1 || end > n ? n : end;
      sink(LexemeKind.Comment, i, stop, -1);
      i = stop;
    } else if (c === OPEN) {
      sink(LexemeKind.LBrace, i, ++i, -1);
    } else if (c === CLOSE) {
      sink(LexemeKind.RBrace, i, ++i, -1);
    } else if (isOtherSpace(c)) {
      const start = i;
      while (i < n && isOtherSpace(text.charCodeAt(i))) i++;
      sink(LexemeKind.Invalid, start, i, -1);
    } else {
      const start = i;
      i = scanWord(text, i);
      sink(LexemeKind.Word, start, i, plainHash);
      const next = text.charCodeAt(i);
      if (first && (next === SPACE || next === TAB) && i - start <= 8 && INCLUDE_WORD.test(text.slice(start, i))) {
        while (i < n && isBlank(text.charCodeAt(i))) i++;
        const end = includePatternEnd(text, i, n);
        if (end > i) sink(LexemeKind.Word, i, end, -1);
        i = end;
      }
    }
  }
}

export interface Lexeme {
  kind: LexemeKind;
  start: number;
  image: string;
}

/** Every lexeme of a short text (a line being formatted); undefined when it holds invalid characters. */
export function lexemes(text: string): Lexeme[] | undefined {
  const out: Lexeme[] = [];
  let valid = true;
  scan(text, (kind, start, end) => {
    if (kind === LexemeKind.Invalid) valid = false;
    else out.push({ kind, start, image: text.slice(start, end) });
  });
  return valid ? out : undefined;
}
