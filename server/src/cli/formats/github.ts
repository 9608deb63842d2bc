// GitHub Actions workflow commands: each finding becomes an annotation on the file and line in the pull
// request. A command is `::LEVEL k=v,k=v::MESSAGE`; GitHub decodes %25, %0D and %0A in the message and, in the
// values, also %3A and %2C (a raw ':' or ',' there would end the value early).
import type { PrintedDiagnostic } from '../resultCache';
import { displayPath, type ReportContext } from './context';

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const LEVEL: Record<string, string> = { error: 'error', warning: 'warning' };

export function formatGithub(diagnostics: readonly PrintedDiagnostic[], context: ReportContext): string {
  return diagnostics
    .map((d) => {
      const props: [string, string | number][] = [
        ['file', displayPath(d.file, context.cwd)],
        ['line', d.line],
        ['col', d.column],
        ['endLine', d.endLine],
        ['endColumn', d.endColumn],
        ['title', d.code],
      ];
      const level = LEVEL[d.severity] ?? 'notice';
      return `::${level} ${props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',')}::${escapeData(d.message)}`;
    })
    .join('\n');
}
