import type { IToken } from 'chevrotain';
import type { Block, Comment, ConfigFile, Diagnostic, Statement, Word } from './ast';
import { keepalivedLexer } from './lexer';
import { parseTokens, type RawBlock, type RawProblem, type RawStatement } from './parser';
import { LineIndex, type Range } from './position';
import { preprocess, type PreprocessOptions, type Preprocessed } from './preprocess';
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
  const lexed = keepalivedLexer.tokenize(expanded.text);
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
  const comments: Comment[] = (lexed.groups.comments ?? []).map((token) => {
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

  tokenRange(token: IToken) {
    return this.lines.rangeOf(this.start(token.startOffset), this.end(token.startOffset + token.image.length));
  }

  word(token: IToken, diagnostics: Diagnostic[]): Word {
    const image = token.image;
    const start = this.start(token.startOffset);
    const end = this.end(token.startOffset + image.length);
    const text = this.lines.text;
    const expanded = this.expanded.startMap !== undefined && (end - start !== image.length || !text.startsWith(image, start));
    const quoted = image.includes('"') || image.includes("'");
    const word = new SourceWord(this.lines, start, end, quoted || image.includes('\\') ? wordValue(image) : image, quoted, expanded);
    if (quoted) {
      const quote = unterminatedQuote(image);
      if (quote) diagnostics.push({ range: word.range, severity: 'error', code: 'unterminated-quote', message: `Unterminated quote: the ${quote} is never closed on this line` });
    }
    return word;
  }

  statement(raw: RawStatement, parent: Statement | undefined, diagnostics: Diagnostic[]): Statement {
    const words = raw.words;
    const keyword = this.word(words[0], diagnostics);
    const args: Word[] = new Array(words.length - 1);
    for (let i = 1; i < words.length; i++) args[i - 1] = this.word(words[i], diagnostics);
    const last = args.length > 0 ? args[args.length - 1] : keyword;
    const statement = new SourceStatement(this.lines, keyword, args, last.end, parent);
    if (raw.block) {
      const block = this.block(raw.block, statement, diagnostics);
      statement.block = block;
      const close = raw.block.close;
      const lastInside = block.statements[block.statements.length - 1];
      statement.end = close ? this.end(close.startOffset + 1) : Math.max(lastInside?.end ?? 0, this.end(raw.block.open.startOffset + 1));
    }
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

/**
 * AST nodes compute their line/character ranges on first use: a large config has hundreds of thousands of
 * words, and most ranges are never asked for (only those of diagnostics, hovers and edits).
 */
class SourceWord implements Word {
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

class SourceStatement implements Statement {
  block?: Block;
  private cachedRange?: Range;

  constructor(
    private readonly lines: LineIndex,
    readonly keyword: Word,
    readonly args: Word[],
    public end: number,
    readonly parent: Statement | undefined,
  ) {}

  get start(): number {
    return this.keyword.start;
  }

  get range(): Range {
    return (this.cachedRange ??= this.lines.rangeOf(this.start, this.end));
  }
}
