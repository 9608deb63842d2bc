/**
 * One deploy (or rollback) at a time per host. The lock is a directory beside the target
 * (`mkdir` is atomic), holding a `holder` file: the remote pid that keeps the lock, then a line naming who
 * holds it. That pid is a `cat` reading the channel that took the lock, so it lives exactly as long as
 * the deploy's SSH connection: a lock whose pid is gone belongs to a deploy that died, and is taken over.
 * A deploy whose network dropped does not close its connection, so the holder also wants a byte from the
 * deploy every few seconds (where `timeout` exists): silence for `silenceSeconds` ends it too.
 */
import { hostname, userInfo } from 'node:os';
import { shellQuote } from './shellQuote';
import { SshError, type SshSession } from './ssh';

const MARK_LOCKED = '__kd_locked__';
const MARK_BUSY = '__kd_busy__';
const MARK_STALE = '__kd_stale__';

export const stateDirOf = (target: string) => `${target.slice(0, target.lastIndexOf('/')) || ''}/.keepalived-deploy`;

/** Who we are, for the holder line another deploy will print. */
export function holderName(run: string, now: Date): string {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // no passwd entry: keep "unknown"
  }
  return `${user}@${hostname()} (pid ${process.pid}, run ${run}, since ${now.toISOString()})`.replace(/[^\w@.:,() -]/g, '_');
}

/** How often the deploy proves it is alive to its lock holders, and how long they wait for that. */
export const LOCK_PING_MS = 5000;
export const LOCK_SILENCE_SECONDS = 30;

function lockScript(target: string, holder: string, silenceSeconds: number): string {
  return `umask 077
d=${shellQuote(stateDirOf(target))}; h=${shellQuote(holder)}
mkdir -p -- "$d" || exit 1
l="$d/lock"
n=0
while :; do
  if mkdir -- "$l" 2>/dev/null; then
    printf '%s\\n%s\\n' "$$" "$h" > "$l/holder"
    echo "${MARK_LOCKED} $$"
    if command -v timeout >/dev/null 2>&1; then
      while [ -n "$(timeout ${silenceSeconds} head -c 1)" ]; do :; done
      exit 0
    fi
    exec cat > /dev/null
  fi
  pid=$(sed -n 1p "$l/holder" 2>/dev/null)
  who=$(sed -n 2p "$l/holder" 2>/dev/null)
  if [ -z "$pid" ]; then
    # taken this instant and the holder not written yet, or a crash in between: look again shortly
    n=$((n + 1)); [ $n -lt 5 ] || { pid=0; who="a deploy that died before naming itself"; }
    [ $n -ge 5 ] || { sleep 1; continue; }
  fi
  if [ "$pid" = 0 ] || ! { [ -d "/proc/$pid" ] || kill -0 "$pid" 2>/dev/null; }; then
    echo "${MARK_STALE} $who" >&2
    rm -rf -- "$l"
    continue
  fi
  echo "${MARK_BUSY} $who"
  exit 75
done`;
}

export interface HeldLock {
  /** the holder line of a stale lock this run took over */
  tookOverFrom?: string;
  release(): Promise<void>;
}

export class LockBusy extends Error {
  constructor(readonly holder: string) {
    super(`another deploy holds the lock: ${holder}`);
  }
}

/** Takes the host's lock or throws LockBusy naming the holder. `pingMs` 0: no pings (tests of a silent holder). */
export async function takeLock(
  s: SshSession,
  target: string,
  holder: string,
  timing: { pingMs: number; silenceSeconds: number } = { pingMs: LOCK_PING_MS, silenceSeconds: LOCK_SILENCE_SECONDS },
): Promise<HeldLock> {
  const r = await s.hold(lockScript(target, holder, timing.silenceSeconds));
  const stale = r.stderr.split('\n').find((l) => l.startsWith(`${MARK_STALE} `))?.slice(MARK_STALE.length + 1);
  if (r.firstLine.startsWith(`${MARK_BUSY} `)) throw new LockBusy(r.firstLine.slice(MARK_BUSY.length + 1));
  if (!r.firstLine.startsWith(`${MARK_LOCKED} `) || r.exited)
    throw new SshError(`cannot take the deploy lock: ${r.stderr.trim() || r.firstLine || 'no answer'}`, 'remote');
  const pid = r.firstLine.slice(MARK_LOCKED.length + 1).trim();
  const l = `${stateDirOf(target)}/lock`;
  const ping = timing.pingMs > 0 ? setInterval(() => r.write('.'), timing.pingMs) : undefined;
  ping?.unref();
  return {
    tookOverFrom: stale,
    release: async () => {
      clearInterval(ping);
      // only our own lock: a lock taken over meanwhile (we were thought dead) is left to its holder
      await s
        .exec(`l=${shellQuote(l)}; [ "$(sed -n 1p "$l/holder" 2>/dev/null)" = ${shellQuote(pid)} ] && rm -rf -- "$l"; exit 0`, { ignoreCancel: true })
        .catch(() => undefined);
      r.release();
    },
  };
}
