import type { Statement } from '../../syntax';
import type { Workspace } from '../workspace';
import type { FileDiagnostic } from '../unit';
import { applyIncludeCheck } from './includeCheck';

/** How strict each include keyword is (lib/parser.c): R unreadable files, M nothing matched without wildcards, W nothing matched with them, B a part missing. */
const INCLUDE_CHECKS: Record<string, string> = { includer: 'R', includem: 'RM', includew: 'RMW', includeb: 'RB', includea: 'RMBW' };

/** keepalived's test for braces: a '{' not escaped by a backslash */
const hasBrace = (pattern: string) => /^(?:[^\\{]|\\.)*\{/s.test(pattern);

/**
 * Includes whose pattern matches nothing, or something the linter does not read; and include cycles.
 * `checksAt`: the include checks (global_defs `include_check`) in force at each include line (includeChecks).
 */
export function checkIncludes(workspace: Workspace, path: string, checksAt: ReadonlyMap<Statement, string> = new Map()): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  for (const link of workspace.includes(path)) {
    const { statement, pattern, targets, missing } = link;
    if (!pattern) continue;
    const global = checksAt.get(statement) ?? '';
    const error = (flag: string) => (INCLUDE_CHECKS[statement.name] ?? '').includes(flag) || global.includes(flag);
    const by = (flag: string) => ((INCLUDE_CHECKS[statement.name] ?? '').includes(flag) ? statement.name : 'include_check');
    const report = (strict: boolean, message: string) =>
      out.push({ file: path, range: statement.args[0].range, severity: strict ? 'error' : 'warning', code: 'missing-include', message });
    const notFound = missing.length > 0 ? `${missing.slice(0, 3).map((m) => `'${m}'`).join(', ')}${missing.length > 3 ? ` and ${missing.length - 3} more` : ''} not found` : '';
    if (targets.length === 0) {
      // keepalived's flag for the case: a brace pattern missing a part (B), a plain one missing (M), wildcards matching nothing (W)
      const flag = missing.length === 0 ? 'W' : hasBrace(pattern) ? 'B' : 'M';
      const strict = error(flag);
      if (missing.length > 0) report(strict, `'${pattern}' matches no file (${notFound}): keepalived says the config files are missing${strict ? `, an error with ${by(flag)}` : ''}, and includes nothing`);
      else report(strict, `'${pattern}' matches no file: keepalived ${strict ? `says so, an error with ${by(flag)}, and includes nothing` : 'includes nothing, without a word'}`);
      continue;
    }
    if (missing.length > 0) {
      const strict = error('B');
      report(strict, `${notFound} for '${pattern}': keepalived says some config files are missing, and ${strict ? `${by('B')} makes that an error: it includes nothing` : 'includes the files it found'}`);
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

/**
 * The include checks in force at each include statement of a file: those where the file is included, changed by
 * each include_check line before the statement (keepalived restores the includer's once an include is read, so
 * a change inside an included file stays there).
 */
function includeChecksAt(workspace: Workspace, path: string, inherited: string): (statement: Statement) => string {
  // found at the first include asked about: most files include nothing
  let lines: Statement[] | undefined;
  const before = (a: Statement, b: Statement) => a.range.start.line < b.range.start.line || (a.range.start.line === b.range.start.line && a.range.start.character < b.range.start.character);
  return (statement) => {
    lines ??= workspace.parsed(path)?.statements.filter((s) => s.name === 'global_defs').flatMap((g) => g.block?.statements.filter((s) => s.name === 'include_check') ?? []) ?? [];
    return lines.filter((s) => before(s, statement)).reduce(applyIncludeCheck, inherited);
  };
}

/** The include checks in force at each include line of the files, visiting includers first (an included file inherits its include line's). */
export function includeChecks(workspace: Workspace, files: Iterable<string>): Map<Statement, string> {
  const inherited = new Map<string, string>();
  const atLine = new Map<Statement, string>();
  for (const path of files) {
    const checksAt = includeChecksAt(workspace, path, inherited.get(path) ?? '');
    for (const link of workspace.includes(path)) {
      const checks = checksAt(link.statement);
      atLine.set(link.statement, checks);
      for (const target of link.targets) if (!inherited.has(target) && target !== path) inherited.set(target, checks);
    }
  }
  return atLine;
}
