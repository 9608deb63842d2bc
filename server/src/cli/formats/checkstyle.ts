// Checkstyle's XML report, which many CI tools and review bots read: one <file> per file, one <error> per
// finding, its source being the rule (keepalived-lint.CODE).
import type { PrintedDiagnostic } from '../resultCache';
import { displayPath, type ReportContext } from './context';

export function escapeXml(text: string): string {
  // characters XML 1.0 cannot carry at all are dropped; the five special ones become entities
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

const SEVERITY: Record<string, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'info' };

export function formatCheckstyle(diagnostics: readonly PrintedDiagnostic[], context: ReportContext): string {
  const byFile = new Map<string, PrintedDiagnostic[]>();
  for (const d of diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<checkstyle version="4.3">'];
  for (const [file, list] of byFile) {
    lines.push(`  <file name="${escapeXml(displayPath(file, context.cwd))}">`);
    for (const d of list) {
      lines.push(`    <error line="${d.line}" column="${d.column}" severity="${SEVERITY[d.severity] ?? 'info'}" message="${escapeXml(d.message)}" source="keepalived-lint.${escapeXml(d.code)}"/>`);
    }
    lines.push('  </file>');
  }
  lines.push('</checkstyle>');
  return lines.join('\n');
}
