import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { Diagnostic, Severity } from '../syntax';
import { ruleDocUrl } from '../rules/docsLocation';
import type { ServerSettings } from './state';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What code actions find in `Diagnostic.data`: the analysis's suggested edits, unchanged. */
export interface KeepalivedDiagnosticData {
  fix: NonNullable<Diagnostic['fix']>;
}

/** Converts one file's findings for the client, applying the user's per-code severity overrides ('off' drops). */
export function toLspDiagnostics(
  diagnostics: readonly Diagnostic[],
  overrides: ServerSettings['severityOverrides'],
  pathToUri: (path: string) => string,
): LspDiagnostic[] {
  const out: LspDiagnostic[] = [];
  for (const d of diagnostics) {
    const level = overrides[d.code] ?? d.severity;
    if (level === 'off') continue;
    const converted: LspDiagnostic = { range: d.range, severity: SEVERITY[level], code: d.code, source: 'keepalived', message: d.message };
    // the rule's page in the installed docs (docs/rules/CODE.md): the editor links the code to it
    const href = ruleDocUrl(d.code);
    if (href) converted.codeDescription = { href };
    if (d.related?.length) {
      converted.relatedInformation = d.related.map((r) => ({ location: { uri: pathToUri(r.file), range: r.range }, message: r.message }));
    }
    if (d.fix?.length) converted.data = { fix: d.fix } satisfies KeepalivedDiagnosticData;
    out.push(converted);
  }
  return out;
}
