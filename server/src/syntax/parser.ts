import { TokenKind, type Token } from './scanner';

/** Parse result before source mapping: offsets are in the (possibly expanded) lexer text. */
export interface RawStatement {
  words: Token[];
  block?: RawBlock;
}

export interface RawBlock {
  open: Token;
  close?: Token;
  statements: RawStatement[];
}

export interface RawProblem {
  token: Token;
  kind: 'unexpected-open-brace' | 'extra-close-brace' | 'missing-close-brace' | 'nesting-too-deep';
}

/** keepalived nests at most a handful of levels; deeper input is garbage and must not exhaust the stack. */
const MAX_NESTING = 64;

/**
 * Drops newlines that only separate a statement from the '{' of its block, and braces nested deeper
 * than MAX_NESTING (reported once).
 */
function prepareTokens(tokens: Token[], problems: RawProblem[]): Token[] {
  const kept: Token[] = [];
  let depth = 0;
  let dropped = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind === TokenKind.LBrace) {
      if (depth >= MAX_NESTING) {
        if (dropped++ === 0) problems.push({ token, kind: 'nesting-too-deep' });
        continue;
      }
      depth++;
    } else if (token.kind === TokenKind.RBrace) {
      if (dropped > 0) {
        dropped--;
        continue;
      }
      depth = Math.max(0, depth - 1);
    }
    if (token.kind === TokenKind.Newline) {
      let next = i + 1;
      while (next < tokens.length && tokens[next].kind === TokenKind.Newline) next++;
      const previous = kept[kept.length - 1];
      if (next < tokens.length && tokens[next].kind === TokenKind.LBrace && previous?.kind === TokenKind.Word) {
        i = next - 1;
        continue;
      }
    }
    kept.push(token);
  }
  return kept;
}

/**
 * A recursive-descent parser for a grammar that accepts every token sequence, so it never needs to
 * recover: keepalived's own mistakes-handling is mirrored by reporting stray braces as problems.
 *   file      := ( Newline | statement | '{' | '}' )*
 *   statement := Word+ block?
 *   block     := '{' ( Newline | statement | '{' )* '}'?
 * (prepareTokens has already removed a newline between a statement and its '{': keepalived allows the
 * brace on the next line.) Recursion depth is bounded by MAX_NESTING.
 */
class Parser {
  private position = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly problems: RawProblem[],
  ) {}

  file(): RawStatement[] {
    const statements: RawStatement[] = [];
    const tokens = this.tokens;
    while (this.position < tokens.length) {
      const token = tokens[this.position];
      if (token.kind === TokenKind.Word) statements.push(this.statement());
      else {
        this.position++;
        if (token.kind === TokenKind.LBrace) this.problems.push({ token, kind: 'unexpected-open-brace' });
        else if (token.kind === TokenKind.RBrace) this.problems.push({ token, kind: 'extra-close-brace' });
      }
    }
    return statements;
  }

  private statement(): RawStatement {
    const tokens = this.tokens;
    const words = [tokens[this.position++]];
    while (this.position < tokens.length && tokens[this.position].kind === TokenKind.Word) words.push(tokens[this.position++]);
    const block = this.position < tokens.length && tokens[this.position].kind === TokenKind.LBrace ? this.block() : undefined;
    return { words, block };
  }

  private block(): RawBlock {
    const tokens = this.tokens;
    const open = tokens[this.position++];
    const statements: RawStatement[] = [];
    while (this.position < tokens.length) {
      const token = tokens[this.position];
      if (token.kind === TokenKind.RBrace) break;
      if (token.kind === TokenKind.Word) statements.push(this.statement());
      else {
        this.position++;
        if (token.kind === TokenKind.LBrace) this.problems.push({ token, kind: 'unexpected-open-brace' });
      }
    }
    const close = this.position < tokens.length ? tokens[this.position++] : undefined;
    if (!close) this.problems.push({ token: open, kind: 'missing-close-brace' });
    return { open, close, statements };
  }
}

export function parseTokens(tokens: Token[]): { statements: RawStatement[]; problems: RawProblem[] } {
  const problems: RawProblem[] = [];
  const statements = new Parser(prepareTokens(tokens, problems), problems).file();
  return { statements, problems: problems.sort((a, b) => a.token.startOffset - b.token.startOffset) };
}
