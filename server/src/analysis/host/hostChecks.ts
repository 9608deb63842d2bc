// keepalived's machine-dependent checks, opt-in (`--host-checks`, the `keepalived.hostChecks.enable`
// setting): interfaces that must exist, scripts that must exist and be executable by the user keepalived
// runs them as, and what enable_script_security makes of them (lib/notify.c, check_script_secure and
// check_security, in 2.2.7 and 2.4.3). Pure over the AST and the HostFacts it is given.
import type { Statement } from '../../syntax';
import { compareVersions } from '../versions';
import type { ConfigUnit, FileDiagnostic } from '../unit';
import type { Workspace } from '../workspace';
import type { HostFacts, UserFacts } from './hostFacts';
import type { RuleCode } from '../../rules/registry';

interface Located {
  file: string;
  statement: Statement;
}

/** Keywords whose first argument is a command keepalived runs, and whether their user follows the command. */
const SCRIPT_KEYWORDS = new Map<string, 'after-command' | 'user-keyword'>([
  ['script', 'user-keyword'],
  ['misc_path', 'user-keyword'],
  ...['notify', 'notify_master', 'notify_backup', 'notify_fault', 'notify_stop', 'notify_deleted', 'notify_master_rx_lower_pri', 'notify_up', 'notify_down', 'quorum_up', 'quorum_down'].map(
    (k) => [k, 'after-command'] as const,
  ),
]);

const ROOT: UserFacts = { uid: 0, gid: 0, groups: [0] };

function walk(statements: readonly Statement[], file: string, out: Located[]): void {
  for (const statement of statements) {
    out.push({ file, statement });
    if (statement.block) walk(statement.block.statements, file, out);
  }
}

const sibling = (statement: Statement, name: string) => statement.parent?.block?.statements.filter((s) => s.name === name).at(-1);

export function checkHost(workspace: Workspace, unit: ConfigUnit, host: HostFacts, keepalivedVersion?: string): FileDiagnostic[] {
  const all: Located[] = [];
  for (const file of unit.files) {
    const parsed = workspace.parsed(file);
    if (parsed) walk(parsed.statements, file, all);
  }
  const globals = all.filter((l) => l.statement.parent?.name === 'global_defs').map((l) => l.statement);
  const security = globals.some((s) => s.name === 'enable_script_security');
  const scriptUser = globals.filter((s) => s.name === 'script_user').at(-1);
  const dynamicInterfaces = globals.some((s) => s.name === 'dynamic_interfaces');
  const out: FileDiagnostic[] = [];

  if (!dynamicInterfaces) checkInterfaces(all, host, out);

  let firstScript: Located | undefined;
  for (const located of all) {
    const { statement } = located;
    const userPlace = SCRIPT_KEYWORDS.get(statement.name);
    if (!userPlace || !statement.args[0]) continue;
    if (statement.name === 'script' && statement.parent?.name !== 'vrrp_script') continue;
    const found = checkScript(located, userPlace, { host, security, scriptUser, keepalivedVersion }, out);
    if (found) firstScript ??= located;
  }
  if (firstScript && !security) {
    out.push({
      file: firstScript.file,
      range: firstScript.statement.keyword.range,
      severity: 'warning',
      code: 'host-script-security',
      message: 'Scripts run without enable_script_security in global_defs: keepalived reports a SECURITY VIOLATION and runs them anyway',
    });
  }
  return out;
}

function checkInterfaces(all: readonly Located[], host: HostFacts, out: FileDiagnostic[]): void {
  const missing = (file: string, statement: Statement, at: Statement['args'][number], name: string, severity: 'error' | 'warning', consequence: string) => {
    if (host.interfaceExists(name)) return;
    out.push({ file, range: at.range, severity, code: 'host-interface-missing', message: `Interface ${name} does not exist on this host: ${consequence}` });
  };
  for (const { file, statement } of all) {
    const parent = statement.parent?.name;
    if (statement.name === 'interface' && parent === 'vrrp_instance' && statement.args[0]) {
      missing(file, statement, statement.args[0], statement.args[0].text, 'error', `keepalived cannot run vrrp_instance ${statement.parent!.args[0]?.text ?? ''} here`);
    } else if (parent === 'track_interface') {
      missing(file, statement, statement.keyword, statement.name, 'warning', 'keepalived ignores this tracked interface');
    } else if (parent === 'virtual_ipaddress' || parent === 'virtual_ipaddress_excluded') {
      const dev = statement.args.findIndex((w) => w.text === 'dev');
      const name = statement.args[dev + 1];
      if (dev >= 0 && name) missing(file, statement, name, name.text, 'warning', 'keepalived cannot add this address here');
    }
  }
}

interface ScriptContext {
  host: HostFacts;
  security: boolean;
  scriptUser?: Statement;
  keepalivedVersion?: string;
}

