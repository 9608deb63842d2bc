import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver';
import { LexemeKind, lexemes, type Lexeme } from '../syntax/lexer';
import { commentStart } from '../syntax/preprocess';

/**
 * Formatting that can only change whitespace and line breaks where keepalived does not care:
 * - leading whitespace becomes the nesting depth times the indent;
 * - trailing whitespace goes (unless a backslash escapes it), runs of blank lines shrink to one and
 *   blank lines at the start and end of the file go; every line keeps its own line break (CR matters
 *   after a backslash or inside an unclosed quote);
 * - a plain line holding several braces is split so each statement, `{`-ending head and `}` stands on
 *   its own line, words separated by one space.
 * Lines the preprocessor rewrites (`@id`, `$NAME=`, `~SEQ`, lines using `$`) and the continuation lines
 * of a multi-line definition are only re-indented: splitting them would change what they expand to.
 * A rebuilt line is lexed again and kept only if it yields the very same tokens.
 */

export interface FormatSettings {
  /** one level of indentation: spaces, or a tab */
  indent: string;
}

/**
 * One level of indentation: the user's own keepalived.format.indentWidth when they set it, else what the
 * editor asks for (its tab size, or a tab where it does not insert spaces).
 */
export function formatSettings(format: { indentWidth: number; indentWidthSet: boolean }, options?: Partial<Pick<FormattingOptions, 'insertSpaces' | 'tabSize'>>): FormatSettings {
  if (format.indentWidthSet) return { indent: ' '.repeat(Math.max(1, format.indentWidth)) };
  if (options?.insertSpaces === false) return { indent: '\t' };
  const width = typeof options?.tabSize === 'number' && Number.isInteger(options.tabSize) && options.tabSize > 0 ? Math.min(options.tabSize, 16) : format.indentWidth;
  return { indent: ' '.repeat(width) };
}

/**
 * Indentation stops growing at this depth (keepalived's own blocks nest about five deep): a file of
 * thousands of nested blocks would otherwise format to a size quadratic in its own (gigabytes of edits).
 */
const MAX_INDENT_DEPTH = 32;

/** Each source line becomes zero (deleted) or more lines. */
type LineResult = string[];

const DEFINITION = /^\$[A-Za-z_][A-Za-z0-9_]*[ \t]*=/;

