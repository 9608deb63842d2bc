// keepalived-lint --fix: the quick fixes the analysis attaches to its findings (the ones the editor offers,
// server/src/features/codeActions.ts) that keep what keepalived does, applied to the file's text. The registry
// marks which codes' fixes are such ('safe'); where a finding offers a choice, a person picks in the editor.
// A fixed text is kept only when it parses to the same shape, the same blocks and statements (a fix changes
// words, never structure), with no new parse problem; otherwise the file is left as it was.
import type { FileDiagnostic } from '../analysis/lint';
import { RULES } from '../rules/registry';
import { parseConfig, type ConfigFile, type Statement } from '../syntax';

export interface FixResult {
  text: string;
  /** the codes of the findings fixed, one per fix applied */
  fixed: string[];
  /** set when fixes were found but the result would parse differently (nothing is applied then) */
  refused?: string;
}

interface Edit {
  start: number;
  end: number;
  newText: string;
  code: string;
}

/** the one fix of each finding whose rule's fixes are safe */
function safeEdits(file: ConfigFile, diagnostics: readonly FileDiagnostic[]): Edit[] {
  const edits: Edit[] = [];
  for (const d of diagnostics) {
    const rule = RULES[d.code];
    if (!('fix' in rule) || rule.fix !== 'safe' || d.fix?.length !== 1) continue;
    const [fix] = d.fix;
    edits.push({ start: file.lines.offsetAt(fix.range.start), end: file.lines.offsetAt(fix.range.end), newText: fix.newText, code: d.code });
  }
  // the first of overlapping edits wins; the others wait for the next run
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  return edits.filter((e, i) => i === 0 || e.start >= edits[i - 1].end);
}

/** the tree of blocks and statements: what a fix must not change (it changes words, never structure) */
function shape(statements: readonly Statement[]): string {
  return statements.map((s) => `s${s.block ? `{${shape(s.block.statements)}${s.block.close ? '}' : ''}` : ''}`).join(',');
}

function parseProblems(file: ConfigFile): string {
  return file.diagnostics.map((d) => d.code).join(',');
}

/** Applies the safe fixes among `diagnostics` (the findings of this one file) to `text`. */
export function applySafeFixes(text: string, diagnostics: readonly FileDiagnostic[]): FixResult {
  const before = parseConfig(text);
  const edits = safeEdits(before, diagnostics);
  if (edits.length === 0) return { text, fixed: [] };
  let fixedText = text;
  for (const edit of [...edits].reverse()) fixedText = fixedText.slice(0, edit.start) + edit.newText + fixedText.slice(edit.end);
  const after = parseConfig(fixedText);
  if (shape(after.statements) !== shape(before.statements) || parseProblems(after) !== parseProblems(before)) {
    return { text, fixed: [], refused: 'the fixed text would parse differently' };
  }
  return { text: fixedText, fixed: edits.map((e) => e.code) };
}
