// `keepalived-lint DIR`: a directory stands for the keepalived configs under it, found as the language
// server finds a workspace's (server/src/analysis/configFiles.ts): by name, else by their first blocks.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { isConfigCandidate, isWalkedConfig, SNIFF_BYTES } from '../analysis/configFiles';
import { filesUnder } from '../analysis/glob/walk';
import { isDirectory } from './lintArgs';

/**
 * The arguments with each directory replaced by the configs under it, sorted; files and "-" stay as given.
 * A file found twice (named, and under a directory named too) is checked once.
 */
export function expandDirectories(files: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (file: string, key = resolve(file)) => {
    if (seen.has(key)) return;
    seen.add(key);
    out.push(file);
  };
  for (const file of files) {
    if (!isDirectory(file)) add(file, file === '-' ? '-' : undefined);
    else for (const found of configsUnder(file)) add(found);
  }
  return out;
}

function configsUnder(directory: string): string[] {
  return filesUnder(resolve(directory), isConfigCandidate).filter((path) => isWalkedConfig(path, () => head(path)));
}

let sniffBuffer: Buffer | undefined;

/** the first bytes of a regular file, or undefined; never waits on a FIFO or a device */
function head(path: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    if (!fstatSync(fd).isFile()) return undefined;
    const buffer = (sniffBuffer ??= Buffer.allocUnsafe(SNIFF_BYTES));
    const length = readSync(fd, buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, length).toString('utf8');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