/** The user a script runs as, or why keepalived drops the script. */
function scriptRunner(statement: Statement, userPlace: 'after-command' | 'user-keyword', context: ScriptContext): UserFacts | string {
  const { host } = context;
  const explicit = userPlace === 'after-command' ? statement.args.slice(1, 3) : sibling(statement, 'user')?.args.slice(0, 2);
  const named = explicit?.length ? explicit : context.scriptUser?.args.slice(0, 2);
  if (named?.length) {
    const user = host.user(named[0].text);
    if (!user) return `user ${named[0].text} does not exist on this host, so keepalived ignores the script`;
    if (named[1]) {
      const gid = host.group(named[1].text);
      if (gid === undefined) return `group ${named[1].text} does not exist on this host, so keepalived ignores the script`;
      return { ...user, gid, groups: [...new Set([gid, ...user.groups])] };
    }
    return user;
  }
  const fallback = host.user('keepalived_script');
  if (fallback) return fallback;
  if (context.security) return 'enable_script_security is set but neither script_user nor a keepalived_script user exists on this host, so keepalived removes the script';
  return ROOT;
}

/** Whether `who` may execute a file with this owner and mode (root: any execute bit). */
function executable(file: { uid: number; gid: number; mode: number }, who: UserFacts): boolean {
  if (who.uid === 0) return (file.mode & 0o111) !== 0;
  if (file.uid === who.uid) return (file.mode & 0o100) !== 0;
  if (who.groups.includes(file.gid)) return (file.mode & 0o010) !== 0;
  return (file.mode & 0o001) !== 0;
}

/** keepalived's check_security: every part of the path root's, none writable by others; 'wrong-type' disables it always. */
function pathSecurity(path: string, host: HostFacts): 'secure' | 'insecure' | 'wrong-type' {
  const parts = path.split('/').filter(Boolean);
  for (let i = 0; i <= parts.length; i++) {
    const prefix = '/' + parts.slice(0, i).join('/');
    const last = i === parts.length;
    const entry = host.lstat(prefix);
    if (!entry) return 'wrong-type';
    if ((!last && entry.kind !== 'directory') || (last && entry.kind !== 'file' && entry.kind !== 'symlink')) return 'wrong-type';
    const sticky = entry.kind === 'directory' && (entry.mode & 0o1000) !== 0;
    const writable = (entry.gid !== 0 && (entry.mode & 0o020) !== 0) || (entry.mode & 0o002) !== 0;
    if (entry.uid !== 0 || ((entry.kind === 'file' || (entry.kind === 'directory' && !sticky)) && writable)) return 'insecure';
  }
  return 'secure';
}

/** Checks one script; returns whether keepalived finds it (which is what makes it report missing security). */
function checkScript({ file, statement }: Located, userPlace: 'after-command' | 'user-keyword', context: ScriptContext, out: FileDiagnostic[]): boolean {
  const { host } = context;
  const word = statement.args[0];
  const report = (severity: 'error' | 'warning', code: RuleCode, message: string) => out.push({ file, range: word.range, severity, code, message });
  const command = word.text.trim().split(/\s+/)[0] ?? '';
  // `</path` only tests that a file can be opened; nothing is run
  if (!command || /^<\s*\//.test(word.text.trim())) return false;
  const runner = scriptRunner(statement, userPlace, context);
  if (typeof runner === 'string') {
    report('error', 'host-script-user', `'${statement.name}': ${runner}`);
    return false;
  }
  const written = command.includes('/') ? command : host.which(command);
  const real = written && host.realpath(written);
  const target = real && host.lstat(real);
  if (!written || !real || !target || target.kind !== 'file') {
    report('error', 'host-script-missing', `Script ${command} is not found on this host: keepalived disables '${statement.name}'`);
    return false;
  }
  if (!executable(target, runner)) {
    report('error', 'host-script-not-executable', `Script ${real} is not executable by uid ${runner.uid} (gid ${runner.gid}): keepalived disables '${statement.name}'`);
    return true;
  }
  if (runner.uid !== 0 && runner.gid !== 0) return true;
  // run as root: keepalived walks the path it will execute, part by part
  const newRelease = !context.keepalivedVersion || compareVersions(context.keepalivedVersion, '2.4.0') >= 0;
  const verdicts = [pathSecurity(real, host), ...(newRelease && written !== real ? [pathSecurity(written, host)] : [])];
  if (verdicts.includes('wrong-type')) {
    report('error', 'host-script-insecure', `The path ${written} passes through a symbolic link: keepalived ${context.keepalivedVersion ?? '2.4'} disables '${statement.name}'; write the real path ${real}`);
  } else if (verdicts.includes('insecure')) {
    report(
      context.security ? 'error' : 'warning',
      'host-script-insecure',
      context.security
        ? `Script ${real} runs as root but it or a directory above it is writable by others or not owned by root: with enable_script_security keepalived disables '${statement.name}'`
        : `Script ${real} runs as root but it or a directory above it is writable by others or not owned by root`,
    );
  }
  return true;
}
