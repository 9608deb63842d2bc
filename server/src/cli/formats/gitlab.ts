// GitLab's Code Quality report (a subset of Code Climate's issue format): a JSON array GitLab shows in merge
// requests. The fingerprint tells GitLab which findings are the same between two pipelines, so it leaves out
// line numbers (an edit above a finding must not make it look new) and counts repeats instead.
import { sep } from 'node:path';
import type { PrintedDiagnostic } from '../resultCache';
import { displayPath, type ReportContext } from './context';

/** crypto is loaded only here: the launcher prints cached reports without it */
function sha256() {
  return (require('node:crypto') as typeof import('node:crypto')).createHash('sha256');
}

const SEVERITY: Record<string, string> = { error: 'major', warning: 'minor', information: 'info', hint: 'info' };

/** `message` with the working directory left out of the paths it names: GitLab's build directory differs per runner */
function withoutCwd(message: string, cwd: string): string {
  const prefix = cwd.endsWith(sep) ? cwd : cwd + sep;
  return message.split(prefix).join('');
}

export function formatGitlab(diagnostics: readonly PrintedDiagnostic[], context: ReportContext): string {
  const seen = new Map<string, number>();
  const issues = diagnostics.map((d) => {
    const path = displayPath(d.file, context.cwd);
    // messages that point at another line ("already set ... (line 3)") would change with every edit above it,
    // and ones that name a file by its absolute path (the cluster file) with the runner's build directory
    const identity = `${path}\0${d.code}\0${withoutCwd(d.message, context.cwd).replace(/\bline \d+/g, 'line')}`;
    const repeat = seen.get(identity) ?? 0;
    seen.set(identity, repeat + 1);
    return {
      type: 'issue',
      check_name: d.code,
      description: d.message,
      categories: ['Bug Risk'],
      severity: SEVERITY[d.severity] ?? 'info',
      fingerprint: sha256().update(`${identity}\0${repeat}`).digest('hex'),
      location: { path, lines: { begin: d.line, end: d.endLine } },
    };
  });
  return JSON.stringify(issues, null, 2);
}
