import type { Comment, Diagnostic, Statement } from './ast';
import { LexemeKind, scan } from './lexer';
import { SourceComment, SourceWord, type Anchor } from './nodes';
import { TokenCollector } from './collector';
import type { ParserToken, RawProblem } from './parser';
import type { LineIndex } from './position';
import type { Preprocessed } from './preprocess';
import { unterminatedQuote, wordValue } from './words';

const PROBLEM_MESSAGES: Record<Exclude<RawProblem['kind'], 'ignored-open-brace' | 'implicit-open-brace'>, string> = {
  'unexpected-open-brace': "Unexpected '{': it follows no keyword, so keepalived ignores it and its matching '}' closes the enclosing block early",
  'extra-close-brace': "Extra '}' found: no block is open here",
  'missing-close-brace': "Missing '}': this block is never closed, so keepalived reads the rest of the file inside it",
  'nesting-too-deep': 'Blocks nested too deeply: keepalived never nests this far; deeper braces are ignored',
};

export interface BuiltRegion {
  statements: Statement[];
  comments: Comment[];
  /** lexical problems (unexpected characters, brace problems, unterminated quotes) in source order */
  diagnostics: Diagnostic[];
  /** brace problems reach beyond the region: an edit that has them needs the whole file parsed again */
  structural: boolean;
  /** every brace problem is a block left open at the end (which swallows what follows, and nothing more) */
  unclosedOnly: boolean;
  /** a '}' closes no block of the region (it would close one left open before it) */
  closesOutside: boolean;
  /** the deepest nesting of blocks reached */
  deepest: number;
  /** a keyword opens its block without a '{' (see ImplicitLBrace): only a whole parse gives that tree */
  opensImplicitly: boolean;
}

/**
 * Scans and parses the expanded text between `from` and `to` (a whole file, or whole lines of one between
 * top-level statements) into AST nodes that point back at the source through the preprocessor's map.
 */
export function buildRegion(expanded: Preprocessed, lines: LineIndex, commentAnchor: Anchor, from = 0, to = expanded.text.length): BuiltRegion {
  // A region of an edited text: its words must not keep that whole version of the text alive
  const cut = from > 0 || to < expanded.text.length ? detached : attached;
  const mapper = new SourceMapper(expanded, lines, cut);
  const collector = new TokenCollector(lines, mapper.start(from), expanded.blocks);
  const diagnostics: Diagnostic[] = [];
  const quoteProblems: Diagnostic[] = [];
  const comments: Comment[] = [];
  const text = expanded.text;
  scan(text, (kind, start, end, plainHash) => {
    switch (kind) {
      case LexemeKind.Word:
        collector.word(mapper.word(collector.anchorFor(mapper.start(start)), start, end, plainHash, quoteProblems), start);
        break;
      case LexemeKind.Newline:
        collector.lineBreak();
        break;
      case LexemeKind.LBrace:
        collector.open(start, collector.brace(mapper.start(start), mapper.end(start + 1)));
        break;
      case LexemeKind.RBrace:
        collector.close(start, collector.brace(mapper.start(start), mapper.end(start + 1)));
        break;
      case LexemeKind.Comment:
        comments.push(new SourceComment(commentAnchor, cut(text, start, end), mapper.start(start), mapper.end(end)));
        break;
      default:
        diagnostics.push({ range: lines.rangeOf(mapper.start(start), mapper.end(end)), severity: 'error', code: 'syntax', message: `Unexpected character '${cut(text, start, end)}'` });
    }
  }, from, to);
  const { statements, problems, deepest } = collector.parse();
  for (const problem of problems) {
    const diagnostic = problemDiagnostic(lines, problem);
    if (diagnostic) diagnostics.push(diagnostic);
  }
  diagnostics.push(...quoteProblems);
  diagnostics.sort(byPosition);
  const unclosedOnly = problems.every((problem) => problem.kind === 'missing-close-brace');
  const closesOutside = problems.some((problem) => problem.kind === 'extra-close-brace');
  const opensImplicitly = problems.some((problem) => problem.kind === 'implicit-open-brace');
  return { statements, comments, diagnostics, structural: problems.length > 0, unclosedOnly, closesOutside, deepest, opensImplicitly };
}

