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

export type ConfigRead = { bytes: Buffer } | { unreadable: Unreadable; kind: string } | undefined;

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

/** The file may grow while it is read: the buffer holds at most one byte past the cap, to tell. */
function firstBuffer(stats: Stats, limit: number): Buffer {
  return Buffer.allocUnsafe(Math.min(limit + 1, stats.size + 4096));
}

/** A full buffer: a larger one, or why reading stops (past the cap). */
function grown(buffer: Buffer, stats: Stats, limit: number): Buffer | ConfigRead {
  if (buffer.length > limit) return { unreadable: 'too-large', kind: stats.isCharacterDevice() ? `${kindOf(stats)} giving over ${limit} bytes` : `over ${limit} bytes` };
  const larger = Buffer.allocUnsafe(Math.min(limit + 1, buffer.length * 2));
  buffer.copy(larger);
  return larger;
}

const wouldBlock = (error: unknown, stats: Stats): ConfigRead => {
  if ((error as NodeJS.ErrnoException).code === 'EAGAIN') return { unreadable: 'not-regular', kind: kindOf(stats) };
  throw error;
};

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
    const stats = fstatSync(fd);
    const refused = refusal(stats, limit);
    if (refused) return refused;
    let buffer = firstBuffer(stats, limit);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        const next = grown(buffer, stats, limit);
        if (!Buffer.isBuffer(next)) return next;
        buffer = next;
      }
      let n: number;
      try {
        n = readSync(fd, buffer, length, buffer.length - length, null);
      } catch (error) {
        return wouldBlock(error, stats);
      }
      if (n === 0) return { bytes: buffer.subarray(0, length) };
      length += n;
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
    const stats = await handle.stat();
    const refused = refusal(stats, limit);
    if (refused) return refused;
    let buffer = firstBuffer(stats, limit);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        const next = grown(buffer, stats, limit);
        if (!Buffer.isBuffer(next)) return next;
        buffer = next;
      }
      let n: number;
      try {
        ({ bytesRead: n } = await handle.read(buffer, length, buffer.length - length, null));
      } catch (error) {
        return wouldBlock(error, stats);
      }
      if (n === 0) return { bytes: buffer.subarray(0, length) };
      length += n;
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
    ? `'${path}' is ${read.kind}, not a regular file: the linter does not read it (keepalived would try to read it as config text)`
    : `'${path}' is too large to check (${read.kind}; the limit is ${MAX_CONFIG_BYTES / 1024 / 1024} MiB)`;
}
