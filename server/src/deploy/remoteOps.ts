/**
 * The remote shell snippets of a deploy. Every path is passed through shellQuote and bound to a
 * shell variable first, so the snippets themselves never splice user data into code.
 * Only `reloadCommand` and `restartCommand` are command lines by design (they come from the cluster file the user wrote).
 */
import { shellQuote } from './shellQuote';

const dirOf = (p: string) => p.slice(0, p.lastIndexOf('/')) || '/';
const baseOf = (p: string) => p.slice(p.lastIndexOf('/') + 1);

/** A temporary name beside the target, so the final rename stays on one filesystem (and is atomic). */
export function stagedPathFor(target: string, token: string): string {
  return `${dirOf(target)}/.${baseOf(target)}.kd-${token}.tmp`;
}

/** Timestamped, sortable by name: target.bak-20261125T113000Z */
export function backupPathFor(target: string, at: Date): string {
  return `${target}.bak-${at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`;
}

export const MARK_NO_KEEPALIVED = '__kd_no_keepalived__';
export const MARK_HAD_PREVIOUS = '__kd_had_previous__';

/** Exit status of readFileScript when the file does not exist (cat's own failures exit 1). */
export const EXIT_NO_FILE = 44;

/** The file's bytes on stdout, or EXIT_NO_FILE. */
export function readFileScript(path: string): string {
  return `f=${shellQuote(path)}; if [ -e "$f" ]; then exec cat -- "$f"; else exit ${EXIT_NO_FILE}; fi`;
}

/** Writes stdin to a new file that only its owner can read until `mode` is set. */
export function writeFileScript(path: string, mode: number): string {
  return `set -e; f=${shellQuote(path)}; umask 077; cat > "$f"; chmod ${mode.toString(8).padStart(4, '0')} "$f"`;
}

export function ensureDirScript(target: string): string {
  return `mkdir -p -- ${shellQuote(dirOf(target))}`;
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

/** Backup (if there is a current file), keep its mode, then the atomic rename. */
export function commitScript(staged: string, target: string, backup: string, fallbackMode: string): string {
  return `set -e
s=${shellQuote(staged)}; t=${shellQuote(target)}; b=${shellQuote(backup)}
if [ -e "$t" ]; then
  cp -p -- "$t" "$b"
  chmod "$(stat -c %a -- "$t" 2>/dev/null || echo ${fallbackMode})" "$s" || true
  echo ${MARK_HAD_PREVIOUS}
else
  chmod ${fallbackMode} "$s"
fi
mv -f -- "$s" "$t"`;
}

/** Undo one commit of this run: the backup goes back (by rename), or the new file goes away. */
export function undoCommitScript(target: string, backup: string, hadPrevious: boolean): string {
  return hadPrevious
    ? `set -e; t=${shellQuote(target)}; b=${shellQuote(backup)}; mv -f -- "$b" "$t"`
    : `rm -f -- ${shellQuote(target)}`;
}

/**
 * The `rollback` command: the newest target.bak-* goes back in place (copied then renamed, so the backup
 * stays); the file it replaces is kept as target.replaced-STAMP. Prints the backup used.
 */
export function restoreLatestScript(target: string, stamp: string): string {
  return `set -e
t=${shellQuote(target)}
latest=
for f in "$t".bak-*; do [ -e "$f" ] && latest=$f; done
if [ -z "$latest" ]; then echo "no backup of $t" >&2; exit 4; fi
if [ -e "$t" ]; then cp -p -- "$t" "$t".replaced-${stamp}; fi
cp -p -- "$latest" "$t".kd-restore.tmp
mv -f -- "$t".kd-restore.tmp "$t"
echo "$latest"`;
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
