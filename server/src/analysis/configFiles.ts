// Which files are keepalived configs, for the walks over a folder (the language server's workspace scan and
// `keepalived-lint DIR`) and for the editor's choice of language: one set of rules, so the linter finds in a
// repository what the extension finds in a workspace.
import { basename, sep } from 'node:path';

/** what a walk looks at: `.conf` files, and the Jinja templates Ansible roles ship them as */
export const isConfigCandidate = (path: string): boolean => /\.conf(\.j2)?$/.test(path);
/** how much of a file the contents test reads: the first top-level block is near the start */
export const SNIFF_BYTES = 64 * 1024;

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

export function looksLikeKeepalived(text: string): boolean {
  return KEEPALIVED_BLOCK.test(text);
}

/** whether a walk keeps `path`: by its name, else (given the start of its text) by its contents */
export function isWalkedConfig(path: string, head: () => string | undefined): boolean {
  if (hasKeepalivedName(path)) return true;
  const text = head();
  return text !== undefined && looksLikeKeepalived(text);
}
