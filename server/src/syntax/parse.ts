import type { ConfigFile, Diagnostic, Statement } from './ast';
import type { OpenChain } from './openBlocks';
import { buildRegion, byPosition } from './build';
import { Anchor } from './nodes';
import { LineIndex } from './position';
import { preprocess, type PreprocessOptions } from './preprocess';

/** Parses one keepalived.conf text into an AST with source ranges. Never throws; linear in the input. */
export function parseConfig(text: string, options: PreprocessOptions = {}): ConfigFile {
  const lines = new LineIndex(text);
  const expanded = preprocess(text, options);
  const diagnostics: Diagnostic[] = expanded.issues.map((issue) => ({ range: lines.rangeOf(issue.start, issue.end), severity: 'error', code: issue.code, message: issue.message }));
  const commentAnchor = new Anchor(0, lines);
  const region = buildRegion(expanded, lines, commentAnchor);
  diagnostics.push(...region.diagnostics);
  diagnostics.sort(byPosition);
  const plain = expanded.startMap === undefined && expanded.issues.length === 0 && !options.inheritedDefinitions?.size;
  return {
    text,
    lines,
    statements: region.statements,
    comments: region.comments,
    definitions: expanded.definitions,
    parameterUses: expanded.uses,
    inactive: expanded.inactive.map((r) => lines.rangeOf(r.start, r.end)),
    diagnostics,
    // a file the preprocessor leaves as it is, with balanced braces, can be re-parsed one region at a time
    reparse: plain && !region.structural ? { options, commentAnchor, units: region.statements, open: NONE_OPEN, deepest: region.deepest } : undefined,
  };
}

const NONE_OPEN: ReadonlyMap<Statement, OpenChain> = new Map();
