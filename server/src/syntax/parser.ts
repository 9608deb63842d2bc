import { createToken, EmbeddedActionsParser, Lexer, type IOrAlt, type IToken, type TokenType } from 'chevrotain';
import type { Statement, Word } from './ast';
import { Anchor, SourceBlock, SourceStatement, type Brace } from './nodes';
import type { LineIndex } from './position';

/**
 * The parser reads statements, not single words: keepalived splits each line into words before it looks
 * at blocks, so a `Line` token carries the words of one statement (up to a line break or brace) and the
 * grammar is about how statements and braces nest.
 *   file      := ( statement | '{' | '}' )*
 *   statement := Line block?
 *   block     := '{' ( statement | '{' )* '}'?
 * It accepts every token sequence, so it never needs to recover: stray braces become problems, as
 * keepalived warns about them and reads on.
 */
export const Line = createToken({ name: 'Line', pattern: Lexer.NA });
export const LBrace = createToken({ name: 'LBrace', pattern: Lexer.NA });
export const RBrace = createToken({ name: 'RBrace', pattern: Lexer.NA });

/**
 * A token as the parser needs it. `startOffset` is in the lexed text (Chevrotain's field); a Line carries
 * its statement, already built, and a brace its place in the source.
 */
export class ParserToken implements IToken {
  readonly tokenTypeIdx: number;

  constructor(
    readonly tokenType: TokenType,
    readonly startOffset: number,
    readonly statement: SourceStatement | undefined,
    readonly brace: Brace,
    readonly anchor: Anchor,
  ) {
    this.tokenTypeIdx = tokenType.tokenTypeIdx!;
  }

  /** only read when reporting a (never expected) grammar error */
  get image(): string {
    return this.tokenType === LBrace ? '{' : this.tokenType === RBrace ? '}' : '';
  }
}

export interface RawProblem {
  token: ParserToken;
  kind: 'unexpected-open-brace' | 'extra-close-brace' | 'missing-close-brace' | 'nesting-too-deep';
}

class KeepalivedParser extends EmbeddedActionsParser {
  problems: RawProblem[] = [];

  constructor() {
    super([Line, LBrace, RBrace], { recoveryEnabled: false, maxLookahead: 1 });
    this.performSelfAnalysis();
  }

  // Alternatives are built once: Chevrotain otherwise allocates them on every rule invocation.
  private fileAlternatives?: IOrAlt<void>[];
  private blockAlternatives?: IOrAlt<void>[];
  private statements: Statement[] = [];

  file = this.RULE('file', (): Statement[] => {
    const statements: Statement[] = [];
    this.MANY(() => {
      this.statements = statements;
      this.OR(
        (this.fileAlternatives ??= [
          { ALT: () => { const into = this.statements; const s = this.SUBRULE(this.statement); this.ACTION(() => into.push(s)); } },
          { ALT: () => { const t = this.CONSUME(LBrace) as ParserToken; this.ACTION(() => this.problems.push({ token: t, kind: 'unexpected-open-brace' })); } },
          { ALT: () => { const t = this.CONSUME(RBrace) as ParserToken; this.ACTION(() => this.problems.push({ token: t, kind: 'extra-close-brace' })); } },
        ]),
      );
    });
    return statements;
  });

  statement = this.RULE('statement', (): Statement => {
    const line = this.CONSUME(Line) as ParserToken;
    const block = this.OPTION(() => this.SUBRULE(this.block));
    return this.ACTION(() => {
      const statement = line.statement!;
      if (block) statement.attach(block);
      return statement;
    });
  });

  block = this.RULE('block', (): SourceBlock => {
    const open = this.CONSUME(LBrace) as ParserToken;
    const statements: Statement[] = [];
    this.MANY(() => {
      this.statements = statements;
      this.OR(
        (this.blockAlternatives ??= [
          { ALT: () => { const into = this.statements; const s = this.SUBRULE(this.statement); this.ACTION(() => into.push(s)); } },
          { ALT: () => { const t = this.CONSUME2(LBrace) as ParserToken; this.ACTION(() => this.problems.push({ token: t, kind: 'unexpected-open-brace' })); } },
        ]),
      );
    });
    const close = this.OPTION2(() => this.CONSUME(RBrace) as ParserToken);
    this.ACTION(() => { if (!close) this.problems.push({ token: open, kind: 'missing-close-brace' }); });
    return this.ACTION(() => new SourceBlock(open.anchor, open.brace, close?.brace, statements));
  });
}

