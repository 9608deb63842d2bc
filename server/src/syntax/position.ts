/** 0-based line and UTF-16 character, as LSP counts them. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

let nextVersion = 1;

/** whether a line ends just after `at`: a LF, or a CR not followed by a LF (the CR of a CR LF is not a break) */
function isBreakEnd(text: string, at: number): boolean {
  const ch = text.charCodeAt(at);
  return ch === 10 || (ch === 13 && text.charCodeAt(at + 1) !== 10);
}

/** Converts offsets in a text to positions; built once per text, O(log lines) per lookup. */
export class LineIndex {
  private readonly lineStarts: Int32Array;
  /** tells indexes apart without holding on to them (a cached range keeps this number, not the text) */
  readonly version = nextVersion++;

  constructor(
    readonly text: string,
    lineStarts?: Int32Array,
  ) {
    this.lineStarts = lineStarts ?? LineIndex.startsOf(text, 0, text.length, [0]);
  }

  /**
   * Starts of the lines after the line breaks at [from, to): LSP counts CR LF, LF and a lone CR as line
   * breaks (keepalived only LF: a lone CR is a blank to it, which the analysis reports).
   */
  private static startsOf(text: string, from: number, to: number, starts: number[]): Int32Array {
    let lf = text.indexOf('\n', from);
    let cr = text.indexOf('\r', from);
    for (;;) {
      const at = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
      if (at === -1 || at >= to) break;
      if (at === lf) lf = text.indexOf('\n', at + 1);
      else cr = text.indexOf('\r', at + 1);
      if (isBreakEnd(text, at)) starts.push(at + 1);
    }
    return Int32Array.from(starts);
  }

  /** the same for a short region (an edit): a walk over it, never a search to the end of the text */
  private static startsIn(text: string, from: number, to: number): Int32Array {
    const starts: number[] = [];
    for (let at = from; at < to && at < text.length; at++) if (isBreakEnd(text, at)) starts.push(at + 1);
    return Int32Array.from(starts);
  }

  /**
   * The index of `text`, which is this index's text with [from, oldTo) replaced by [from, newTo): only the
   * replaced lines are searched again, the rest is copied (and moved). A break's start depends on the
   * character after it (CR LF or a lone CR), so the search begins one character early and ends one late.
   */
  edited(text: string, from: number, oldTo: number, newTo: number): LineIndex {
    const old = this.lineStarts;
    const kept = Math.max(1, LineIndex.countBelow(old, from));
    const after = Math.max(kept, LineIndex.countBelow(old, oldTo + 2));
    const region = LineIndex.startsIn(text, Math.max(0, from - 1), newTo + 1);
    const starts = new Int32Array(kept + region.length + old.length - after);
    starts.set(old.subarray(0, kept));
    starts.set(region, kept);
    const delta = newTo - oldTo;
    for (let i = after, j = kept + region.length; i < old.length; i++, j++) starts[j] = old[i] + delta;
    return new LineIndex(text, starts);
  }

  /** how many of the sorted starts are below `offset` */
  private static countBelow(starts: Int32Array, offset: number): number {
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (starts[mid] < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: offset - starts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[Math.max(0, position.line)];
    const end = position.line + 1 < this.lineStarts.length ? this.lineStarts[position.line + 1] - 1 : this.text.length;
    return Math.min(start + Math.max(0, position.character), end);
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.min(Math.max(0, line), this.lineStarts.length - 1)];
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}

export function containsPosition(range: Range, pos: Position): boolean {
  if (pos.line < range.start.line || pos.line > range.end.line) return false;
  if (pos.line === range.start.line && pos.character < range.start.character) return false;
  if (pos.line === range.end.line && pos.character > range.end.character) return false;
  return true;
}

/** just after the line break that ends the line holding `offset` (or the end of the text) */
export function lineEndAfter(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}
