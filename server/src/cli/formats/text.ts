import type { PrintedDiagnostic } from '../resultCache';
import { displayPath, type ReportContext } from './context';

/** compiler style, one line per finding: FILE:LINE:COL: SEVERITY: MESSAGE [CODE] */
export function formatText(diagnostics: readonly PrintedDiagnostic[], context: ReportContext): string {
  return diagnostics.map((d) => `${displayPath(d.file, context.cwd)}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.code}]`).join('\n');
}
