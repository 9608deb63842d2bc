import type { Block, Comment, Statement, Word } from './ast';
import type { LineIndex, Range } from './position';

/**
 * The AST's node classes. Offsets are kept relative to the top-level statement a node belongs to (its
 * anchor), so an edit moves everything after it by shifting one number per top-level statement instead of
 * rebuilding the tree. Line/character ranges are computed when asked for (statements' and comments' are
 * kept until a shift): a large config has hundreds of thousands of words, and most ranges are never needed.
 */
export class Anchor {
  constructor(
    /** source offset every node under this anchor counts from */
    public base: number,
    public lines: LineIndex,
  ) {}
}

/**
 * A range with the version of the line index it was computed with: a shift gives the anchor a new index,
 * which invalidates it. The version, not the index, so that a cached range never keeps an old text alive.
 */
interface CachedRange {
  range: Range;
  version: number;
}

/** `cached` while it was computed against `lines`, else the range of [start, end) computed now. */
function rangeIn(lines: LineIndex, cached: CachedRange | undefined, start: number, end: number): CachedRange {
  return cached?.version === lines.version ? cached : { range: lines.rangeOf(start, end), version: lines.version };
}

abstract class Ranged {
  private cached?: CachedRange;

  constructor(protected readonly anchor: Anchor) {}

  abstract get start(): number;
  abstract get end(): number;

  get range(): Range {
    return (this.cached = rangeIn(this.anchor.lines, this.cached, this.start, this.end)).range;
  }
}

const QUOTED = 1;
const EXPANDED = 2;
/** the flags sit below the end offset: end * FLAGS + flags (arithmetic, not shifts, so no size limit) */
const FLAGS = 4;

/**
 * The most numerous node (a large config has hundreds of thousands), so it is kept small: no cached range
 * (words' ranges are rarely asked for, and a line lookup is cheap) and the flags packed with the end offset.
 */
export class SourceWord implements Word {
  /** use `at`; the fields are read by SourceStatement, which keeps its keyword's inline */
  constructor(
    private readonly anchor: Anchor,
    readonly relativeStart: number,
    /** end * FLAGS + flags */
    readonly endAndFlags: number,
    readonly text: string,
  ) {}

  static at(anchor: Anchor, relativeStart: number, relativeEnd: number, text: string, quoted: boolean, expanded: boolean): SourceWord {
    return new SourceWord(anchor, relativeStart, relativeEnd * FLAGS + (quoted ? QUOTED : 0) + (expanded ? EXPANDED : 0), text);
  }

  get quoted(): boolean {
    return (this.endAndFlags % FLAGS & QUOTED) !== 0;
  }

  get expanded(): boolean {
    return (this.endAndFlags % FLAGS & EXPANDED) !== 0;
  }

  get start(): number {
    return this.anchor.base + this.relativeStart;
  }

  get end(): number {
    return this.anchor.base + Math.floor(this.endAndFlags / FLAGS);
  }

  get range(): Range {
    return this.anchor.lines.rangeOf(this.start, this.end);
  }

  get raw(): string {
    return this.anchor.lines.text.slice(this.start, this.end);
  }
}

/**
 * A statement keeps its keyword's fields inline rather than a word object: one object fewer for each of the
 * tens of thousands of statements the collector must move into the old generation. `name` is what the checks
 * read; `keyword` makes the word when it is asked for (for its range, mostly).
 */
export class SourceStatement extends Ranged implements Statement {
  block?: SourceBlock;
  parent: Statement | undefined = undefined;
  private relativeEnd: number;
  readonly name: string;
  private readonly keywordStart: number;
  private readonly keywordEndAndFlags: number;

  constructor(
    anchor: Anchor,
    keyword: SourceWord,
    readonly args: Word[],
  ) {
    super(anchor);
    this.name = keyword.text;
    this.keywordStart = keyword.relativeStart;
    this.keywordEndAndFlags = keyword.endAndFlags;
    this.relativeEnd = (args.length > 0 ? args[args.length - 1].end : keyword.end) - anchor.base;
  }

  /** a new object on each use (not kept, or features that visit every statement would bring them all back): compare words by position */
  get keyword(): Word {
    return new SourceWord(this.anchor, this.keywordStart, this.keywordEndAndFlags, this.name);
  }

  /** the anchor of a top-level statement, for moving it (and all it holds) after an edit */
  get topLevelAnchor(): Anchor {
    return this.anchor;
  }

  get start(): number {
    return this.anchor.base + this.keywordStart;
  }

  get end(): number {
    return this.anchor.base + this.relativeEnd;
  }

  /** the same statement as a new object, without its block (attach gives it one) */
  renewed(): SourceStatement {
    const copy = new SourceStatement(this.anchor, this.keyword as SourceWord, this.args);
    copy.parent = this.parent;
    return copy;
  }

  attach(block: SourceBlock): void {
    this.block = block;
    this.relativeEnd = block.end - this.anchor.base;
    for (const inner of block.statements) (inner as SourceStatement).parent = this;
  }
}

/** A brace relative to its anchor (a `$NAME` can expand to one, so it may span more than one character). */
export interface Brace {
  relativeStart: number;
  relativeEnd: number;
}

export class SourceBlock implements Block {
  private readonly openStart: number;
  private readonly openEnd: number;
  /** -1 when the block is never closed */
  private readonly closeStart: number;
  private readonly closeEnd: number;

  constructor(
    private readonly anchor: Anchor,
    open: Brace,
    close: Brace | undefined,
    /** replaced (never mutated) when statements after a block left open are nested into it, see openBlocks.ts */
    public statements: Statement[],
  ) {
    this.openStart = open.relativeStart;
    this.openEnd = open.relativeEnd;
    this.closeStart = close ? close.relativeStart : -1;
    this.closeEnd = close ? close.relativeEnd : -1;
  }

  get openOffset(): number {
    return this.anchor.base + this.openStart;
  }

  /** a real brace has a width: keepalived opened this block without one (see ImplicitLBrace) */
  get implicitOpen(): boolean {
    return this.openStart === this.openEnd;
  }

  get closeOffset(): number | undefined {
    return this.closeStart < 0 ? undefined : this.anchor.base + this.closeStart;
  }

  get open(): Range {
    const base = this.anchor.base;
    return this.anchor.lines.rangeOf(base + this.openStart, base + this.openEnd);
  }

  get close(): Range | undefined {
    if (this.closeStart < 0) return undefined;
    const base = this.anchor.base;
    return this.anchor.lines.rangeOf(base + this.closeStart, base + this.closeEnd);
  }

  /** where the owning statement ends: at the closing brace, or after the last thing inside */
  get end(): number {
    if (this.closeStart >= 0) return this.anchor.base + this.closeEnd;
    const last = this.statements[this.statements.length - 1];
    return Math.max(last?.end ?? 0, this.anchor.base + this.openEnd);
  }
}

/**
 * Comments sit between statements, so they keep absolute offsets, against an anchor of their own at 0 that
 * an edit points at the new text (comments after the edit are rebuilt, moved).
 */
export class SourceComment implements Comment {
  private cached?: CachedRange;

  constructor(
    private readonly anchor: Anchor,
    readonly text: string,
    readonly start: number,
    readonly end: number,
  ) {}

  get range(): Range {
    return (this.cached = rangeIn(this.anchor.lines, this.cached, this.start, this.end)).range;
  }

  shifted(delta: number): SourceComment {
    return new SourceComment(this.anchor, this.text, this.start + delta, this.end + delta);
  }
}
