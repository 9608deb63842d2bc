import type { Workspace } from '../workspace';
import type { FileDiagnostic } from '../unit';

/** Includes whose pattern matches nothing, or something the linter does not read; and include cycles. */
export function checkIncludes(workspace: Workspace, path: string): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  for (const link of workspace.includes(path)) {
    const { statement, pattern, targets, unmatched } = link;
    if (!pattern) continue;
    if (targets.length === 0) {
      const strict = statement.name !== 'include';
      out.push({
        file: path,
        range: statement.args[0].range,
        severity: strict ? 'error' : 'warning',
        code: 'missing-include',
        message: strict
          ? `'${pattern}' matches no file; ${statement.name} makes keepalived report this as an error`
          : `'${pattern}' matches no file; keepalived skips it silently (nothing is included)`,
      });
      continue;
    }
    // with braces, keepalived includes what matches and names the alternatives that match nothing
    if (unmatched.length) {
      const strict = statement.name === 'includeb' || statement.name === 'includea';
      out.push({
        file: path,
        range: statement.args[0].range,
        severity: strict ? 'error' : 'warning',
        code: 'missing-include',
        message: `${unmatched.map((m) => `'${m}'`).join(', ')} of '${pattern}' match${unmatched.length === 1 ? 'es' : ''} no file: keepalived says some config files are missing, and ${strict ? `${statement.name} makes that an error: it includes nothing` : 'includes the others'}`,
      });
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
