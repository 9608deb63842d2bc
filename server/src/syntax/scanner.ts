import { WORD_PATTERN } from './wordPattern';

/**
 * The tokenizer the parser runs on. It splits text exactly as the Chevrotain lexer in ./lexer.ts does
 * (same patterns, tried in the same order, same error resynchronisation), but without a generic lexer's
 * per-token bookkeeping: on 100k-line configs that bookkeeping and its garbage were most of parse time.
 */
export const enum TokenKind {
  Newline,
  LBrace,
  RBrace,
  Word,
}

/**
 * The token stream as parallel typed arrays: token i is `kinds[i]` over `text.slice(starts[i], ends[i])`.
 * One object per token was most of the parser's garbage on large configs; these arrays are not scanned
 * by the garbage collector.
 */
export class Tokens {
  count = 0;
  kinds: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;

  constructor(
    readonly text: string,
    capacity: number,
  ) {
    this.kinds = new Uint8Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }

  push(kind: TokenKind, start: number, end: number): void {
    if (this.count === this.kinds.length) this.grow();
    this.kinds[this.count] = kind;
    this.starts[this.count] = start;
    this.ends[this.count++] = end;
  }

  image(i: number): string {
    return this.text.slice(this.starts[i], this.ends[i]);
  }

  private grow(): void {
    const size = this.kinds.length * 2 || 64;
    const kinds = new Uint8Array(size);
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    kinds.set(this.kinds);
    starts.set(this.starts);
    ends.set(this.ends);
    this.kinds = kinds;
    this.starts = starts;
    this.ends = ends;
  }
}

export interface CommentToken {
  image: string;
  startOffset: number;
}

export interface ScanError {
  offset: number;
  length: number;
}

export interface Scanned {
  tokens: Tokens;
  comments: CommentToken[];
  errors: ScanError[];
}

const NEWLINE = 10;
const SPACE = 32;
const TAB = 9;
const CR = 13;
const FF = 12;
const VT = 11;
const HASH = 35;
const BANG = 33;
const LBRACE = 123;
const RBRACE = 125;

const isBlank = (c: number) => c === SPACE || c === TAB || c === CR || c === FF || c === VT;

const word = new RegExp(WORD_PATTERN.source, 'y');

/** ASCII characters that may continue a plain (unquoted, unescaped) run of a word. */
const PLAIN = new Uint8Array(128);
for (let c = 33; c < 127; c++) PLAIN[c] = 1;
for (const ch of '{}#!"\'\\') PLAIN[ch.charCodeAt(0)] = 0;

/** Characters after which the Word pattern cannot go on (so a plain run ending there is the whole word). */
const isWordEnd = (c: number) => c === NEWLINE || isBlank(c) || c === LBRACE || c === RBRACE || c === HASH || c === BANG;

/** Length of the Word at `offset`, 0 when none starts there. */
function wordLength(text: string, offset: number): number {
  // fast path: most words are plain ASCII runs; anything else (quotes, escapes, non-ASCII) goes to the regex
  let end = offset;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    if (c < 128 && PLAIN[c] === 1) end++;
    else break;
  }
  if (end > offset && (end === text.length || isWordEnd(text.charCodeAt(end)))) return end - offset;
  word.lastIndex = offset;
  return word.test(text) ? word.lastIndex - offset : 0;
}

/** Whether any token pattern matches at `offset` (where the lexer resumes after unexpected characters). */
function tokenStartsAt(text: string, offset: number): boolean {
  const c = text.charCodeAt(offset);
  return c === NEWLINE || isBlank(c) || c === HASH || c === BANG || c === LBRACE || c === RBRACE || wordLength(text, offset) > 0;
}

export function scan(text: string): Scanned {
  // about one token per 6 characters in real configs; the arrays grow when that guess is short
  const tokens = new Tokens(text, Math.max(64, text.length >> 2));
  const comments: CommentToken[] = [];
  const errors: ScanError[] = [];
  const length = text.length;
  let offset = 0;
  while (offset < length) {
    const c = text.charCodeAt(offset);
    if (c === NEWLINE) {
      tokens.push(TokenKind.Newline, offset, ++offset);
    } else if (isBlank(c)) {
      offset++;
      while (offset < length && isBlank(text.charCodeAt(offset))) offset++;
    } else if (c === HASH || c === BANG) {
      let end = text.indexOf('\n', offset);
      if (end < 0) end = length;
      comments.push({ image: text.slice(offset, end), startOffset: offset });
      offset = end;
    } else if (c === LBRACE) {
      tokens.push(TokenKind.LBrace, offset, ++offset);
    } else if (c === RBRACE) {
      tokens.push(TokenKind.RBrace, offset, ++offset);
    } else {
      const n = wordLength(text, offset);
      if (n > 0) {
        tokens.push(TokenKind.Word, offset, offset + n);
        offset += n;
      } else {
        const start = offset;
        offset++;
        while (offset < length && !tokenStartsAt(text, offset)) offset++;
        errors.push({ offset: start, length: offset - start });
      }
    }
  }
  return { tokens, comments, errors };
}