function trimLine(line: string): string {
  const start = line.search(/[^ \t\f\v\r]/);
  if (start < 0) return '';
  let end = line.length;
  while (end > start && ' \t\f\v\r'.includes(line[end - 1])) end--;
  // A word may end in blanks: escaped (`a\ `) or inside a quote left open to the end of the line.
  for (const token of lexemes(line) ?? []) {
    if (token.kind === LexemeKind.Word) end = Math.max(end, token.start + token.image.length);
  }
  // once $NAME is expanded, a quote may run to the end of the line, blanks included: the raw line's lexemes
  // cannot tell, so such a line keeps its trailing blanks
  if (line.includes('$') && /['"]/.test(line)) end = line.replace(/\r$/, '').length;
  return line.slice(start, end);
}

/** Net brace count of a line's code part, as the lexer sees it, and whether it starts with '}'. */
function braces(code: string): { net: number; leadingClose: boolean } {
  let net = 0;
  for (const token of lexemes(code) ?? []) {
    if (token.kind === LexemeKind.LBrace) net++;
    else if (token.kind === LexemeKind.RBrace) net--;
  }
  return { net, leadingClose: code.startsWith('}') };
}

function sameTokens(a: Lexeme[], b: Lexeme[]): boolean {
  return a.length === b.length && a.every((t, i) => t.image === b[i].image && t.kind === b[i].kind);
}

class LineFormatter {
  depth = 0;
  private continuation = false;

  constructor(private readonly indent: string) {}

  private pad(depth: number): string {
    return this.indent.repeat(Math.min(MAX_INDENT_DEPTH, Math.max(0, depth)));
  }

  /** Re-indents a line as it is, following its braces. */
  private reindent(trimmed: string, code: string): LineResult {
    const { net, leadingClose } = braces(code);
    const out = this.pad(this.depth - (leadingClose ? 1 : 0)) + trimmed;
    this.depth = Math.max(0, this.depth + net);
    return [out];
  }

  line(raw: string): LineResult {
    if (this.continuation) {
      const trimmed = raw.trim();
      const code = trimmed.slice(0, commentStart(trimmed)).trim();
      this.continuation = code.endsWith('\\');
      return [trimmed ? this.pad(this.depth + 1) + trimmed : ''];
    }
    const trimmed = trimLine(raw);
    if (trimmed === '') return [''];
    if (trimmed.startsWith('#') || trimmed.startsWith('!')) return [this.pad(this.depth) + trimmed];
    if (trimmed.startsWith('@')) {
      const rest = trimmed.replace(/^@\^?\S*[ \t]*/, '');
      // `@id` alone is an inactive line, `@id ` with a blank an empty active one: keep the blank.
      return this.reindent(rest ? trimmed : raw.trimStart(), rest);
    }
    if (DEFINITION.test(trimmed)) {
      const body = trimmed.slice(trimmed.indexOf('=') + 1);
      this.continuation = body.slice(0, commentStart(body)).trim().endsWith('\\');
      return [this.pad(this.depth) + trimmed];
    }
    if (trimmed.startsWith('~SEQ') || trimmed.includes('$')) return this.reindent(trimmed, trimmed);
    return this.plain(trimmed);
  }

  /** Splits a plain line at its braces, checking the result lexes to the same tokens. */
  private plain(trimmed: string): LineResult {
    const tokens = lexemes(trimmed);
    if (!tokens) return this.reindent(trimmed, trimmed);
    const segments: { tokens: Lexeme[]; depth: number }[] = [];
    let current: Lexeme[] = [];
    let depth = this.depth;
    const flush = () => {
      if (current.length) segments.push({ tokens: current, depth });
      current = [];
    };
    for (const token of tokens) {
      if (token.kind === LexemeKind.LBrace) {
        current.push(token);
        flush();
        depth++;
      } else if (token.kind === LexemeKind.RBrace) {
        flush();
        depth = Math.max(0, depth - 1);
        current.push(token);
        flush();
      } else if (token.kind === LexemeKind.Comment && current.length === 0 && segments.length > 0) {
        segments[segments.length - 1].tokens.push(token);
      } else {
        current.push(token);
      }
    }
    flush();
    const lines = segments.map((s) => s.tokens.map((t) => t.image).join(' '));
    const relexed = lexemes(lines.join('\n'))?.filter((t) => t.image !== '\n');
    if (!relexed || !sameTokens(relexed, tokens)) return this.reindent(trimmed, trimmed);
    this.depth = depth;
    return lines.map((text, i) => this.pad(segments[i].depth) + text);
  }
}

interface Formatted {
  /** source lines without their line break */
  source: string[];
  /** each source line's own line break ('' for a last line without one): kept, so a backslash or an
   * open quote at the end of a line reads the same CR or LF as before */
  breaks: string[];
  results: LineResult[];
  /** the file's usual line break, for lines a split creates */
  eol: string;
}

function formatByLine(text: string, settings: FormatSettings): Formatted {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const source: string[] = [];
  const breaks: string[] = [];
  for (let at = 0; at < text.length; ) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    const cr = end > at && text[end - 1] === '\r' && nl >= 0;
    source.push(text.slice(at, cr ? end - 1 : end));
    breaks.push(nl < 0 ? '' : cr ? '\r\n' : '\n');
    at = nl < 0 ? text.length : nl + 1;
  }
  const formatter = new LineFormatter(settings.indent);
  const results = source.map((line) => formatter.line(line));
  // Blank lines: none at the start or end of the file, never two in a row.
  let previousBlank = true;
  for (const result of results) {
    if (result.length === 1 && result[0] === '') {
      if (previousBlank) result.length = 0;
      previousBlank = true;
    } else if (result.length > 0) {
      previousBlank = false;
    }
  }
  for (let i = results.length - 1; i >= 0; i--) {
    const r = results[i];
    if (r.length === 0) continue;
    if (r.length === 1 && r[0] === '') r.length = 0;
    else break;
  }
  return { source, breaks, results, eol };
}

function joined(formatted: Formatted, i: number): string {
  return formatted.results[i].join(formatted.breaks[i] || formatted.eol);
}

export function formatText(text: string, settings: FormatSettings): string {
  const formatted = formatByLine(text, settings);
  let out = '';
  formatted.results.forEach((result, i) => {
    if (result.length) out += joined(formatted, i) + formatted.breaks[i];
  });
  return out;
}

/** Edits for the source lines from `first` to `last` (inclusive) that change. */
function editsFor(formatted: Formatted, first: number, last: number): TextEdit[] {
  const { source, results, breaks } = formatted;
  const edits: TextEdit[] = [];
  for (let i = Math.max(0, first); i <= last && i < source.length; i++) {
    if (results[i].length === 0) {
      const end = breaks[i] ? { line: i + 1, character: 0 } : { line: i, character: source[i].length };
      edits.push({ range: { start: { line: i, character: 0 }, end }, newText: '' });
      continue;
    }
    const newText = joined(formatted, i);
    if (newText !== source[i]) edits.push({ range: { start: { line: i, character: 0 }, end: { line: i, character: source[i].length } }, newText });
  }
  return edits;
}

/**
 * A lone CR ends a line for the editor but not for keepalived (nor for the line splitting here): edits
 * would land on the wrong lines, so such a file is left as it is (the analysis reports each lone CR).
 */
function hasLoneCarriageReturn(text: string): boolean {
  for (let at = text.indexOf('\r'); at !== -1; at = text.indexOf('\r', at + 1)) if (text.charCodeAt(at + 1) !== 10) return true;
  return false;
}

export function formatDocument(text: string, settings: FormatSettings): TextEdit[] {
  if (hasLoneCarriageReturn(text)) return [];
  const formatted = formatByLine(text, settings);
  return editsFor(formatted, 0, formatted.source.length - 1);
}

/** Formats the lines the range touches, with the indentation the whole document gives them. */
export function formatRange(text: string, range: Range, settings: FormatSettings): TextEdit[] {
  if (hasLoneCarriageReturn(text)) return [];
  const formatted = formatByLine(text, settings);
  const last = range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line;
  return editsFor(formatted, range.start.line, last);
}
