// The disk as the workspace sees it. Kept apart from the workspace (and its parser) so that the linter's
// launcher can check its result cache without loading the analysis.
import { statSync } from 'node:fs';
import { includeGlob } from './glob/includeGlob';
import { MAX_CONFIG_BYTES, readConfigBytes, unreadableMessage } from './safeRead';

/** Where the workspace reads files it does not hold in memory (the disk, in the CLI and the server). */
export interface FileSystem {
  readFile(path: string): string | undefined;
  /** why a path that exists gave no text (a FIFO, a device, a huge file), for a diagnostic */
  unreadable?(path: string): string | undefined;
  /** the files an include pattern (absolute) makes keepalived read, in its order */
  glob(pattern: string): string[];
  /** what keepalived finds missing while it looks for an include pattern's files (it warns, or skips them all) */
  globMissing?(pattern: string): string[];
  /** a regular file with an execute bit set: keepalived skips it when it includes files */
  executable?(path: string): boolean;
  /** an environment variable, as keepalived's ${_ENV NAME} reads it (by default the linter's own) */
  environment?(name: string): string | undefined;
}

/**
 * The workspace asks for a pattern's files and at once for what is missing: one walk answers both. The answer
 * is kept from a glob() until the globMissing() of the same pattern takes it, no longer (the disk changes).
 */
let lastGlob: { pattern: string; result: ReturnType<typeof includeGlob> } | undefined;

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
    lastGlob = { pattern, result: includeGlob(pattern) };
    return lastGlob.result.files;
  },
  globMissing(pattern) {
    const kept = lastGlob?.pattern === pattern ? lastGlob.result : includeGlob(pattern);
    lastGlob = undefined;
    return kept.missing;
  },
};

