/**
 * The remote shell snippets of a deploy. Every path is passed through shellQuote and bound to a
 * shell variable first, so the snippets themselves never splice user data into code.
 * Only `reloadCommand` and `restartCommand` are command lines by design (they come from the cluster file the user wrote).
 */
import { shellQuote } from './shellQuote';


export const MARK_NO_KEEPALIVED = '__kd_no_keepalived__';

/** Exit status of readFileScript when the file does not exist (cat's own failures exit 1). */
export const EXIT_NO_FILE = 44;

/** The file's bytes on stdout, or EXIT_NO_FILE. */
export function readFileScript(path: string): string {
  return `f=${shellQuote(path)}; if [ -e "$f" ]; then exec cat -- "$f"; else exit ${EXIT_NO_FILE}; fi`;
}

/** keepalived -t where installed; -e so a missing include is an error too. */
export function validateConfigScript(staged: string): string {
  return `s=${shellQuote(staged)}
if command -v keepalived >/dev/null 2>&1; then keepalived -t -e -f "$s"; else echo ${MARK_NO_KEEPALIVED}; fi`;
}

export function validateShellScript(staged: string): string {
  return `sh -n ${shellQuote(staged)}`;
}

export function removeScript(path: string): string {
  return `rm -f -- ${shellQuote(path)}`;
}

export function runReloadScript(reloadCommand: string): string {
  return reloadCommand;
}

export function runRestartScript(restartCommand: string): string {
  return restartCommand;
}

export function realserverActionScript(scriptPath: string, action: 'start' | 'stop' | 'status'): string {
  return `sh ${shellQuote(scriptPath)} ${action}`;
}

export const keepalivedActiveScript = `if command -v systemctl >/dev/null 2>&1; then systemctl is-active keepalived; elif pidof keepalived >/dev/null 2>&1; then echo active; else echo inactive; exit 3; fi`;

/** Reads keepalivedActiveScript's result; `\bactive` so that "inactive" does not count. */
export function keepalivedActive(r: { code: number | null; stdout: string }): boolean {
  return r.code === 0 && /\bactive\b/.test(r.stdout);
}

export const addressesScript = `ip -o addr show 2>/dev/null || ifconfig -a`;

export const ipvsScript = `if command -v ipvsadm >/dev/null 2>&1; then ipvsadm -Ln; else echo ${'__kd_no_ipvsadm__'}; fi`;
export const MARK_NO_IPVSADM = '__kd_no_ipvsadm__';

/** Is this exact address bound (any prefix length) in `ip -o addr` / ifconfig output? */
export function addressPresent(output: string, vip: string): boolean {
  const escaped = vip.replace(/[.]/g, '\\.');
  return new RegExp(`inet6? (addr:)?${escaped}([/ ]|$)`, 'm').test(output);
}
