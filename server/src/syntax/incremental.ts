import type { Comment, ConfigFile, Diagnostic, Statement } from './ast';
import { buildRegion, type BuiltRegion } from './build';
import { parseForEditing } from './parse';
import { MAX_NESTING } from './collector';
import { SourceComment, type SourceStatement } from './nodes';
import { nestUnits, openChainOf, openDepth, opensAsParsed, ownEnd, releaseUnit, type OpenChain } from './openBlocks';
import { lineEndAfter, type LineIndex, type Range } from './position';
import { preprocess, type PreprocessOptions } from './preprocess';

/**
 * Parses `text`, the new text of `previous`, reusing every top-level statement the edit did not touch: the
 * lines between the unchanged statements before and after the edit are parsed again, and the statements
 * after it are moved (one anchor each). A block the edit leaves open at the end of those lines swallows the
 * statements after it, which are then nested into it as they are (see openBlocks.ts). Falls back to a whole
 * parse when that could differ: a file the preprocessor changes, any other brace problem (or one the
 * whole parse of `previous` found), different options; that parse cuts a text with blocks left open into
 * units, so the next edit is incremental again. Same result as parseConfig.
 *
 * Nodes of `previous` are reused and moved, so `previous` must not be used afterwards.
 */
export function reparseConfig(previous: ConfigFile, text: string, options: PreprocessOptions = {}): ConfigFile {
  if (text === previous.text) return previous;
  return (previous.reparse && sameOptions(previous.reparse.options, options) && reparseRegion(previous, text, options)) || parseForEditing(text, options);
}

function sameOptions(a: PreprocessOptions, b: PreprocessOptions): boolean {
  return a.configId === b.configId && a.directory === b.directory && a.blocks === b.blocks && !a.inheritedDefinitions?.size && !b.inheritedDefinitions?.size;
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

/** first index whose unit's own lines end at or after `offset` */
function firstEndingFrom(units: readonly Statement[], open: ReadonlyMap<Statement, OpenChain>, offset: number): number {
  let low = 0;
  let high = units.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (ownEnd(units[mid], open) < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

function reparseRegion(previous: ConfigFile, text: string, options: PreprocessOptions): ConfigFile | undefined {
  const old = previous.text;
  const span = changedSpan(old, text);
  const { commentAnchor, units: top, open } = previous.reparse!;
  const endOf = (unit: Statement) => ownEnd(unit, open);

  // Whole lines from the first to the last top-level unit the edit touches, grown until no untouched
  // unit shares a line with them.
  let first = firstEndingFrom(top, open, span.start);
  let last = first - 1;
  while (last + 1 < top.length && top[last + 1].start <= span.oldEnd) last++;
  let from = lineStartBefore(old, Math.min(span.start, first <= last ? top[first].start : span.start));
  const delta = text.length - old.length;
  let oldTo: number;
  let newTo: number;
  let lines: LineIndex;
  let built: BuiltRegion;
  for (;;) {
    while (first > 0 && endOf(top[first - 1]) >= from) from = lineStartBefore(old, Math.min(from, top[--first].start));
    oldTo = lineEndAfter(old, Math.max(span.oldEnd, last >= first ? endOf(top[last]) : span.oldEnd));
    while (last + 1 < top.length && top[last + 1].start < oldTo) oldTo = lineEndAfter(old, Math.max(oldTo, endOf(top[++last])));
    newTo = oldTo + delta;
    if (newTo < from) return undefined;

    const region = preprocess(text.slice(from, newTo), options);
    if (region.startMap || region.issues.length || region.definitions.length || region.inactive.length) return undefined;

    lines = previous.lines.edited(text, from, oldTo, newTo);
    built = buildRegion({ ...region, text }, lines, commentAnchor, from, newTo);
    if (built.opensImplicitly) return undefined;
    // A block left open at the region's end swallows the units after it, which are whole statements with
    // balanced braces: the same statements nested one level deeper.
    if (!built.structural || built.unclosedOnly) break;
    // A '}' the region does not open closes the block left open last before it: parse again from that
    // block's unit. Any other brace problem needs a whole parse.
    const opener = built.closesOutside ? lastOpenBefore(top, open, first) : -1;
    if (opener < 0) return undefined;
    first = opener;
    from = lineStartBefore(old, top[first].start);
  }
  const stillOpen = keptOpen(open, top, first, last);
  if (built.structural) {
    const lastBuilt = built.statements[built.statements.length - 1];
    const chain = lastBuilt && openChainOf(lastBuilt);
    if (!chain) return undefined;
    stillOpen.set(lastBuilt, chain);
  }
  const deepest = Math.max(previous.reparse!.deepest, built.deepest);
  // nested that deep, keepalived (and the parser) would drop braces: not a case for nesting units
  if (stillOpen.size > 0 && openDepth(stillOpen) + deepest > MAX_NESTING) return undefined;

  // From here on the previous AST's nodes are moved into the new one.
  commentAnchor.lines = lines;
  for (let i = 0; i < top.length; i++) {
    const anchor = (top[i] as SourceStatement).topLevelAnchor;
    anchor.lines = lines;
    if (i > last) anchor.base += delta;
  }
  if (open.size > 0) for (let i = first; i <= last; i++) releaseUnit(top[i], open);
  const units = [...top.slice(0, first), ...built.statements, ...top.slice(last + 1)];
  const nested = stillOpen.size > 0 || open.size > 0 ? nestUnits(units, stillOpen) : { statements: units, open: stillOpen };
  // units nested into a block keepalived reads differently: a whole parse gives the tree (the old one is dropped)
  if (options.blocks && nested.open.size > 0 && !opensAsParsed(nested.statements, options.blocks)) return undefined;
  const lineDelta = lines.lineCount - previous.lines.lineCount;
  const fromLine = previous.lines.positionAt(from).line;
  const oldToLine = previous.lines.positionAt(oldTo).line;
  return {
    text,
    lines,
    statements: nested.statements,
    comments: spliceComments(previous.comments, built.comments, from, oldTo, delta),
    definitions: [],
    parameterUses: [],
    parameterCalls: [],
    inactive: [],
    diagnostics: spliceDiagnostics(previous.diagnostics, built.diagnostics, fromLine, oldToLine, oldTo === old.length, lineDelta),
    reparse: { options, commentAnchor, units, open: nested.open, deepest },
  };
}

/** the index of the last open unit before top[first], or -1 */
function lastOpenBefore(top: readonly Statement[], open: ReadonlyMap<Statement, OpenChain>, first: number): number {
  const limit = first < top.length ? top[first].start : Infinity;
  let latest: Statement | undefined;
  for (const unit of open.keys()) if (unit.start < limit && (!latest || unit.start > latest.start)) latest = unit;
  return latest ? top.lastIndexOf(latest, first - 1) : -1;
}

/** the open units outside the re-parsed ones, top[first..last] */
function keptOpen(open: ReadonlyMap<Statement, OpenChain>, top: readonly Statement[], first: number, last: number): Map<Statement, OpenChain> {
  const kept = new Map<Statement, OpenChain>();
  if (open.size === 0) return kept;
  const replaced = new Set(top.slice(first, last + 1));
  for (const [unit, chain] of open) if (!replaced.has(unit)) kept.set(unit, chain);
  return kept;
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
