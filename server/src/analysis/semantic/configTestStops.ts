// keepalived 2.2.5 to 2.2.7 check that each script can be reached by the user it runs as by switching to that
// user and back; then a child process makes sure its parent did not die meanwhile (notify.c, check_script_secure).
// `keepalived -t` does this check in the main process itself, whose parent is the shell: it sends itself SIGTERM
// and exits 143 without a word. The daemon is not affected. 2.2.8 skips that test under -t.
import type { Statement } from '../../syntax';
import { last } from '../../syntax/views';
import { collect, type ConfigUnit, type FileDiagnostic } from '../unit';
import { compareVersions } from '../versions';

const FIRST_AFFECTED = '2.2.5';
const FIXED_IN = '2.2.8';

/** lines that name a script and may add the user (and group) to run it as */
const SCRIPT_WITH_USER = /^notify(?:_master|_backup|_fault|_stop|_deleted|_master_rx_lower_pri|_up|_down)?$/;

/** a word that can name a user or group (a path or a number is no name keepalived finds, so it switches to nobody) */
const USER_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*\$?$/;

function otherThanRoot(user: string | undefined, group: string | undefined): boolean {
  if (user === undefined || !USER_NAME.test(user) || (group !== undefined && !USER_NAME.test(group))) return false;
  return user !== 'root' || (group !== undefined && group !== 'root');
}

export function checkConfigTestStops(unit: ConfigUnit, keepalivedVersion: string | undefined): FileDiagnostic[] {
  if (!keepalivedVersion || compareVersions(keepalivedVersion, FIRST_AFFECTED) < 0 || compareVersions(keepalivedVersion, FIXED_IN) >= 0) return [];
  const found: { file: string; line: Statement }[] = [];
  const userLine = (file: string, block: Statement) => {
    const user = last(block, 'user');
    if (user && otherThanRoot(user.args[0]?.text, user.args[1]?.text)) found.push({ file, line: user });
  };
  let scripts = 0;
  const scriptsWithUser = (file: string, block: Statement) => {
    for (const s of block.block?.statements ?? []) {
      if (!SCRIPT_WITH_USER.test(s.name)) continue;
      scripts++;
      if (otherThanRoot(s.args[1]?.text, s.args[2]?.text)) found.push({ file, line: s });
    }
  };
  for (const { file, item } of collect(unit, 'scripts')) {
    scripts++;
    userLine(file, item.statement);
  }
  for (const { file, item } of collect(unit, 'instances')) scriptsWithUser(file, item.statement);
  for (const { file, item } of collect(unit, 'syncGroups')) scriptsWithUser(file, item.statement);
  for (const { file, item } of collect(unit, 'virtualServers')) {
    for (const rs of item.realServers) {
      scriptsWithUser(file, rs.statement);
      for (const checker of rs.checkers) {
        if (checker.type !== 'MISC_CHECK') continue;
        scripts++;
        userLine(file, checker.statement);
      }
    }
  }
  // a script user for every script: it matters once there is a script to check
  if (scripts > 0) {
    for (const { file, item } of collect(unit, 'globalDefs')) {
      const scriptUser = last(item, 'script_user');
      if (scriptUser && otherThanRoot(scriptUser.args[0]?.text, scriptUser.args[1]?.text)) found.push({ file, line: scriptUser });
    }
  }
  return found.map(({ file, line }) => ({
    file,
    range: line.keyword.range,
    severity: 'information',
    code: 'config-test-stops',
    message: `keepalived ${FIRST_AFFECTED} to 2.2.7 stop their own 'keepalived -t' here (SIGTERM, exit status 143, no message) when they check a script that runs as another user than root; the daemon runs it fine, and ${FIXED_IN} fixed -t. A validate step running this release's -t fails on the config whatever it holds: validate with 2.2.8 or later, or with this linter.`,
  }));
}
