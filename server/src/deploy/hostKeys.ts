/**
 * Host-key verification: a fingerprint pinned in the cluster file, or OpenSSH's known_hosts
 * (plain names, `[host]:port`, wildcard patterns, negations and hashed `|1|salt|hash` entries).
 */
import { createHash, createHmac } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type HostKeyStatus = 'trusted' | 'unknown' | 'changed' | 'revoked';

export interface HostKeyVerdict {
  status: HostKeyStatus;
  /** SHA256:base64 of the key the server presented, as `ssh-keygen -lf` prints it */
  fingerprint: string;
  keyType: string;
  /** why, in a sentence, for logs and prompts */
  detail: string;
}

interface KnownHostEntry {
  marker?: '@revoked' | '@cert-authority';
  hostField: string;
  keyType: string;
  key: Buffer;
  line: number;
}

export function sha256Fingerprint(keyBlob: Buffer): string {
  return 'SHA256:' + createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '');
}

/** The algorithm name at the start of an SSH public-key blob (uint32 length + string). */
export function keyTypeOf(keyBlob: Buffer): string {
  if (keyBlob.length < 4) return 'unknown';
  const len = keyBlob.readUInt32BE(0);
  return keyBlob.subarray(4, 4 + len).toString('latin1');
}

/** known_hosts writes the port only when it is not 22. */
export function knownHostsName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

export function parseKnownHosts(text: string): KnownHostEntry[] {
  const entries: KnownHostEntry[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const fields = line.split(/\s+/);
    let marker: KnownHostEntry['marker'];
    if (fields[0] === '@revoked' || fields[0] === '@cert-authority') marker = fields.shift() as KnownHostEntry['marker'];
    if (fields.length < 3) return;
    const [hostField, keyType, b64] = fields;
    if (!/^[A-Za-z0-9+/]+=*$/.test(b64)) return;
    entries.push({ marker, hostField, keyType, key: Buffer.from(b64, 'base64'), line: index + 1 });
  });
  return entries;
}

function globToRegExp(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

/** Does a known_hosts host field name this host? Negated patterns veto a match. */
export function hostFieldMatches(hostField: string, host: string, port: number): boolean {
  const name = knownHostsName(host, port);
  if (hostField.startsWith('|1|')) {
    const [, , salt, hash] = hostField.split('|');
    if (!salt || !hash) return false;
    const digest = createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64');
    return digest === hash;
  }
  let matched = false;
  for (const pattern of hostField.split(',')) {
    const negated = pattern.startsWith('!');
    const p = negated ? pattern.slice(1) : pattern;
    if (globToRegExp(p).test(name)) {
      if (negated) return false;
      matched = true;
    }
  }
  return matched;
}

export function readKnownHosts(file: string): string {
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

/** Key types already recorded for this host, so the client can ask the server for one of them first. */
export function knownKeyTypes(knownHostsText: string, host: string, port: number): string[] {
  return [
    ...new Set(
      parseKnownHosts(knownHostsText)
        .filter((e) => !e.marker && hostFieldMatches(e.hostField, host, port))
        .map((e) => e.keyType),
    ),
  ];
}

export function verifyHostKey(opts: {
  host: string;
  port: number;
  keyBlob: Buffer;
  knownHostsText: string;
  pinnedFingerprint?: string;
}): HostKeyVerdict {
  const fingerprint = sha256Fingerprint(opts.keyBlob);
  const keyType = keyTypeOf(opts.keyBlob);
  const base = { fingerprint, keyType };
  if (opts.pinnedFingerprint) {
    return opts.pinnedFingerprint === fingerprint
      ? { ...base, status: 'trusted', detail: 'matches the fingerprint pinned in the cluster file' }
      : {
          ...base,
          status: 'changed',
          detail: `presented ${fingerprint}, but the cluster file pins ${opts.pinnedFingerprint}`,
        };
  }
  const entries = parseKnownHosts(opts.knownHostsText).filter((e) =>
    hostFieldMatches(e.hostField, opts.host, opts.port),
  );
  const revoked = entries.find((e) => e.marker === '@revoked' && e.key.equals(opts.keyBlob));
  if (revoked) return { ...base, status: 'revoked', detail: `the key is marked @revoked (known_hosts line ${revoked.line})` };
  const plain = entries.filter((e) => !e.marker);
  const same = plain.find((e) => e.key.equals(opts.keyBlob));
  if (same) return { ...base, status: 'trusted', detail: `matches known_hosts line ${same.line}` };
  if (plain.length > 0)
    return {
      ...base,
      status: 'changed',
      detail: `known_hosts line ${plain[0].line} records a different key for ${knownHostsName(opts.host, opts.port)}`,
    };
  return { ...base, status: 'unknown', detail: `${knownHostsName(opts.host, opts.port)} is not in known_hosts` };
}

export function appendKnownHost(file: string, host: string, port: number, keyBlob: Buffer): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const existing = readKnownHosts(file);
  const sep = existing && !existing.endsWith('\n') ? '\n' : '';
  appendFileSync(file, `${sep}${knownHostsName(host, port)} ${keyTypeOf(keyBlob)} ${keyBlob.toString('base64')}\n`, {
    mode: 0o600,
  });
}
