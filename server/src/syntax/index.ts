import type { Comment, ConfigFile, Diagnostic, Word } from './ast';
import { LexemeKind, scan } from './lexer';
import { SourceWord, type Brace } from './nodes';
import { TokenCollector, type ParserToken, type RawProblem } from './parser';
import { LineIndex } from './position';
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
  const mapper = new SourceMapper(expanded, lines);
  const diagnostics: Diagnostic[] = [];
  for (const issue of expanded.issues) {
    diagnostics.push({ range: lines.rangeOf(issue.start, issue.end), severity: 'error', code: issue.code, message: issue.message });
  }

  const quoteProblems: Diagnostic[] = [];
  const collector = new TokenCollector(lines);
  const comments: Comment[] = [];
  const expandedText = expanded.text;
  scan(expandedText, (kind, start, end) => {
    switch (kind) {
      case LexemeKind.Word:
        collector.word(mapper.word(start, end, quoteProblems), start);
        break;
      case LexemeKind.Newline:
        collector.lineBreak();
        break;
      case LexemeKind.LBrace:
        collector.open(start, mapper.brace(start));
        break;
      case LexemeKind.RBrace:
        collector.close(start, mapper.brace(start));
        break;
      case LexemeKind.Comment:
        comments.push(mapper.comment(start, end));
        break;
      default: {
        const from = mapper.start(start);
        diagnostics.push({ range: lines.rangeOf(from, mapper.end(end)), severity: 'error', code: 'syntax', message: `Unexpected character '${expandedText.slice(start, end)}'` });
      }
    }
  });
  const { statements, problems } = collector.parse();
  for (const problem of problems) {
    diagnostics.push({ range: mapper.tokenRange(problem.token), severity: 'error', code: problem.kind, message: PROBLEM_MESSAGES[problem.kind] });
  }
  diagnostics.push(...quoteProblems);

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

  tokenRange(token: ParserToken) {
    return this.lines.rangeOf(token.brace.start, token.brace.end);
  }

  brace(expandedOffset: number): Brace {
    return { start: this.start(expandedOffset), end: this.end(expandedOffset + 1) };
  }

  comment(start: number, end: number): Comment {
    const from = this.start(start);
    const to = this.end(end);
    return { text: this.expanded.text.slice(start, end), start: from, end: to, range: this.lines.rangeOf(from, to) };
  }

  /** A word from offsets in the expanded text; an unterminated quote is reported into `problems`. */
  word(expandedStart: number, expandedEnd: number, problems: Diagnostic[]): Word {
    const image = this.expanded.text.slice(expandedStart, expandedEnd);
    const start = this.start(expandedStart);
    const end = this.end(expandedEnd);
    const text = this.lines.text;
    const expanded = this.expanded.startMap !== undefined && (end - start !== image.length || !text.startsWith(image, start));
    const quoted = image.includes('"') || image.includes("'");
    const word = new SourceWord(this.lines, start, end, quoted || image.includes('\\') ? wordValue(image) : image, quoted, expanded);
    if (quoted) {
      const quote = unterminatedQuote(image);
      if (quote) problems.push({ range: word.range, severity: 'error', code: 'unterminated-quote', message: `Unterminated quote: the ${quote} is never closed on this line` });
    }
    return word;
  }
}