function problemDiagnostic(lines: LineIndex, problem: RawProblem): Diagnostic | undefined {
  // the keyword's check reports a block opened without its '{' (it knows the block's name)
  if (problem.kind === 'implicit-open-brace') return undefined;
  const range = braceRange(lines, problem.token);
  if (problem.kind !== 'ignored-open-brace') return { range, severity: 'error', code: problem.kind, message: PROBLEM_MESSAGES[problem.kind] };
  return {
    range,
    severity: 'error',
    code: 'unexpected-block',
    message: `'${problem.token.statement?.name}' opens no block here: keepalived ignores this '{', reads the lines after it as part of the enclosing block, and the next '}' closes that block early`,
  };
}

/** stable, so problems at one place keep the order of the passes that found them */
export function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

function braceRange(lines: LineIndex, token: ParserToken) {
  const base = token.anchor.base;
  return lines.rangeOf(base + token.brace.relativeStart, base + token.brace.relativeEnd);
}

type Cut = (text: string, start: number, end: number) => string;

/** a power of two: a large config has a few thousand distinct words */
const RECENT_SLOTS = 4096;

const attached: Cut = (text, start, end) => text.slice(start, end);

/**
 * V8 keeps a slice of 13 or more characters as a view into the whole text; an AST that outlives that text
 * (the statements an edit did not touch are reused) needs copies, or every edit's text stays in memory.
 */
const detached: Cut = (text, start, end) => (end - start < 13 ? text.slice(start, end) : `${text.slice(start, end)} `.slice(0, -1));

/** Maps offsets in the expanded text back to the source and makes words. */
class SourceMapper {
  /**
   * One string per distinct word: a large config repeats a few thousand words (keywords, small numbers,
   * addresses) hundreds of thousands of times, and sharing them keeps the AST small.
   */
  private readonly words = new Map<string, string>();
  /**
   * The word last seen at each slot of a plain word's hash: most words are found here by comparing characters
   * in place, without cutting a new string and hashing it again for the map.
   */
  private readonly recent: (string | undefined)[] = new Array(RECENT_SLOTS);

  constructor(
    private readonly expanded: Preprocessed,
    private readonly lines: LineIndex,
    private readonly cut: Cut,
  ) {}

  start(offset: number): number {
    return this.expanded.startMap ? this.expanded.startMap[offset] : offset;
  }

  /** source offset where the expanded text ending at `offset` (exclusive) ends */
  end(offset: number): number {
    if (!this.expanded.endMap) return offset;
    return offset > 0 ? this.expanded.endMap[offset - 1] : 0;
  }

  private shared(text: string): string {
    const known = this.words.get(text);
    if (known !== undefined) return known;
    this.words.set(text, text);
    return text;
  }

  /** the plain word at [start, end) of the expanded text, as the one string kept for its text */
  private plain(start: number, end: number, hash: number): string {
    const text = this.expanded.text;
    const slot = hash & (RECENT_SLOTS - 1);
    const seen = this.recent[slot];
    if (seen !== undefined && seen.length === end - start && text.startsWith(seen, start)) return seen;
    return (this.recent[slot] = this.shared(this.cut(text, start, end)));
  }

  /**
   * A word from offsets in the expanded text (`plainHash` as the scanner gave it); an unterminated quote is
   * reported into `problems`.
   */
  word(anchor: Anchor, expandedStart: number, expandedEnd: number, plainHash: number, problems: Diagnostic[]): SourceWord {
    const image = plainHash >= 0 ? this.plain(expandedStart, expandedEnd, plainHash) : this.cut(this.expanded.text, expandedStart, expandedEnd);
    const start = this.start(expandedStart);
    const end = this.end(expandedEnd);
    const expanded = this.expanded.startMap !== undefined && (end - start !== image.length || !this.lines.text.startsWith(image, start));
    const quoted = plainHash < 0 && (image.includes('"') || image.includes("'"));
    const value = plainHash >= 0 ? image : this.shared(quoted || image.includes('\\') ? wordValue(image) : image);
    const word = SourceWord.at(anchor, start - anchor.base, end - anchor.base, value, quoted, expanded);
    if (quoted) {
      const quote = unterminatedQuote(image);
      if (quote) problems.push({ range: word.range, severity: 'error', code: 'unterminated-quote', message: `Unterminated quote: the ${quote} is never closed on this line` });
    }
    return word;
  }
}
