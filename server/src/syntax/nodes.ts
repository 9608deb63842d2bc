import type { Block, Comment, Statement, Word } from './ast';
import type { LineIndex, Range } from './position';

/**
 * The AST's node classes. Offsets are kept relative to the top-level statement a node belongs to (its
 * anchor), so an edit moves everything after it by shifting one number per top-level statement instead of
 * rebuilding the tree. Line/character ranges are computed on first use and again after a shift: a large
 * config has hundreds of thousands of words, and most ranges are never asked for.
 */
export class Anchor {
  constructor(
    /** source offset every node under this anchor counts from */
    public base: number,
    public lines: LineIndex,
  ) {}
}

/** A range cached for one text: a shift gives the anchor a new LineIndex, which invalidates it. */
abstract class Ranged {
  private cachedRange?: Range;
  private cachedFor?: LineIndex;

  constructor(protected readonly anchor: Anchor) {}

  abstract get start(): number;
  abstract get end(): number;

  get range(): Range {
    const lines = this.anchor.lines;
    if (this.cachedFor !== lines) {
      this.cachedRange = lines.rangeOf(this.start, this.end);
      this.cachedFor = lines;
    }
    return this.cachedRange!;
  }
}

export class SourceWord extends Ranged implements Word {
  constructor(
    anchor: Anchor,
    private readonly relativeStart: number,
    private readonly relativeEnd: number,
    readonly text: string,
    readonly quoted: boolean,
    readonly expanded: boolean,
  ) {
    super(anchor);
  }

  get start(): number {
    return this.anchor.base + this.relativeStart;
  }

  get end(): number {
    return this.anchor.base + this.relativeEnd;
  }

  get raw(): string {
    return this.anchor.lines.text.slice(this.start, this.end);
  }
}

export class SourceStatement extends Ranged implements Statement {
  block?: SourceBlock;
  parent: Statement | undefined = undefined;
  private relativeEnd: number;

  constructor(
    anchor: Anchor,
    readonly keyword: Word,
    readonly args: Word[],
  ) {
    super(anchor);
    this.relativeEnd = (args.length > 0 ? args[args.length - 1].end : keyword.end) - anchor.base;
  }

  /** the anchor of a top-level statement, for moving it (and all it holds) after an edit */
  get topLevelAnchor(): Anchor {
    return this.anchor;
  }

  get start(): number {
    return this.keyword.start;
  }

  get end(): number {
    return this.anchor.base + this.relativeEnd;
  }

  attach(block: SourceBlock): void {
    this.block = block;
    this.relativeEnd = block.end - this.anchor.base;
    for (const inner of block.statements) (inner as SourceStatement).parent = this;
  }
}

/** A brace, relative to its anchor (a `$NAME` can expand to one, so it may span more than one character). */
export interface Brace {
  relativeStart: number;
  relativeEnd: number;
}

export class SourceBlock implements Block {
  private cachedOpen?: Range;
  private cachedClose?: Range;
  private cachedFor?: LineIndex;

  constructor(
    private readonly anchor: Anchor,
    private readonly openBrace: Brace,
    private readonly closeBrace: Brace | undefined,
    readonly statements: Statement[],
  ) {}

  get openOffset(): number {
    return this.anchor.base + this.openBrace.relativeStart;
  }

  get closeOffset(): number | undefined {
    return this.closeBrace && this.anchor.base + this.closeBrace.relativeStart;
  }

  get open(): Range {
    this.refresh();
    return (this.cachedOpen ??= this.braceRange(this.openBrace));
  }

  get close(): Range | undefined {
    if (!this.closeBrace) return undefined;
    this.refresh();
    return (this.cachedClose ??= this.braceRange(this.closeBrace));
  }

  /** where the owning statement ends: at the closing brace, or after the last thing inside */
  get end(): number {
    if (this.closeBrace) return this.anchor.base + this.closeBrace.relativeEnd;
    const last = this.statements[this.statements.length - 1];
    return Math.max(last?.end ?? 0, this.anchor.base + this.openBrace.relativeEnd);
  }

  private braceRange(brace: Brace): Range {
    return this.anchor.lines.rangeOf(this.anchor.base + brace.relativeStart, this.anchor.base + brace.relativeEnd);
  }

  private refresh(): void {
    if (this.cachedFor === this.anchor.lines) return;
    this.cachedOpen = this.cachedClose = undefined;
    this.cachedFor = this.anchor.lines;
  }
}

/** Comments sit between statements, so they keep absolute offsets and are rebuilt when shifted. */
export class SourceComment implements Comment {
  private cachedRange?: Range;

  constructor(
    private readonly lines: LineIndex,
    readonly text: string,
    readonly start: number,
    readonly end: number,
  ) {}

  get range(): Range {
    return (this.cachedRange ??= this.lines.rangeOf(this.start, this.end));
  }

  shifted(lines: LineIndex, delta: number): SourceComment {
    return new SourceComment(lines, this.text, this.start + delta, this.end + delta);
  }
}
