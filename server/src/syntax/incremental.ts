import type { Comment, ConfigFile, Diagnostic, Statement } from './ast';
import { buildRegion } from './build';
import { parseConfig } from './parse';
import { SourceComment, type SourceStatement } from './nodes';
import type { Range } from './position';
import { preprocess, type PreprocessOptions } from './preprocess';

/**
 * Parses `text`, the new text of `previous`, reusing every top-level statement the edit did not touch: the
 * lines between the unchanged statements before and after the edit are parsed again, and the statements
 * after it are moved (one anchor each). Falls back to a whole parse when that could differ: a file the
 * preprocessor changes, brace problems before or after, different options. Same result as parseConfig.
 *
 * Nodes of `previous` are reused and moved, so `previous` must not be used afterwards.
 */
export function reparseConfig(previous: ConfigFile, text: string, options: PreprocessOptions = {}): ConfigFile {
  if (text === previous.text) return previous;
  return (previous.reparse && sameOptions(previous.reparse.options, options) && reparseRegion(previous, text, options)) || parseConfig(text, options);
}

function sameOptions(a: PreprocessOptions, b: PreprocessOptions): boolean {
  return a.configId === b.configId && a.directory === b.directory && !a.inheritedDefinitions?.size && !b.inheritedDefinitions?.size;
}

/** The changed span: [start, oldEnd) of the old text became [start, newEnd) of the new one. */
function changedSpan(before: string, after: string) {
  const limit = Math.min(before.length, after.length);
  let start = 0;
  // whole chunks first: comparing slices runs at memory speed, a character loop does not
  while (start + CHUNK <= limit && before.slice(start, start + CHUNK) === after.slice(start, start + CHUNK)) start += CHUNK;
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let suffix = 0;
  const room = limit - start;
  while (suffix + CHUNK <= room && before.slice(before.length - suffix - CHUNK, before.length - suffix) === after.slice(after.length - suffix - CHUNK, after.length - suffix)) suffix += CHUNK;
  while (suffix < room && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { start, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}

const CHUNK = 4096;

function lineStartBefore(text: string, offset: number): number {
  return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}

/** just after the line break that ends the line holding `offset` (or the end of the text) */
function lineEndAfter(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

/** first index whose statement ends at or after `offset` */
function firstEndingFrom(statements: readonly Statement[], offset: number): number {
  let low = 0;
  let high = statements.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (statements[mid].end < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

function reparseRegion(previous: ConfigFile, text: string, options: PreprocessOptions): ConfigFile | undefined {
  const old = previous.text;
  const span = changedSpan(old, text);
  const top = previous.statements;

  // Whole lines from the first to the last top-level statement the edit touches, grown until no untouched
  // statement shares a line with them.
  let first = firstEndingFrom(top, span.start);
  let last = first - 1;
  while (last + 1 < top.length && top[last + 1].start <= span.oldEnd) last++;
  let from = lineStartBefore(old, Math.min(span.start, first <= last ? top[first].start : span.start));
  while (first > 0 && top[first - 1].end >= from) from = lineStartBefore(old, Math.min(from, top[--first].start));
  let oldTo = lineEndAfter(old, Math.max(span.oldEnd, last >= first ? top[last].end : span.oldEnd));
  while (last + 1 < top.length && top[last + 1].start < oldTo) oldTo = lineEndAfter(old, Math.max(oldTo, top[++last].end));
  const delta = text.length - old.length;
  const newTo = oldTo + delta;
  if (newTo < from) return undefined;

  const region = preprocess(text.slice(from, newTo), options);
  if (region.startMap || region.issues.length || region.definitions.length || region.inactive.length) return undefined;

  const lines = previous.lines.edited(text, from, oldTo, newTo);
  const { commentAnchor } = previous.reparse!;
  const built = buildRegion({ ...region, text }, lines, commentAnchor, from, newTo);
  if (built.structural) return undefined;

  // From here on the previous AST's nodes are moved into the new one.
  commentAnchor.lines = lines;
  for (let i = 0; i < top.length; i++) {
    const anchor = (top[i] as SourceStatement).topLevelAnchor;
    anchor.lines = lines;
    if (i > last) anchor.base += delta;
  }
  const lineDelta = lines.lineCount - previous.lines.lineCount;
  const fromLine = previous.lines.positionAt(from).line;
  const oldToLine = previous.lines.positionAt(oldTo).line;
  return {
    text,
    lines,
    statements: [...top.slice(0, first), ...built.statements, ...top.slice(last + 1)],
    comments: spliceComments(previous.comments, built.comments, from, oldTo, delta),
    definitions: [],
    parameterUses: [],
    inactive: [],
    diagnostics: spliceDiagnostics(previous.diagnostics, built.diagnostics, fromLine, oldToLine, oldTo === old.length, lineDelta),
    reparse: { options, commentAnchor },
  };
}

function spliceComments(previous: readonly Comment[], region: Comment[], from: number, oldTo: number, delta: number): Comment[] {
  const before = previous.filter((c) => c.end <= from);
  const after = previous.filter((c) => c.start >= oldTo).map((c) => (c as SourceComment).shifted(delta));
  return [...before, ...region, ...after];
}

/** Diagnostics of lines before the region stay, those of the region are replaced, those after move. */
function spliceDiagnostics(previous: readonly Diagnostic[], region: Diagnostic[], fromLine: number, oldToLine: number, regionAtEnd: boolean, lineDelta: number): Diagnostic[] {
  const before = previous.filter((d) => d.range.start.line < fromLine);
  const after = regionAtEnd ? [] : previous.filter((d) => d.range.start.line >= oldToLine).map((d) => ({ ...d, range: moveLines(d.range, lineDelta) }));
  return [...before, ...region, ...after];
}

function moveLines(range: Range, lines: number): Range {
  return { start: { line: range.start.line + lines, character: range.start.character }, end: { line: range.end.line + lines, character: range.end.character } };
}
