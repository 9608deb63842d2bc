import { TokenKind, type Tokens } from './scanner';

/**
 * Where the parser delivers statements as it reads them, so no intermediate tree is built (on large
 * configs that tree was garbage the collector had to copy). Tokens are indexes into the scanner's Tokens;
 * a statement's words are `order[first]` to `order[first + count - 1]`.
 */
export interface StatementSink<S> {
  /** a statement's words are read; its block (if any) follows */
  statement(order: Int32Array, first: number, count: number, parent: S | undefined): S;
  /** the statement is complete: with its block's open token, children and close token (if closed) */
  finish(statement: S, block: { open: number; statements: S[]; close: number | undefined } | undefined): void;
}

export interface RawProblem {
  token: number;
  kind: 'unexpected-open-brace' | 'extra-close-brace' | 'missing-close-brace' | 'nesting-too-deep';
}

/** keepalived nests at most a handful of levels; deeper input is garbage and must not exhaust the stack. */
const MAX_NESTING = 64;

/**
 * The indexes of the tokens the grammar reads: drops newlines that only separate a statement from the
 * '{' of its block, and braces nested deeper than MAX_NESTING (reported once).
 */
function prepareTokens(tokens: Tokens, problems: RawProblem[]): Int32Array {
  const kinds = tokens.kinds;
  const count = tokens.count;
  const kept = new Int32Array(count);
  let keptCount = 0;
  let depth = 0;
  let dropped = 0;
  for (let i = 0; i < count; i++) {
    const kind = kinds[i];
    if (kind === TokenKind.LBrace) {
      if (depth >= MAX_NESTING) {
        if (dropped++ === 0) problems.push({ token: i, kind: 'nesting-too-deep' });
        continue;
      }
      depth++;
    } else if (kind === TokenKind.RBrace) {
      if (dropped > 0) {
        dropped--;
        continue;
      }
      depth = Math.max(0, depth - 1);
    }
    if (kind === TokenKind.Newline) {
      let next = i + 1;
      while (next < count && kinds[next] === TokenKind.Newline) next++;
      if (next < count && kinds[next] === TokenKind.LBrace && keptCount > 0 && kinds[kept[keptCount - 1]] === TokenKind.Word) {
        i = next - 1;
        continue;
      }
    }
    kept[keptCount++] = i;
  }
  return kept.subarray(0, keptCount);
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
class Parser<S> {
  private position = 0;

  constructor(
    private readonly kinds: Uint8Array,
    private readonly order: Int32Array,
    private readonly problems: RawProblem[],
    private readonly sink: StatementSink<S>,
  ) {}

  private kindAt(position: number): number {
    return this.kinds[this.order[position]];
  }

  file(): S[] {
    const statements: S[] = [];
    while (this.position < this.order.length) {
      const kind = this.kindAt(this.position);
      if (kind === TokenKind.Word) statements.push(this.statement(undefined));
      else {
        const token = this.order[this.position++];
        if (kind === TokenKind.LBrace) this.problems.push({ token, kind: 'unexpected-open-brace' });
        else if (kind === TokenKind.RBrace) this.problems.push({ token, kind: 'extra-close-brace' });
      }
    }
    return statements;
  }

  private statement(parent: S | undefined): S {
    const order = this.order;
    const first = this.position++;
    while (this.position < order.length && this.kindAt(this.position) === TokenKind.Word) this.position++;
    const statement = this.sink.statement(order, first, this.position - first, parent);
    const hasBlock = this.position < order.length && this.kindAt(this.position) === TokenKind.LBrace;
    this.sink.finish(statement, hasBlock ? this.block(statement) : undefined);
    return statement;
  }

  private block(owner: S): { open: number; statements: S[]; close: number | undefined } {
    const order = this.order;
    const open = order[this.position++];
    const statements: S[] = [];
    while (this.position < order.length) {
      const kind = this.kindAt(this.position);
      if (kind === TokenKind.RBrace) break;
      if (kind === TokenKind.Word) statements.push(this.statement(owner));
      else {
        const token = order[this.position++];
        if (kind === TokenKind.LBrace) this.problems.push({ token, kind: 'unexpected-open-brace' });
      }
    }
    const close = this.position < order.length ? order[this.position++] : undefined;
    if (close === undefined) this.problems.push({ token: open, kind: 'missing-close-brace' });
    return { open, statements, close };
  }
}

/** Parses the token stream, handing each statement to `sink`; stray-brace problems come back sorted. */
export function parseTokens<S>(tokens: Tokens, sink: StatementSink<S>): { statements: S[]; problems: RawProblem[] } {
  const problems: RawProblem[] = [];
  const statements = new Parser(tokens.kinds, prepareTokens(tokens, problems), problems, sink).file();
  const starts = tokens.starts;
  return { statements, problems: problems.sort((a, b) => starts[a.token] - starts[b.token]) };
}
