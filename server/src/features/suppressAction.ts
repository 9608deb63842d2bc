import { CodeActionKind, type CodeAction, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { suppressionLine } from '../analysis/suppressions';
import { isRuleCode } from '../rules/codes';
import type { FeatureState } from './related';

/** "Suppress CODE on this line": a `# keepalived-lint disable-next-line CODE` comment above the finding's line. */
export function suppressAction(state: FeatureState, path: string, diagnostic: LspDiagnostic): CodeAction | undefined {
  const code = String(diagnostic.code ?? '');
  if (!isRuleCode(code) || code === 'unused-suppression') return undefined;
  const file = state.workspace.parsedWithEveryConditionalLine(path);
  if (!file) return undefined;
  const line = diagnostic.range.start.line;
  const lineText = file.text.slice(file.lines.lineStart(line), file.lines.offsetAt({ line, character: Number.MAX_SAFE_INTEGER }));
  const at = { line, character: 0 };
  return {
    title: `Suppress ${code} on this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [state.pathToUri(path)]: [{ range: { start: at, end: at }, newText: suppressionLine(lineText, code) }] } },
  };
}
