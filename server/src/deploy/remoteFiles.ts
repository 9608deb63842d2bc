/**
 * Remote shell snippets that move a deployed file: stage, switch, undo, check, restore. Every path is
 * bound to a shell variable through shellQuote first.
 *
 * Rules they keep:
 * - the live file is the one a symlinked target points to: it is replaced in place and the link stays;
 * - temporary files (staged, backup, restore) are made by `mktemp` (O_EXCL, mode 0600, a random name),
 *   in the live file's directory so the final rename is atomic;
 * - the new file takes the old one's owner, group and mode, minus world write (and minus every
 *   permission for others when the config holds a secret); a new file gets the fallback mode, masked alike.
 */
import { shellQuote } from './shellQuote';

export const MARK_STAGED = '__kd_staged__';
export const MARK_BACKUP = '__kd_backup__';
export const MARK_MODE = '__kd_mode__';
export const MARK_SWITCHED = '__kd_switched__';
export const MARK_DIGEST = '__kd_digest__';

/** Resolves `$t` (the configured target) to `$r`, the live file behind any symlink. */
const resolveLive = `r=$(readlink -f -- "$t" 2>/dev/null) || r=$t; [ -n "$r" ] || r=$t`;

/** Makes the target's directory, then writes stdin to a fresh mktemp file beside the live file; prints its path. */
export function stageScript(target: string): string {
  return `set -e
t=${shellQuote(target)}
mkdir -p -- "$(dirname -- "$t")"
umask 077
${resolveLive}
s=$(mktemp -- "$(dirname -- "$r")/.$(basename -- "$r").kd-XXXXXXXXXX")
cat > "$s"
echo "${MARK_STAGED} $s"`;
}

/** Which permissions a deployed file may keep: never world-writable, nothing for others with a secret. */
export const modeMask = (holdsSecret: boolean) => (holdsSecret ? 0o770 : 0o775);

/**
 * The switch: a backup copy of the live file (mktemp, 0600), the staged file given the live file's owner,
 * group and (masked) mode, then the atomic rename. A failure before the rename removes the backup.
 * Prints MARK_BACKUP (when there was a live file), MARK_MODE and, last, MARK_SWITCHED.
 */
export function commitScript(staged: string, target: string, stamp: string, fallbackMode: string, holdsSecret: boolean): string {
  const mask = `0${modeMask(holdsSecret).toString(8)}`;
  return `set -e; umask 077
s=${shellQuote(staged)}; t=${shellQuote(target)}
${resolveLive}
b=
trap 'if [ -n "$b" ]; then rm -f -- "$b"; fi' EXIT
if [ -e "$r" ]; then
  b=$(mktemp -- "$r.bak-${stamp}.XXXXXX")
  cat -- "$r" > "$b"
  echo "${MARK_BACKUP} $b"
  chown -- "$(stat -L -c %u:%g -- "$r")" "$s"
  m=$(stat -L -c %a -- "$r")
else
  m=${fallbackMode}
fi
m=$(printf '%o' $(( 0$m & ${mask} )))
chmod -- "$m" "$s"
echo "${MARK_MODE} $m"
mv -f -- "$s" "$r"
b=
trap - EXIT
echo ${MARK_SWITCHED}`;
}

/**
 * Puts `backup` back as the live file of `target`, with the owner and mode the live file has now (the
 * deploy gave it the previous one's); the backup itself is consumed. `keepBackup` copies instead.
 */
export function restoreScript(target: string, backup: string, keepBackup: boolean): string {
  return `set -e; umask 077
t=${shellQuote(target)}; b=${shellQuote(backup)}
${resolveLive}
[ -f "$b" ] || { echo "the backup $b is gone" >&2; exit 4; }
n=$(mktemp -- "$(dirname -- "$r")/.$(basename -- "$r").kd-XXXXXXXXXX")
trap 'rm -f -- "$n"' EXIT
cat -- "$b" > "$n"
if [ -e "$r" ]; then chown -- "$(stat -L -c %u:%g -- "$r")" "$n"; chmod -- "$(stat -L -c %a -- "$r")" "$n"; fi
mv -f -- "$n" "$r"
trap - EXIT
${keepBackup ? '' : 'rm -f -- "$b"'}`;
}

/** Removes the live file a deploy created where there was none. */
export function removeLiveScript(target: string): string {
  return `t=${shellQuote(target)}; ${resolveLive}; rm -f -- "$r"`;
}

/**
 * What is on the host now: the live file's sha256 (or "none"), and every backup of this run with its
 * sha256, one `MARK_DIGEST path digest` line each. Used when a switch's outcome is unknown.
 */
export function digestsScript(target: string, stamp: string): string {
  return `t=${shellQuote(target)}
${resolveLive}
if [ -e "$r" ]; then echo "${MARK_DIGEST} live $(sha256sum < "$r" | cut -d' ' -f1)"; else echo "${MARK_DIGEST} live none"; fi
for f in "$r".bak-${stamp}.*; do [ -f "$f" ] && echo "${MARK_DIGEST} $(sha256sum < "$f" | cut -d' ' -f1) $f"; done
exit 0`;
}

/** Removes this run's leftovers beside the live file: staged copies of the given names. */
export function removeFilesScript(paths: string[]): string {
  return `rm -f -- ${paths.map(shellQuote).join(' ')}`;
}

/** `MARK value` lines of a script's stdout. */
export function marked(stdout: string, mark: string): string[] {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith(`${mark} `))
    .map((l) => l.slice(mark.length + 1));
}
