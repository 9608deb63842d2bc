import type { Statement, Word } from './ast';
import { Anchor, SourceStatement, type Brace, type SourceWord } from './nodes';
import { exactCopy } from './exactCopy';
import { IgnoredLBrace, ImplicitLBrace, LBrace, Line, ParserToken, parseTokens, RBrace, type BlockOpener, type RawProblem } from './parser';
import type { LineIndex } from './position';

/** keepalived nests at most a handful of levels; deeper input is garbage and must not exhaust the stack. */
export const MAX_NESTING = 64;

const NO_BRACE: Brace = { relativeStart: 0, relativeEnd: 0 };

/** a block the parser has open, as the opener sees it */
interface Frame {
  context: unknown;
  /** the keywords read in it so far of those whose repeat ends it (see BlockOpener.repeatEndsEnclosing) */
  seen?: Set<string>;
  /** keepalived skips this block, and leaves the enclosing one at its '}' too */
  endsEnclosing?: boolean;
}
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
  private keyword: SourceWord | undefined;
  /** the current statement's arguments are gathered here and copied out at its end, so each statement's
   * array is exactly as long as it needs to be (a growing array keeps spare room for many more) */
  private readonly pendingArgs: Word[] = [];
  private pendingCount = 0;
  private lineStart = 0;
  private depth = 0;
  /** the deepest nesting reached, which bounds how deep any one statement nests */
  private deepest = 0;
  private dropped = 0;
  private anchor: Anchor;
  /** with an opener: each block the parser has open, innermost last */
  private readonly frames: Frame[] = [];
  /**
   * with an opener: the last line, when its keyword opens a block where it stands, until the next token
   * shows whether a '{' follows (on its line or the next); if none does, keepalived opens the block anyway,
   * unless the keyword is a repeat whose block it skips
   */
  private awaiting: { line: ParserToken; inner: unknown; repeated: boolean } | undefined;
  /** '{'s less '}'s as the text has them (keepalived's count for "Extra '}' found"), never below 0 */
  private textDepth = 0;

  constructor(
    private readonly lines: LineIndex,
    firstOffset = 0,
    private readonly opener?: BlockOpener,
  ) {
    this.anchor = new Anchor(firstOffset, lines);
  }

  /** The anchor for a word starting at source offset `start`: a new one when it begins a top-level statement. */
  anchorFor(start: number): Anchor {
    if (!this.keyword && this.depth === 0 && !this.awaiting) this.anchor = new Anchor(start, this.lines);
    return this.anchor;
  }

  /** A brace at source offsets [start, end), relative to the current anchor. */
  brace(start: number, end: number): Brace {
    return { relativeStart: start - this.anchor.base, relativeEnd: end - this.anchor.base };
  }

  word(word: SourceWord, offset: number): void {
    if (!this.keyword) {
      if (this.awaiting) this.openImplicitly();
      if (this.depth === 0 && this.tokens.length >= CHUNK) this.parseChunk();
      this.keyword = word;
      this.pendingCount = 0;
      this.lineStart = offset;
    } else {
      this.pendingArgs[this.pendingCount++] = word;
    }
  }

  lineBreak(): void {
    this.endLine();
  }

  /** `offset` in the lexed text, `brace` where it came from in the source */
  open(offset: number, brace: Brace): void {
    this.endLine();
    if (this.depth >= MAX_NESTING) {
      this.awaiting = undefined;
      if (this.dropped++ === 0) this.problems.push({ token: new ParserToken(LBrace, offset, undefined, brace, this.anchor), kind: 'nesting-too-deep' });
      return;
    }
    const previous = this.tokens[this.tokens.length - 1];
    const after = previous?.tokenType === Line ? previous.statement : undefined;
    let type = LBrace;
    // with an opener, a '{' after a keyword that opens no block where it stands is one keepalived ignores
    if (this.opener && after) {
      if (this.awaiting?.line === previous) this.frames.push({ context: this.awaiting.inner, endsEnclosing: this.awaiting.repeated });
      else type = IgnoredLBrace;
    }
    this.awaiting = undefined;
    this.textDepth++;
    const token = new ParserToken(type, offset, type === IgnoredLBrace ? after : undefined, brace, this.anchor);
    if (++this.depth > this.deepest) this.deepest = this.depth;
    this.tokens.push(token);
  }

  close(offset: number, brace: Brace): void {
    this.endLine();
    if (this.dropped > 0) {
      this.dropped--;
      return;
    }
    if (this.awaiting) this.openImplicitly();
    // a '}' the text does not open, which closes a block keepalived opened without a '{'
    const closesImplicit = this.textDepth === 0 && this.frames.length > 0;
    this.textDepth = Math.max(0, this.textDepth - 1);
    this.depth = Math.max(0, this.depth - 1);
    // the parser closes the innermost block a statement opened, if any
    const closed = this.frames.pop();
    const token = new ParserToken(RBrace, offset, undefined, brace, this.anchor);
    if (closesImplicit) this.problems.push({ token, kind: 'extra-close-brace' });
    this.tokens.push(token);
    if (closed?.endsEnclosing && this.frames.length > 0) {
      // a second '}', of no width, where keepalived's skip leaves the enclosing block
      this.frames.pop();
      this.depth = Math.max(0, this.depth - 1);
      this.tokens.push(new ParserToken(RBrace, offset, undefined, { relativeStart: brace.relativeEnd, relativeEnd: brace.relativeEnd }, this.anchor));
    }
  }

  /** keepalived's block for the awaited line, opened without a '{' at the end of that line */
  private openImplicitly(): void {
    const { line, inner, repeated } = this.awaiting!;
    this.awaiting = undefined;
    // keepalived skips a repeat's block, and without a '{' there is none to skip
    if (repeated || this.depth >= MAX_NESTING) return;
    const at = line.statement!.end - line.anchor.base;
    const token = new ParserToken(ImplicitLBrace, line.startOffset, undefined, { relativeStart: at, relativeEnd: at }, line.anchor);
    this.problems.push({ token, kind: 'implicit-open-brace' });
    this.frames.push({ context: inner });
    if (++this.depth > this.deepest) this.deepest = this.depth;
    this.tokens.push(token);
  }

  private endLine(): void {
    const keyword = this.keyword;
    if (!keyword) return;
    const args = this.pendingCount === 0 ? NO_ARGS : exactCopy(this.pendingArgs, this.pendingCount);
    const line = new ParserToken(Line, this.lineStart, new SourceStatement(this.anchor, keyword, args), NO_BRACE, this.anchor);
    this.tokens.push(line);
    this.keyword = undefined;
    if (this.opener) this.expectBlock(line, keyword.text);
  }

  /** notes whether the line just ended opens a block, which a '{' or, failing one, keepalived itself opens */
  private expectBlock(line: ParserToken, name: string): void {
    const opener = this.opener!;
    const frame = this.frames.length > 0 ? this.frames[this.frames.length - 1] : undefined;
    const context = frame ? frame.context : opener.root;
    const inner = opener.open(context, name);
    if (inner === undefined) {
      this.awaiting = undefined;
      return;
    }
    let repeated = false;
    if (frame && opener.repeatEndsEnclosing(context, name)) {
      repeated = frame.seen?.has(name) ?? false;
      (frame.seen ??= new Set()).add(name);
    }
    this.awaiting = { line, inner, repeated };
  }

  /**
   * Parses the tokens collected so far. Called between top-level statements (a new statement begins with no
   * block open), so the tokens die young instead of living until the whole file is read.
   */
  private parseChunk(): void {
    for (const statement of parseTokens(this.tokens, this.problems)) this.statements.push(statement);
    this.tokens = [];
  }

  parse(): { statements: Statement[]; problems: RawProblem[]; deepest: number } {
    this.endLine();
    if (this.awaiting) this.openImplicitly();
    this.parseChunk();
    return { statements: this.statements, problems: this.problems.sort((a, b) => a.token.startOffset - b.token.startOffset), deepest: this.deepest };
  }
}
