import { createToken, EmbeddedActionsParser, Lexer, type IOrAlt, type IToken, type TokenType } from 'chevrotain';
import type { Statement } from './ast';
import { exactCopy } from './exactCopy';
import { SourceBlock, type Anchor, type Brace, type SourceStatement } from './nodes';

/**
 * The parser reads statements, not single words: keepalived splits each line into words before it looks
 * at blocks, so a `Line` token carries the words of one statement (up to a line break or brace) and the
 * grammar is about how statements and braces nest.
 *   file      := ( statement | '{' | ignored '{' | '}' )*
 *   statement := Line block?
 *   block     := ( '{' | implicit '{' ) ( statement | '{' | ignored '{' )* '}'?
 * It accepts every token sequence, so it never needs to recover: stray braces become problems, as
 * keepalived warns about them and reads on.
 */
export const Line = createToken({ name: 'Line', pattern: Lexer.NA });
export const LBrace = createToken({ name: 'LBrace', pattern: Lexer.NA });
export const RBrace = createToken({ name: 'RBrace', pattern: Lexer.NA });
/** a '{' after a keyword that opens no block where it stands: keepalived ignores it (see BlockOpener) */
export const IgnoredLBrace = createToken({ name: 'IgnoredLBrace', pattern: Lexer.NA });
/**
 * no '{' follows a keyword that opens a block where it stands: keepalived opens the block anyway (after
 * "Missing '{'") and reads the lines that follow into it, up to the next '}'. Zero width, at the line's end.
 */
export const ImplicitLBrace = createToken({ name: 'ImplicitLBrace', pattern: Lexer.NA });

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
  kind: 'unexpected-open-brace' | 'ignored-open-brace' | 'implicit-open-brace' | 'extra-close-brace' | 'missing-close-brace' | 'nesting-too-deep';
}

/**
 * Which keywords open a block, as keepalived decides: it enters a block only after a keyword that opens one
 * where it stands, and otherwise ignores the '{' (so the next '}' closes the enclosing block). `open` gives the
 * context inside the keyword's block, or undefined when the '{' is ignored. The collector asks it and marks
 * such braces; without an opener every '{' after a statement opens its block (what the text shows, for
 * formatting).
 */
export interface BlockOpener<Context = unknown> {
  readonly root: Context;
  open(context: Context, keyword: string): Context | undefined;
  /** whether a second `keyword` in a block has its block skipped, and that block's '}' ends the enclosing one too */
  repeatEndsEnclosing(context: Context, keyword: string): boolean;
}

export class KeepalivedParser extends EmbeddedActionsParser {
  problems: RawProblem[] = [];

  /**
   * `validateGrammar` runs Chevrotain's grammar checks (ambiguities, left recursion, unreachable
   * alternatives): ~10 ms at every start for a grammar that does not change at run time, so the parser in use
   * skips them and test/syntax/grammarValidation.test.ts builds one with them on.
   */
  constructor({ validateGrammar = false } = {}) {
    super([Line, LBrace, RBrace, IgnoredLBrace, ImplicitLBrace], { recoveryEnabled: false, maxLookahead: 1, skipValidations: !validateGrammar });
    this.performSelfAnalysis();
  }

  // Alternatives are built once: Chevrotain otherwise allocates them on every rule invocation.
  private fileAlternatives?: IOrAlt<void>[];
  private blockAlternatives?: IOrAlt<void>[];
  private openAlternatives?: IOrAlt<ParserToken>[];
  private statements: Statement[] = [];

  file = this.RULE('file', (): Statement[] => {
    const statements: Statement[] = [];
    this.MANY(() => {
      this.statements = statements;
      this.OR(
        (this.fileAlternatives ??= [
          { ALT: () => { const into = this.statements; const s = this.SUBRULE(this.statement); this.ACTION(() => into.push(s)); } },
          { ALT: () => { const t = this.CONSUME(LBrace) as ParserToken; this.ACTION(() => this.problems.push({ token: t, kind: 'unexpected-open-brace' })); } },
          { ALT: () => { const t = this.CONSUME(IgnoredLBrace) as ParserToken; this.ACTION(() => this.problems.push({ token: t, kind: 'ignored-open-brace' })); } },
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
    const open = this.OR2((this.openAlternatives ??= [{ ALT: () => this.CONSUME(LBrace) as ParserToken }, { ALT: () => this.CONSUME(ImplicitLBrace) as ParserToken }]));
    const statements: Statement[] = [];
    this.MANY(() => {
      this.statements = statements;
      this.OR(
        (this.blockAlternatives ??= [
          { ALT: () => { const into = this.statements; const s = this.SUBRULE(this.statement); this.ACTION(() => into.push(s)); } },
          { ALT: () => { const t = this.CONSUME2(LBrace) as ParserToken; this.ACTION(() => this.problems.push({ token: t, kind: 'unexpected-open-brace' })); } },
          { ALT: () => { const t = this.CONSUME2(IgnoredLBrace) as ParserToken; this.ACTION(() => this.problems.push({ token: t, kind: 'ignored-open-brace' })); } },
        ]),
      );
    });
    const close = this.OPTION2(() => this.CONSUME(RBrace) as ParserToken);
    // keepalived counts the braces of the text: a block it opened without one is never "missing" a '}'
    this.ACTION(() => { if (!close && open.tokenType !== ImplicitLBrace) this.problems.push({ token: open, kind: 'missing-close-brace' }); });
    // a copy exactly as long as it needs to be: the grown array keeps spare room, and blocks are many
    return this.ACTION(() => new SourceBlock(open.anchor, open.brace, close?.brace, exactCopy(statements, statements.length)));
  });
}

// built on first use: loading the syntax module (the CLI's usage errors, --help) does not pay for it
let shared: KeepalivedParser | undefined;

/** Parses a run of tokens that starts and ends between top-level statements; problems go into `problems`. */
export function parseTokens(tokens: ParserToken[], problems: RawProblem[]): Statement[] {
  const parser = (shared ??= new KeepalivedParser());
  parser.input = tokens;
  parser.problems = problems;
  const statements = parser.file();
  // The grammar is total; an error here would be a bug in the grammar, never in the input.
  if (parser.errors.length > 0) throw new Error(`internal parser error: ${parser.errors[0].message}`);
  return statements;
}
