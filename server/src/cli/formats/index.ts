import type { Format } from '../lintArgs';
import type { PrintedDiagnostic } from '../resultCache';
import { formatCheckstyle } from './checkstyle';
import type { ReportContext } from './context';
import { formatGithub } from './github';
import { formatGitlab } from './gitlab';
import { formatSarif } from './sarif';
import { formatText } from './text';

export type { ReportContext } from './context';

const FORMATTERS: Record<Format, (diagnostics: readonly PrintedDiagnostic[], context: ReportContext) => string> = {
  text: formatText,
  json: (diagnostics) => JSON.stringify(diagnostics),
  sarif: formatSarif,
  github: formatGithub,
  checkstyle: formatCheckstyle,
  gitlab: formatGitlab,
};

/** The report in `format`; '' for text with nothing found (the summary line says it). */
export function render(format: Format, diagnostics: readonly PrintedDiagnostic[], context: ReportContext): string {
  return FORMATTERS[format](diagnostics, context);
}
