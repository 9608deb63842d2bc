// The disk as the workspace sees it. Kept apart from the workspace (and its parser) so that the linter's
// launcher can check its result cache without loading the analysis.
import { existsSync, statSync } from 'node:fs';
import { loadGlobber } from './globber';
import { hasWildcard, splitAtWildcard } from './globPattern';
import { MAX_CONFIG_BYTES, readConfigBytes, unreadableMessage } from './safeRead';

/** Where the workspace reads files it does not hold in memory (the disk, in the CLI and the server). */
export interface FileSystem {
  readFile(path: string): string | undefined;
  /** why a path that exists gave no text (a FIFO, a device, a huge file), for a diagnostic */
  unreadable?(path: string): string | undefined;
  /** absolute paths matching a glob pattern (absolute pattern) */
  glob(pattern: string): string[];
  /** a regular file with an execute bit set: keepalived skips it when it includes files */
  executable?(path: string): boolean;
}

export const diskFileSystem: FileSystem = {
  readFile(path) {
    const read = readConfigBytes(path);
    return read && 'bytes' in read ? read.bytes.toString('utf8') : undefined;
  },
  unreadable(path) {
    const read = readConfigBytes(path, MAX_CONFIG_BYTES);
    return read && 'unreadable' in read ? unreadableMessage(path, read) : undefined;
  },
  executable(path) {
    try {
      const stats = statSync(path);
      return stats.isFile() && (stats.mode & 0o111) !== 0;
    } catch {
      return false;
    }
  },
  glob(pattern) {
    if (!hasWildcard(pattern)) {
      return existsSync(pattern) ? [pattern] : [];
    }
    const { rest, options } = globQuery(pattern);
    return loadGlobber().globSync(rest, options).sort();
  },
};

/**
 * How an absolute include pattern with a wildcard is asked of tinyglobby (here and in the language server's
 * read-ahead). Given the absolute pattern, it works out paths against the process's directory, which took
 * 15-80 ms for a directory of 8 files; from the pattern's fixed leading directories it takes under 1 ms.
 */
export function globQuery(pattern: string): { rest: string; options: { cwd: string; absolute: true; onlyFiles: true; expandDirectories: false } } {
  const { base, rest } = splitAtWildcard(pattern);
  return { rest, options: { cwd: base, absolute: true, onlyFiles: true, expandDirectories: false } };
}
