import type { ConfigFile, Diagnostic, ReparseState, Statement } from './ast';
import { openUnitsOf, type OpenChain } from './openBlocks';
import { buildRegion, byPosition } from './build';
import { Anchor } from './nodes';
import { LineIndex } from './position';
import { preprocess, type PreprocessOptions } from './preprocess';

/** Parses one keepalived.conf text into an AST with source ranges. Never throws; linear in the input. */
export function parseConfig(text: string, options: PreprocessOptions = {}): ConfigFile {
  return parse(text, options, false);
}

/**
 * The same tree, for a text being edited (see reparseConfig): a file whose only brace problems are blocks
 * left open is also cut into units (see openUnitsOf), which costs another pass over the pieces but lets the
 * next edits re-parse a region at a time. The linter and other one-off parses do without.
 */
export function parseForEditing(text: string, options: PreprocessOptions = {}): ConfigFile {
  return parse(text, options, true);
}

function parse(text: string, options: PreprocessOptions, cutOpenBlocks: boolean): ConfigFile {
  const lines = new LineIndex(text);
  const expanded = preprocess(text, options);
  const diagnostics: Diagnostic[] = expanded.issues.map((issue) => ({ range: lines.rangeOf(issue.start, issue.end), severity: issue.severity ?? 'error', code: issue.code, message: issue.message }));
  const commentAnchor = new Anchor(0, lines);
  const region = buildRegion(expanded, lines, commentAnchor);
  diagnostics.push(...region.diagnostics);
  diagnostics.sort(byPosition);
  const plain = expanded.startMap === undefined && expanded.issues.length === 0 && !options.inheritedDefinitions?.size;
  // a file the preprocessor leaves as it is can be re-parsed one region at a time: with balanced braces, or
  // with blocks left open at its end once it is cut into units
  const openUnits = cutOpenBlocks && plain && region.structural ? openUnitsOf(expanded, lines, commentAnchor, region) : undefined;
  let reparse: ReparseState | undefined;
  if (plain && !region.structural) reparse = { options, commentAnchor, units: region.statements, open: NONE_OPEN, deepest: region.deepest };
  else if (openUnits) reparse = { options, commentAnchor, units: openUnits.units, open: openUnits.open, deepest: openUnits.deepest };
  return {
    text,
    lines,
    statements: openUnits?.statements ?? region.statements,
    comments: region.comments,
    definitions: expanded.definitions,
    parameterUses: expanded.uses,
    parameterCalls: expanded.calls,
    inactive: expanded.inactive.map((r) => lines.rangeOf(r.start, r.end)),
    diagnostics,
    reparse,
  };
}

const NONE_OPEN: ReadonlyMap<Statement, OpenChain> = new Map();
