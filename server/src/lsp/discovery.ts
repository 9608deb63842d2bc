import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { hasKeepalivedName, isConfigCandidate, looksLikeKeepalived, SNIFF_BYTES } from '../analysis/configFiles';
import { filesUnder } from '../analysis/glob/walk';

export { hasKeepalivedName, looksLikeKeepalived } from '../analysis/configFiles';

async function sniff(path: string): Promise<boolean> {
  let handle;
  try {
    // non-blocking: a FIFO named *.conf would hold one of libuv's few threads until a writer came
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    if (!(await handle.stat()).isFile()) return false;
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return looksLikeKeepalived(buffer.subarray(0, bytesRead).toString('utf8'));
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}

export async function isKeepalivedConfig(path: string): Promise<boolean> {
  return hasKeepalivedName(path) || (isConfigCandidate(path) && (await sniff(path)));
}

/** Bounds the work on a huge folder; a workspace of keepalived configs is far smaller. */
export const MAX_SCANNED_FILES = 5000;

/** The keepalived configs in a workspace folder (main configs and included ones alike). */
export async function scanFolder(folder: string): Promise<string[]> {
  const limited = filesUnder(folder, isConfigCandidate).slice(0, MAX_SCANNED_FILES);
  const verdicts = await Promise.all(limited.map(isKeepalivedConfig));
  return limited.filter((_, i) => verdicts[i]);
}

/** Every cluster file in a workspace folder, at any depth: each declares its clusters wherever it is. */
export async function scanClusterFiles(folder: string, name: string): Promise<string[]> {
  const suffix = `/${name.replace(/^\.\//, '')}`;
  return filesUnder(folder, (path) => path.endsWith(suffix)).slice(0, MAX_SCANNED_FILES);
}
