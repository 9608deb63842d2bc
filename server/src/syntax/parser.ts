import { EmbeddedActionsParser, type IOrAlt, type IToken } from 'chevrotain';
import { allTokens, LBrace, Newline, RBrace, Word } from './lexer';

/** Parse result before source mapping: offsets are in the (possibly expanded) lexer text. */
export interface RawStatement {
  words: IToken[];
  block?: RawBlock;
}

export interface RawBlock {
  open: IToken;
  close?: IToken;
  statements: RawStatement[];
}

export interface RawProblem {
  token: IToken;
  kind: 'unexpected-open-brace' | 'extra-close-brace' | 'missing-close-brace' | 'nesting-too-deep';
}

/**
 * The grammar accepts every token sequence, so the parser never needs to recover: keepalived's own
 * mistakes-handling is mirrored by reporting stray braces as problems instead of failing.
 *   file      := ( Newline | statement | '{' | '}' )*
 *   statement := Word+ block?
 *   block     := '{' ( Newline | statement | '{' )* '}'?
 * A newline between a statement and its '{' is removed before parsing (keepalived allows the brace on
 * the next line).
 */
class KeepalivedParser extends EmbeddedActionsParser {
  problems: RawProblem[] = [];

  constructor() {
    super(allTokens, { recoveryEnabled: false, maxLookahead: 1 });
    this.performSelfAnalysis();
  }

  // Alternatives are built once: Chevrotain otherwise allocates them on every rule invocation.
  private fileAlternatives?: IOrAlt<void>[];
  private blockAlternatives?: IOrAlt<void>[];
  private statements: RawStatement[] = [];

  file = this.RULE('file', (): RawStatement[] => {
    const statements: RawStatement[] = [];
    this.MANY(() => {
      this.statements = statements;
      this.OR(
        (this.fileAlternatives ??= [
          { ALT: () => { this.CONSUME(Newline); } },
          { ALT: () => { const into = this.statements; const s = this.SUBRULE(this.statement); this.ACTION(() => into.push(s)); } },
          { ALT: () => { const t = this.CONSUME(LBrace); this.ACTION(() => this.problems.push({ token: t, kind: 'unexpected-open-brace' })); } },
          { ALT: () => { const t = this.CONSUME(RBrace); this.ACTION(() => this.problems.push({ token: t, kind: 'extra-close-brace' })); } },
        ]),
      );
    });
    return statements;
  });

  statement = this.RULE('statement', (): RawStatement => {
    const words: IToken[] = [this.CONSUME(Word)];
    this.MANY(() => { words.push(this.CONSUME2(Word)); });
    const block = this.OPTION(() => this.SUBRULE(this.block));
    return { words, block };
  });

  block = this.RULE('block', (): RawBlock => {
    const open = this.CONSUME(LBrace);
    const statements: RawStatement[] = [];
    this.MANY(() => {
      this.statements = statements;
      this.OR(
        (this.blockAlternatives ??= [
          { ALT: () => { this.CONSUME(Newline); } },
          { ALT: () => { const into = this.statements; const s = this.SUBRULE(this.statement); this.ACTION(() => into.push(s)); } },
          { ALT: () => { const t = this.CONSUME2(LBrace); this.ACTION(() => this.problems.push({ token: t, kind: 'unexpected-open-brace' })); } },
        ]),
      );
    });
    const close = this.OPTION(() => this.CONSUME(RBrace));
    this.ACTION(() => { if (!close) this.problems.push({ token: open, kind: 'missing-close-brace' }); });
    return { open, close, statements };
  });
}

const parser = new KeepalivedParser();

/** keepalived nests at most a handful of levels; deeper input is garbage and must not exhaust the stack. */
const MAX_NESTING = 64;

/**
 * Drops newlines that only separate a statement from the '{' of its block, and braces nested deeper
 * than MAX_NESTING (reported once).
 */
function prepareTokens(tokens: IToken[], problems: RawProblem[]): IToken[] {
  const kept: IToken[] = [];
  let depth = 0;
  let dropped = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.tokenType === LBrace) {
      if (depth >= MAX_NESTING) {
        if (dropped++ === 0) problems.push({ token, kind: 'nesting-too-deep' });
        continue;
      }
      depth++;
    } else if (token.tokenType === RBrace) {
      if (dropped > 0) {
        dropped--;
        continue;
      }
      depth = Math.max(0, depth - 1);
    }
    if (token.tokenType === Newline) {
      let next = i + 1;
      while (next < tokens.length && tokens[next].tokenType === Newline) next++;
      const previous = kept[kept.length - 1];
      if (next < tokens.length && tokens[next].tokenType === LBrace && previous?.tokenType === Word) {
        i = next - 1;
        continue;
      }
    }
    kept.push(token);
  }
  return kept;
}

export function parseTokens(tokens: IToken[]): { statements: RawStatement[]; problems: RawProblem[] } {
  const problems: RawProblem[] = [];
  parser.input = prepareTokens(tokens, problems);
  parser.problems = problems;
  const statements = parser.file();
  // The grammar is total; an error here would be a bug in the grammar, never in the input.
  if (parser.errors.length > 0) throw new Error(`internal parser error: ${parser.errors[0].message}`);
  return { statements, problems: problems.sort((a, b) => a.token.startOffset - b.token.startOffset) };
}
