import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes a cache file readable by its owner only, aside first and then renamed over the old one, so that a
 * reader sees the old file or the new one and never half of one. Returns false when it could not: a cache that
 * cannot be written only costs the next run its speed.
 */
export function writeAside(file: string, data: string | Uint8Array): boolean {
  const partial = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(partial, data, { mode: 0o600 });
    renameSync(partial, file);
    return true;
  } catch {
    try {
      rmSync(partial, { force: true });
    } catch {
      // nothing more to do
    }
    return false;
  }
}
