// How keepalived-lint prints a report, whether fresh or from the result cache, and what it exits with.
import { writeFileSync } from 'node:fs';
import { packageVersion } from '../rules/docsLocation';
import { render, type ReportContext } from './formats';
import { formatText } from './formats/text';
import type { CliOptions, FailLevel } from './lintArgs';
import { describeTarget } from '../host/installedKeepalived';
import type { PrintedDiagnostic } from './resultCache';
import { writeErr, writeOut } from './stdio';

/** how bad each severity is, against --fail-on's levels */
const RANK: Record<string, number> = { error: 3, warning: 2, information: 1, hint: 1 };
const FAIL_RANK: Record<FailLevel, number> = { error: 3, warning: 2, info: 1 };

export function reportContext(options: Pick<CliOptions, 'rulesUrl'>): ReportContext {
  return { cwd: process.cwd(), rulesUrl: options.rulesUrl, version: packageVersion() };
}

/** 1 when a finding reaches the --fail-on level or the warnings exceed --max-warnings, else 0 */
export function exitStatus(options: Pick<CliOptions, 'failOn' | 'maxWarnings'>, diagnostics: readonly PrintedDiagnostic[]): number {
  if (diagnostics.some((d) => (RANK[d.severity] ?? 1) >= FAIL_RANK[options.failOn])) return 1;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  return options.maxWarnings !== undefined && warnings > options.maxWarnings ? 1 : 0;
}

/**
 * Prints the findings in the chosen format (to --output's file, if given, with text on the terminal too), a
 * summary on stderr for text, and returns the exit status.
 */
export function printReport(options: CliOptions, all: readonly PrintedDiagnostic[], cached: boolean): number {
  const diagnostics = options.quiet ? all.filter((d) => d.severity === 'error') : all;
  const context = reportContext(options);
  const report = render(options.format, diagnostics, context);
  if (options.output) {
    try {
      writeFileSync(options.output, report + '\n');
    } catch (error) {
      writeErr(`keepalived-lint: --output ${options.output}: cannot write (${(error as NodeJS.ErrnoException).code ?? 'error'})\n`);
      return 2;
    }
    const text = formatText(diagnostics, context);
    if (text) writeOut(text + '\n');
  } else if (report) writeOut(report + '\n');
  const status = exitStatus(options, diagnostics);
  if (options.format === 'text' || options.output) {
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
    const over = options.maxWarnings !== undefined && warnings > options.maxWarnings ? ` (more than --max-warnings ${options.maxWarnings})` : '';
    writeErr(`${options.files.length} file(s) checked${options.target ? ` against ${describeTarget(options.target)}` : ''}: ${errors} error(s), ${warnings} warning(s)${over}${cached ? ' (unchanged since the cached run)' : ''}\n`);
  }
  return status;
}