const parser = new KeepalivedParser();

/** keepalived nests at most a handful of levels; deeper input is garbage and must not exhaust the stack. */
const MAX_NESTING = 64;

const NO_BRACE: Brace = { relativeStart: 0, relativeEnd: 0 };
/** shared by the many statements without arguments; never mutated */
const NO_ARGS: Word[] = [];
/** tokens parsed at a time (at least: a top-level statement is never split) */
const CHUNK = 512;

/**
 * Collects the parser's tokens while the scanner runs: consecutive words form one Line, that is one
 * statement (a line break or a brace ends it), and braces nested deeper than MAX_NESTING are dropped
 * (reported once per excursion). Each top-level statement gets its own anchor, which the words, braces and
 * statements inside it count their offsets from.
 */
export class TokenCollector {
  private tokens: ParserToken[] = [];
  private readonly statements: Statement[] = [];
  readonly problems: RawProblem[] = [];
  private keyword: Word | undefined;
  private args: Word[] = NO_ARGS;
  private lineStart = 0;
  private depth = 0;
  private dropped = 0;
  private anchor: Anchor;

  constructor(private readonly lines: LineIndex, firstOffset = 0) {
    this.anchor = new Anchor(firstOffset, lines);
  }

  /** The anchor for a word starting at source offset `start`: a new one when it begins a top-level statement. */
  anchorFor(start: number): Anchor {
    if (!this.keyword && this.depth === 0) this.anchor = new Anchor(start, this.lines);
    return this.anchor;
  }

  /** A brace at source offsets [start, end), relative to the current anchor. */
  brace(start: number, end: number): Brace {
    return { relativeStart: start - this.anchor.base, relativeEnd: end - this.anchor.base };
  }

  word(word: Word, offset: number): void {
    if (!this.keyword) {
      if (this.depth === 0 && this.tokens.length >= CHUNK) this.parseChunk();
      this.keyword = word;
      this.args = NO_ARGS;
      this.lineStart = offset;
    } else if (this.args === NO_ARGS) {
      this.args = [word];
    } else {
      this.args.push(word);
    }
  }

  lineBreak(): void {
    this.endLine();
  }

  /** `offset` in the lexed text, `brace` where it came from in the source */
  open(offset: number, brace: Brace): void {
    this.endLine();
    const token = new ParserToken(LBrace, offset, undefined, brace, this.anchor);
    if (this.depth >= MAX_NESTING) {
      if (this.dropped++ === 0) this.problems.push({ token, kind: 'nesting-too-deep' });
      return;
    }
    this.depth++;
    this.tokens.push(token);
  }

  close(offset: number, brace: Brace): void {
    this.endLine();
    if (this.dropped > 0) {
      this.dropped--;
      return;
    }
    this.depth = Math.max(0, this.depth - 1);
    this.tokens.push(new ParserToken(RBrace, offset, undefined, brace, this.anchor));
  }

  private endLine(): void {
    const keyword = this.keyword;
    if (!keyword) return;
    this.tokens.push(new ParserToken(Line, this.lineStart, new SourceStatement(this.anchor, keyword, this.args), NO_BRACE, this.anchor));
    this.keyword = undefined;
  }

  /**
   * Parses the tokens collected so far. Called between top-level statements (a new statement begins with no
   * block open), so the tokens die young instead of living until the whole file is read.
   */
  private parseChunk(): void {
    parser.input = this.tokens;
    parser.problems = this.problems;
    const statements = parser.file();
    // The grammar is total; an error here would be a bug in the grammar, never in the input.
    if (parser.errors.length > 0) throw new Error(`internal parser error: ${parser.errors[0].message}`);
    for (const statement of statements) this.statements.push(statement);
    this.tokens = [];
  }

  parse(): { statements: Statement[]; problems: RawProblem[] } {
    this.endLine();
    this.parseChunk();
    return { statements: this.statements, problems: this.problems.sort((a, b) => a.token.startOffset - b.token.startOffset) };
  }
}
