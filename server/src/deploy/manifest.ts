/**
 * A record per successful deploy on each host, so a rollback restores what was live before the last
 * deploy that succeeded, not whichever backup file happens to be newest (a failed run must not decide).
 * Kept in the host's state directory beside the lock: runs/<sequence>-<stamp>.deployed.json, renamed to
 * .rolled-back.json once a rollback used it. Digests, paths and names only: no config text.
 */
import { createHash } from 'node:crypto';
import { shellQuote } from './shellQuote';
import { stateDirOf } from './hostLock';

export interface DeployManifest {
  run: string;
  at: string;
  /** every host of that deploy, to tell a rollback report which deploy it undid */
  hosts: string[];
  host: string;
  target: string;
  /** the previous live file's copy, or null when the deploy created the file */
  backup: string | null;
  backupSha256: string | null;
  installedSha256: string;
}

export const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

const runsDir = (target: string) => `${stateDirOf(target)}/runs`;

export function writeManifestScript(m: DeployManifest, stamp: string): string {
  return `set -e; umask 077
d=${shellQuote(runsDir(m.target))}
mkdir -p -- "$d"
f=$(mktemp -- "$d/.new-XXXXXX")
cat > "$f"
# a sequence number first, so the newest sorts last whatever the clocks said (the lock is held)
n=$(ls -1 -- "$d" | grep -c '\.json$' || true)
mv -f -- "$f" "$d/$(printf '%08d' "$n")-"${shellQuote(`${stamp}.deployed.json`)}`;
}

const MARK_MANIFEST = '__kd_manifest__';

/** The newest manifest not yet rolled back: its file name on a marked line, then its JSON. */
export function readLatestManifestScript(target: string): string {
  return `d=${shellQuote(runsDir(target))}
f=$(ls -1 -- "$d" 2>/dev/null | grep '\\.deployed\\.json$' | sort | tail -n 1)
[ -n "$f" ] || exit 0
echo "${MARK_MANIFEST} $f"
cat -- "$d/$f"`;
}

export function parseLatestManifest(stdout: string): { file: string; manifest: DeployManifest } | undefined {
  const nl = stdout.indexOf('\n');
  if (!stdout.startsWith(`${MARK_MANIFEST} `) || nl < 0) return undefined;
  try {
    return { file: stdout.slice(MARK_MANIFEST.length + 1, nl), manifest: JSON.parse(stdout.slice(nl + 1)) as DeployManifest };
  } catch {
    return undefined;
  }
}

export function markRolledBackScript(target: string, file: string): string {
  return `d=${shellQuote(runsDir(target))}; mv -f -- "$d"/${shellQuote(file)} "$d"/${shellQuote(file.replace(/\.deployed\.json$/, '.rolled-back.json'))}`;
}

/** sha256 of the live file behind `target`, or "none". */
export function liveDigestScript(target: string): string {
  return `t=${shellQuote(target)}; r=$(readlink -f -- "$t" 2>/dev/null) || r=$t
if [ -e "$r" ]; then sha256sum < "$r" | cut -d' ' -f1; else echo none; fi`;
}

/** sha256 of any file, or "none". */
export function fileDigestScript(path: string): string {
  return `f=${shellQuote(path)}; if [ -f "$f" ]; then sha256sum < "$f" | cut -d' ' -f1; else echo none; fi`;
}
