import type { Block, Comment, ConfigFile, Diagnostic, Statement, Word } from './ast';
import { parseTokens, type RawProblem, type StatementSink } from './parser';
import { LineIndex } from './position';
import { preprocess, type PreprocessOptions, type Preprocessed } from './preprocess';
import { scan, type Tokens } from './scanner';
import { unterminatedQuote, wordValue } from './words';

export * from './ast';
export * from './position';
export type { PreprocessOptions } from './preprocess';

const PROBLEM_MESSAGES: Record<RawProblem['kind'], string> = {
  'unexpected-open-brace': "Unexpected '{': it follows no keyword, so keepalived ignores it and its matching '}' closes the enclosing block early",
  'extra-close-brace': "Extra '}' found: no block is open here",
  'missing-close-brace': "Missing '}': this block is never closed, so keepalived reads the rest of the file inside it",
  'nesting-too-deep': 'Blocks nested too deeply: keepalived never nests this far; deeper braces are ignored',
};

/** Parses one keepalived.conf text into an AST with source ranges. Never throws; linear in the input. */
export function parseConfig(text: string, options: PreprocessOptions = {}): ConfigFile {
  const lines = new LineIndex(text);
  const expanded = preprocess(text, options);
  const lexed = scan(expanded.text);
  const mapper = new SourceMapper(expanded, lines, lexed.tokens);
  const { statements, problems } = parseTokens(lexed.tokens, mapper);
  const diagnostics: Diagnostic[] = [];

  for (const issue of expanded.issues) {
    diagnostics.push({ range: lines.rangeOf(issue.start, issue.end), severity: 'error', code: issue.code, message: issue.message });
  }
  for (const error of lexed.errors) {
    const start = mapper.start(error.offset);
    diagnostics.push({ range: lines.rangeOf(start, start + error.length), severity: 'error', code: 'syntax', message: `Unexpected character '${expanded.text.substr(error.offset, error.length)}'` });
  }
  for (const problem of problems) {
    diagnostics.push({ range: mapper.tokenRange(problem.token), severity: 'error', code: problem.kind, message: PROBLEM_MESSAGES[problem.kind] });
  }

  diagnostics.push(...mapper.wordDiagnostics);
  const comments: Comment[] = lexed.comments.map((token) => {
    const start = mapper.start(token.startOffset);
    const end = mapper.end(token.startOffset + token.image.length);
    return { text: token.image, start, end, range: lines.rangeOf(start, end) };
  });

  return {
    text,
    lines,
    statements,
    comments,
    definitions: expanded.definitions,
    parameterUses: expanded.uses,
    inactive: expanded.inactive.map((r) => lines.rangeOf(r.start, r.end)),
    diagnostics,
  };
}

/** Builds AST nodes with source offsets and ranges from parser output (offsets in the expanded text). */
class SourceMapper implements StatementSink<Statement> {
  /** problems found in single words (unterminated quotes), in reading order */
  readonly wordDiagnostics: Diagnostic[] = [];

  constructor(
    private readonly expanded: Preprocessed,
    private readonly lines: LineIndex,
    private readonly tokens: Tokens,
  ) {}

  start(offset: number): number {
    return this.expanded.startMap ? this.expanded.startMap[offset] : offset;
  }

  /** source offset where the expanded text ending at `offset` (exclusive) ends */
  end(offset: number): number {
    if (!this.expanded.endMap) return offset;
    return offset > 0 ? this.expanded.endMap[offset - 1] : 0;
  }

  tokenRange(token: number) {
    return this.lines.rangeOf(this.start(this.tokens.starts[token]), this.end(this.tokens.ends[token]));
  }

  word(token: number): Word {
    const startOffset = this.tokens.starts[token];
    const endOffset = this.tokens.ends[token];
    const image = this.tokens.image(token);
    const start = this.start(startOffset);
    const end = this.end(endOffset);
    const expanded = this.expanded.startMap !== undefined && (end - start !== image.length || this.lines.text.slice(start, end) !== image);
    const range = this.lines.rangeOf(start, end);
    const quoted = /["']/.test(image);
    const quote = quoted ? unterminatedQuote(image) : undefined;
    if (quote) {
      this.wordDiagnostics.push({ range, severity: 'error', code: 'unterminated-quote', message: `Unterminated quote: the ${quote} is never closed on this line` });
    }
    return {
      text: wordValue(image),
      // without preprocessing the token's image is that very source text: reuse it instead of copying
      raw: this.expanded.startMap === undefined ? image : this.lines.text.slice(start, end),
      range,
      start,
      end,
      quoted,
      expanded,
    };
  }

  statement(order: Int32Array, first: number, count: number, parent: Statement | undefined): Statement {
    const keyword = this.word(order[first]);
    const args: Word[] = [];
    for (let i = 1; i < count; i++) args.push(this.word(order[first + i]));
    const statement: Statement = { keyword, args, range: keyword.range, start: keyword.start, end: keyword.end, parent };
    const last = args[args.length - 1] ?? keyword;
    statement.end = last.end;
    return statement;
  }

  finish(statement: Statement, raw: { open: number; statements: Statement[]; close: number | undefined } | undefined): void {
    if (raw) {
      const starts = this.tokens.starts;
      const block: Block = { open: this.tokenRange(raw.open), openOffset: this.start(starts[raw.open]), statements: raw.statements };
      if (raw.close !== undefined) {
        block.close = this.tokenRange(raw.close);
        block.closeOffset = this.start(starts[raw.close]);
      }
      statement.block = block;
      const lastInside = block.statements[block.statements.length - 1];
      statement.end = raw.close !== undefined ? this.end(starts[raw.close] + 1) : Math.max(lastInside?.end ?? 0, this.end(starts[raw.open] + 1));
    }
    statement.range = this.lines.rangeOf(statement.start, statement.end);
  }
}
