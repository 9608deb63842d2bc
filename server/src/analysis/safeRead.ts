// Reading a config from disk without trusting what the path names. An include can name a FIFO (reading it
// waits for a writer for ever), a device (/dev/zero never ends) or a file of gigabytes; a plain readFileSync
// hangs the server or grows its memory without bound. Only regular files are read, and only up to a cap.
// No dependencies beyond node:fs: the lint launcher's cache check uses it too.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

/** Larger than any real keepalived.conf (a 20,000-line config is about 0.6 MB). */
export const MAX_CONFIG_BYTES = 8 * 1024 * 1024;

/** Why a path that exists was not read. */
export type Unreadable = 'not-regular' | 'too-large';

const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

export type ConfigRead = { bytes: Buffer; executable: boolean } | { unreadable: Unreadable; kind: string } | undefined;

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  if (stats.isDirectory()) return 'a directory';
  return 'not a regular file';
}

/** Why a file is not read at all, judged from its stat before reading; undefined when it may be read. */
function refusal(stats: Stats, limit: number): ConfigRead {
  // a character device is read like a file, up to the cap (`include /dev/null` is a real idiom; /dev/zero
  // ends at the cap, a terminal answers EAGAIN); a FIFO is not: without a writer it reads as empty, where
  // keepalived would wait
  if (!stats.isFile() && !stats.isCharacterDevice()) return { unreadable: 'not-regular', kind: kindOf(stats) };
  if (stats.size > limit) return { unreadable: 'too-large', kind: `${stats.size} bytes` };
  return undefined;
}

/** A read the plan asks for; what it is sent back: how many bytes came, or the read's error. */
interface ReadRequest {
  buffer: Buffer;
  offset: number;
}
type ReadOutcome = { bytes: number } | { error: unknown };

/**
 * How an opened file is read, apart from how each read is made (blocking or not): refused from its stat,
 * else read into a buffer that grows up to one byte past the cap (the file may grow while it is read).
 */
function* readingPlan(stats: Stats, limit: number): Generator<ReadRequest, ConfigRead, ReadOutcome> {
  const refused = refusal(stats, limit);
  if (refused) return refused;
  let buffer = Buffer.allocUnsafe(Math.min(limit + 1, stats.size + 4096));
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > limit) return { unreadable: 'too-large', kind: stats.isCharacterDevice() ? `${kindOf(stats)} giving over ${limit} bytes` : `over ${limit} bytes` };
      const larger = Buffer.allocUnsafe(Math.min(limit + 1, length * 2));
      buffer.copy(larger);
      buffer = larger;
    }
    const outcome = yield { buffer, offset: length };
    if ('error' in outcome) {
      // a terminal opened without blocking has nothing to read
      if ((outcome.error as NodeJS.ErrnoException).code === 'EAGAIN') return { unreadable: 'not-regular', kind: kindOf(stats) };
      throw outcome.error;
    }
    if (outcome.bytes === 0) return { bytes: buffer.subarray(0, length), executable: stats.isFile() && (stats.mode & 0o111) !== 0 };
    length += outcome.bytes;
  }
}

/**
 * The bytes of a regular file of at most `limit` bytes; for anything else why not; undefined when the path
 * cannot be opened. Opening is non-blocking, so a FIFO without a writer does not wait.
 */
export function readConfigBytes(path: string, limit = MAX_CONFIG_BYTES): ConfigRead {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch {
    return undefined;
  }
  try {
    const plan = readingPlan(fstatSync(fd), limit);
    for (let step = plan.next(); ; ) {
      if (step.done) return step.value;
      const { buffer, offset } = step.value;
      let outcome: ReadOutcome;
      try {
        outcome = { bytes: readSync(fd, buffer, offset, buffer.length - offset, null) };
      } catch (error) {
        outcome = { error };
      }
      step = plan.next(outcome);
    }
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * readConfigBytes without blocking the thread: the language server reads this way, so that a slow disk or
 * a large file never holds up its answers.
 */
export async function readConfigBytesAsync(path: string, limit = MAX_CONFIG_BYTES): Promise<ConfigRead> {
  let handle: FileHandle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch {
    return undefined;
  }
  try {
    const plan = readingPlan(await handle.stat(), limit);
    for (let step = plan.next(); ; ) {
      if (step.done) return step.value;
      const { buffer, offset } = step.value;
      step = plan.next(await handle.read(buffer, offset, buffer.length - offset, null).then(({ bytesRead }) => ({ bytes: bytesRead }), (error: unknown) => ({ error })));
    }
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}

/** What a diagnostic says about a path that was not read. */
export function unreadableMessage(path: string, read: { unreadable: Unreadable; kind: string }): string {
  return read.unreadable === 'not-regular'
    ? `'${path}' is ${read.kind}, not a regular file: keepalived skips it, and so does the linter`
    : `'${path}' is too large to check (${read.kind}; the limit is ${MAX_CONFIG_BYTES / 1024 / 1024} MiB)`;
}
