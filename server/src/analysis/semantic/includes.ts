import type { Workspace } from '../workspace';
import type { FileDiagnostic } from '../unit';

/** How strict each include keyword is (lib/parser.c): R unreadable files, M nothing matched without wildcards, W nothing matched with them, B a part missing. */
const INCLUDE_CHECKS: Record<string, string> = { includer: 'R', includem: 'RM', includew: 'RMW', includeb: 'RB', includea: 'RMBW' };

/** keepalived's test for braces: a '{' not escaped by a backslash */
const hasBrace = (pattern: string) => /^(?:[^\\{]|\\.)*\{/s.test(pattern);

/** Includes whose pattern matches nothing, or something the linter does not read; and include cycles. */
export function checkIncludes(workspace: Workspace, path: string): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  for (const link of workspace.includes(path)) {
    const { statement, pattern, targets, missing } = link;
    if (!pattern) continue;
    const strictness = INCLUDE_CHECKS[statement.name] ?? '';
    const error = (flag: string) => strictness.includes(flag);
    const report = (strict: boolean, message: string) =>
      out.push({ file: path, range: statement.args[0].range, severity: strict ? 'error' : 'warning', code: 'missing-include', message });
    const notFound = missing.length > 0 ? `${missing.slice(0, 3).map((m) => `'${m}'`).join(', ')}${missing.length > 3 ? ` and ${missing.length - 3} more` : ''} not found` : '';
    if (targets.length === 0) {
      // keepalived's flag for the case: a brace pattern missing a part (B), a plain one missing (M), wildcards matching nothing (W)
      const flag = missing.length === 0 ? 'W' : hasBrace(pattern) ? 'B' : 'M';
      const strict = error(flag);
      if (missing.length > 0) report(strict, `'${pattern}' matches no file (${notFound}): keepalived says the config files are missing${strict ? `, an error with ${statement.name}` : ''}, and includes nothing`);
      else report(strict, `'${pattern}' matches no file: keepalived includes nothing${strict ? `, an error with ${statement.name}` : ', without a word'}`);
      continue;
    }
    if (missing.length > 0) {
      const strict = error('B');
      report(strict, `${notFound} for '${pattern}': keepalived says some config files are missing, and ${strict ? `${statement.name} makes that an error: it includes nothing` : 'includes the files it found'}`);
    }
    for (const target of targets) {
      const unreadable = workspace.has(target) ? undefined : workspace.unreadable(target);
      if (unreadable) {
        out.push({ file: path, range: statement.args[0].range, severity: 'warning', code: 'unreadable-include', message: unreadable });
        continue;
      }
      // read all the same: a share mounted with every mode bit set makes every file executable on this machine
      if (workspace.executable(target)) {
        out.push({ file: path, range: statement.args[0].range, severity: 'warning', code: 'unreadable-include', message: `'${target}' is executable: keepalived skips it and includes only regular files without an execute bit (chmod a-x it)` });
      }
      if (target === path || workspace.closure(target).includes(path)) {
        out.push({
          file: path,
          range: statement.args[0].range,
          severity: 'error',
          code: 'include-cycle',
          message: `Including '${target}' leads back to this file: keepalived would read it again and again`,
        });
      }
    }
  }
  return out;
}
