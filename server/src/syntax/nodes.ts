import type { Block, Statement, Word } from './ast';
import type { LineIndex, Range } from './position';

/**
 * The AST's node classes. They compute line/character ranges on first use: a large config has hundreds of
 * thousands of words, and most ranges are never asked for (only those of diagnostics, hovers and edits).
 */
export class SourceWord implements Word {
  private cachedRange?: Range;

  constructor(
    private readonly lines: LineIndex,
    readonly start: number,
    readonly end: number,
    readonly text: string,
    readonly quoted: boolean,
    readonly expanded: boolean,
  ) {}

  get raw(): string {
    return this.lines.text.slice(this.start, this.end);
  }

  get range(): Range {
    return (this.cachedRange ??= this.lines.rangeOf(this.start, this.end));
  }
}

export class SourceStatement implements Statement {
  block?: Block;
  parent: Statement | undefined = undefined;
  private cachedRange?: Range;

  constructor(
    private readonly lines: LineIndex,
    readonly keyword: Word,
    readonly args: Word[],
    public end: number,
  ) {}

  get start(): number {
    return this.keyword.start;
  }

  get range(): Range {
    return (this.cachedRange ??= this.lines.rangeOf(this.start, this.end));
  }
}

/** A brace in source offsets (a `$NAME` can expand to one, so it may span more than one character). */
export interface Brace {
  start: number;
  end: number;
}

export class SourceBlock implements Block {
  private cachedOpen?: Range;
  private cachedClose?: Range;

  constructor(
    private readonly lines: LineIndex,
    private readonly openBrace: Brace,
    private readonly closeBrace: Brace | undefined,
    readonly statements: Statement[],
  ) {}

  get openOffset(): number {
    return this.openBrace.start;
  }

  get open(): Range {
    return (this.cachedOpen ??= this.lines.rangeOf(this.openBrace.start, this.openBrace.end));
  }

  get closeOffset(): number | undefined {
    return this.closeBrace?.start;
  }

  get close(): Range | undefined {
    if (!this.closeBrace) return undefined;
    return (this.cachedClose ??= this.lines.rangeOf(this.closeBrace.start, this.closeBrace.end));
  }

  /** where the owning statement ends: at the closing brace, or after the last thing inside */
  get end(): number {
    if (this.closeBrace) return this.closeBrace.end;
    const last = this.statements[this.statements.length - 1];
    return Math.max(last?.end ?? 0, this.openBrace.end);
  }
}
