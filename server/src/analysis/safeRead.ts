// Reading a config from disk without trusting what the path names. An include can name a FIFO (reading it
// waits for a writer for ever), a device (/dev/zero never ends) or a file of gigabytes; a plain readFileSync
// hangs the server or grows its memory without bound. Only regular files are read, and only up to a cap.
// No dependencies beyond node:fs: the lint launcher's cache check uses it too.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

/** Larger than any real keepalived.conf (a 20,000-line config is about 0.6 MB). */
export const MAX_CONFIG_BYTES = 8 * 1024 * 1024;

/** Why a path that exists was not read. */
export type Unreadable = 'not-regular' | 'too-large';

export type ConfigRead = { bytes: Buffer } | { unreadable: Unreadable; kind: string } | undefined;

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  if (stats.isDirectory()) return 'a directory';
  return 'not a regular file';
}

/**
 * The bytes of a regular file of at most `limit` bytes; for anything else why not; undefined when the path
 * cannot be opened. Opening is non-blocking, so a FIFO without a writer does not wait.
 */
export function readConfigBytes(path: string, limit = MAX_CONFIG_BYTES): ConfigRead {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const stats = fstatSync(fd);
    // a character device is read like a file, up to the cap (`include /dev/null` is a real idiom; /dev/zero
    // ends at the cap, a terminal answers EAGAIN); a FIFO is not: without a writer it reads as empty, where
    // keepalived would wait
    const device = stats.isCharacterDevice();
    if (!stats.isFile() && !device) return { unreadable: 'not-regular', kind: kindOf(stats) };
    if (stats.size > limit) return { unreadable: 'too-large', kind: `${stats.size} bytes` };
    // the file may grow while it is read: read at most one byte past the cap to tell
    let buffer = Buffer.allocUnsafe(Math.min(limit + 1, stats.size + 4096));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > limit) return { unreadable: 'too-large', kind: device ? `${kindOf(stats)} giving over ${limit} bytes` : `over ${limit} bytes` };
        const larger = Buffer.allocUnsafe(Math.min(limit + 1, length * 2));
        buffer.copy(larger);
        buffer = larger;
      }
      let n: number;
      try {
        n = readSync(fd, buffer, length, buffer.length - length, null);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EAGAIN') return { unreadable: 'not-regular', kind: kindOf(stats) };
        throw error;
      }
      if (n === 0) break;
      length += n;
    }
    return { bytes: buffer.subarray(0, length) };
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** What a diagnostic says about a path that was not read. */
export function unreadableMessage(path: string, read: { unreadable: Unreadable; kind: string }): string {
  return read.unreadable === 'not-regular'
    ? `'${path}' is ${read.kind}, not a regular file: the linter does not read it (keepalived would try to read it as config text)`
    : `'${path}' is too large to check (${read.kind}; the limit is ${MAX_CONFIG_BYTES / 1024 / 1024} MiB)`;
}
