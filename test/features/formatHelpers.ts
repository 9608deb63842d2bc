import type { TextEdit } from 'vscode-languageserver';
import { LineIndex, parseConfig, type Statement } from '../../server/src/syntax';

/** Applies LSP edits (non-overlapping) to a text, last first. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const sorted = edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let limit = Infinity;
  for (const e of sorted) {
    if (e.end > limit) throw new Error('overlapping edits');
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
    limit = e.start;
  }
  return out;
}

function shape(statements: readonly Statement[]): unknown[] {
  return statements.map((s) => [s.keyword.text, s.args.map((a) => a.text), s.block ? shape(s.block.statements) : null]);
}

/** What formatting must keep: statements (keywords, args, nesting), parameters, comments, problems found. */
export function meaningOf(text: string, configId?: string): unknown {
  const file = parseConfig(text, { configId });
  return {
    statements: shape(file.statements),
    definitions: file.definitions.map((d) => [d.name, d.value]),
    comments: file.comments.map((c) => c.text.trimEnd()),
    inactive: file.inactive.length,
    diagnostics: file.diagnostics.map((d) => d.code).sort(),
  };
}
