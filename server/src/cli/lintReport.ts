// How keepalived-lint prints a report, whether fresh or from the result cache.
import { relative } from 'node:path';
import { describeTarget } from '../host/installedKeepalived';
import type { CliOptions } from './lintArgs';
import type { PrintedDiagnostic } from './resultCache';

function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

export function formatText(diagnostics: readonly PrintedDiagnostic[]): string {
  return diagnostics.map((d) => `${displayPath(d.file)}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.code}]`).join('\n');
}

/** Prints the findings (and, as text, a summary on stderr); returns the exit status: 1 if any is an error. */
export function printReport(options: CliOptions, diagnostics: readonly PrintedDiagnostic[], cached: boolean): number {
  const output = options.format === 'json' ? JSON.stringify(diagnostics) : formatText(diagnostics);
  if (output) process.stdout.write(output + '\n');
  if (options.format === 'text') {
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
    process.stderr.write(`${options.files.length} file(s) checked${options.target ? ` against ${describeTarget(options.target)}` : ''}: ${errors} error(s), ${warnings} warning(s)${cached ? ' (unchanged since the cached run)' : ''}\n`);
  }
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}
