import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, sep } from 'node:path';
import { loadGlobber } from '../analysis/globber';

/**
 * Names the VS Code extension associates with keepalived (package.json `filenames`/`filenamePatterns`):
 * keepalived.conf, keepalived-lb1.conf, lb1.keepalived.conf, upstream's samples keepalived.conf.SMTP_CHECK,
 * Ansible's keepalived.conf.j2, and any .conf (or .conf.j2) under a keepalived/ folder.
 */
export function hasKeepalivedName(path: string): boolean {
  const name = basename(path);
  if (/^keepalived[^/]*\.conf$/.test(name) || name.endsWith('.keepalived.conf') || name.startsWith('keepalived.conf.')) return true;
  return /\.conf(\.j2)?$/.test(name) && path.split(sep).slice(0, -1).includes('keepalived');
}

// A director's config is often named after its role (master.conf, lvs-a.conf): recognise it by its
// top-level blocks rather than its name, which also keeps nginx/systemd *.conf files out.
const KEEPALIVED_BLOCK = /^[ \t]*(?:global_defs|vrrp_instance|vrrp_sync_group|vrrp_script|virtual_server|virtual_server_group)\b[^\n]*\{/m;
const SNIFF_BYTES = 64 * 1024;

export function looksLikeKeepalived(text: string): boolean {
  return KEEPALIVED_BLOCK.test(text);
}

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
  return hasKeepalivedName(path) || (path.endsWith('.conf') && (await sniff(path)));
}

const IGNORED = ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/out/**'];
/** Bounds the work on a huge folder; a workspace of keepalived configs is far smaller. */
export const MAX_SCANNED_FILES = 5000;

/** The keepalived configs in a workspace folder (main configs and included ones alike). */
export async function scanFolder(folder: string): Promise<string[]> {
  const candidates = await loadGlobber().glob(['**/*.conf'], { cwd: folder, absolute: true, onlyFiles: true, ignore: IGNORED, followSymbolicLinks: false, dot: false });
  const limited = candidates.sort().slice(0, MAX_SCANNED_FILES);
  const verdicts = await Promise.all(limited.map(isKeepalivedConfig));
  return limited.filter((_, i) => verdicts[i]);
}

/** Every cluster file in a workspace folder, at any depth: each declares its clusters wherever it is. */
export async function scanClusterFiles(folder: string, name: string): Promise<string[]> {
  const pattern = `**/${name.replace(/^\.\//, '')}`;
  const found = await loadGlobber().glob([pattern], { cwd: folder, absolute: true, onlyFiles: true, ignore: IGNORED, followSymbolicLinks: false, dot: false });
  return found.sort().slice(0, MAX_SCANNED_FILES);
}
