import type { Block, Comment, ConfigFile, Diagnostic, Statement, Word } from './ast';
import { parseTokens, type RawBlock, type RawProblem, type RawStatement } from './parser';
import { LineIndex } from './position';
import { preprocess, type PreprocessOptions, type Preprocessed } from './preprocess';
import { scan, type Token } from './scanner';
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
  const { statements: raw, problems } = parseTokens(lexed.tokens);
  const mapper = new SourceMapper(expanded, lines);
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

  const statements = raw.map((s) => mapper.statement(s, undefined, diagnostics));
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

/** Turns parser output (offsets in the expanded text) into AST nodes with source offsets and ranges. */
class SourceMapper {
  constructor(
    private readonly expanded: Preprocessed,
    private readonly lines: LineIndex,
  ) {}

  start(offset: number): number {
    return this.expanded.startMap ? this.expanded.startMap[offset] : offset;
  }

  /** source offset where the expanded text ending at `offset` (exclusive) ends */
  end(offset: number): number {
    if (!this.expanded.endMap) return offset;
    return offset > 0 ? this.expanded.endMap[offset - 1] : 0;
  }

  tokenRange(token: Token) {
    return this.lines.rangeOf(this.start(token.startOffset), this.end(token.startOffset + token.image.length));
  }

  word(token: Token, diagnostics: Diagnostic[]): Word {
    const startOffset = token.startOffset;
    const endOffset = startOffset + token.image.length;
    const start = this.start(startOffset);
    const end = this.end(endOffset);
    const expanded = this.expanded.startMap !== undefined && (end - start !== token.image.length || this.lines.text.slice(start, end) !== token.image);
    const range = this.lines.rangeOf(start, end);
    const quoted = /["']/.test(token.image);
    const quote = quoted ? unterminatedQuote(token.image) : undefined;
    if (quote) {
      diagnostics.push({ range, severity: 'error', code: 'unterminated-quote', message: `Unterminated quote: the ${quote} is never closed on this line` });
    }
    return {
      text: wordValue(token.image),
      // without preprocessing the token's image is that very source text: reuse it instead of copying
      raw: this.expanded.startMap === undefined ? token.image : this.lines.text.slice(start, end),
      range,
      start,
      end,
      quoted,
      expanded,
    };
  }

  statement(raw: RawStatement, parent: Statement | undefined, diagnostics: Diagnostic[]): Statement {
    // plain loops: destructuring with a rest element goes through the iterator protocol, and this runs
    // once per statement (it dominated parse time on 100k-line configs)
    const keyword = this.word(raw.words[0], diagnostics);
    const args: Word[] = [];
    for (let i = 1; i < raw.words.length; i++) args.push(this.word(raw.words[i], diagnostics));
    const statement: Statement = { keyword, args, range: keyword.range, start: keyword.start, end: keyword.end, parent };
    const last = args[args.length - 1] ?? keyword;
    statement.end = last.end;
    if (raw.block) {
      statement.block = this.block(raw.block, statement, diagnostics);
      const close = raw.block.close;
      const lastInside = statement.block.statements[statement.block.statements.length - 1];
      statement.end = close ? this.end(close.startOffset + 1) : Math.max(lastInside?.end ?? 0, this.end(raw.block.open.startOffset + 1));
    }
    statement.range = this.lines.rangeOf(statement.start, statement.end);
    return statement;
  }

  block(raw: RawBlock, owner: Statement, diagnostics: Diagnostic[]): Block {
    const openOffset = this.start(raw.open.startOffset);
    const block: Block = {
      open: this.tokenRange(raw.open),
      openOffset,
      statements: raw.statements.map((s) => this.statement(s, owner, diagnostics)),
    };
    if (raw.close) {
      block.close = this.tokenRange(raw.close);
      block.closeOffset = this.start(raw.close.startOffset);
    }
    return block;
  }
}
