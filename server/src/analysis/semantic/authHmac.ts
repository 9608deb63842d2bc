// An instance's auth_hmac block as keepalived 2.4 reads it (vrrp_parser.c) and completes it (vrrp.c): a key
// of the wrong length is dropped, a second key of one id is ignored, an active_key naming no key disables
// the extension, and strict mode forces mode enforce. Messages never repeat a secret, only its length.
import type { Statement } from '../../syntax';
import { all, type VrrpInstanceView } from '../../syntax/views';
import { readDecimal } from './routeValues';
import type { FileDiagnostic } from '../unit';
import type { InstanceMode } from './instanceMode';

const KEY_BYTES = { min: 32, max: 64 };

export function authHmacFindings(file: string, item: VrrpInstanceView, mode: InstanceMode): FileDiagnostic[] {
  if (!mode.authHmac) return [];
  const out: FileDiagnostic[] = [];
  // keepalived reads every auth_hmac block of an instance into the first one
  const lines = all(item.statement, 'auth_hmac').flatMap((block) => block.block?.statements ?? []);
  const keys = new Map<number, Statement>();
  for (const key of lines.filter((s) => s.name === 'key')) {
    const id = readDecimal(key.args[0]?.text ?? '', 255);
    const secret = key.args[1];
    // a missing id or value, and an id out of range, are the schema's findings
    if (!secret || !id) continue;
    const bytes = keyBytes(secret.text);
    if (bytes !== undefined && (bytes < KEY_BYTES.min || bytes > KEY_BYTES.max)) {
      out.push({ file, range: secret.range, severity: 'error', code: 'invalid-argument', message: `auth_hmac key ${id} is ${bytes} byte${bytes === 1 ? '' : 's'} long: keepalived takes ${KEY_BYTES.min} to ${KEY_BYTES.max} and drops this key` });
      continue;
    }
    const first = keys.get(id);
    if (first) {
      out.push({ file, range: key.keyword.range, severity: 'warning', code: 'duplicate-keyword', message: `auth_hmac key ${id} is defined already (line ${first.keyword.range.start.line + 1}): keepalived keeps the first and ignores this one` });
      continue;
    }
    keys.set(id, key);
  }
  const active = lines.filter((s) => s.name === 'active_key' && readDecimal(s.args[0]?.text ?? '', 255)).at(-1);
  if (!active) return out;
  const id = readDecimal(active.args[0].text, 255)!;
  // a key read from a file may be the one: its length is known on the machine only
  const fromFile = lines.some((s) => s.name === 'key' && s.args[1]?.text.startsWith('file:'));
  if (!keys.has(id) && !fromFile) {
    out.push({ file, range: active.args[0].range, severity: 'error', code: 'undefined-reference', message: `active_key ${id} names no key keepalived keeps in this auth_hmac block: it disables auth_hmac, and adverts go unsigned` });
    return out;
  }
  // keepalived ignores a mode line whose word is none of the three
  const setMode = lines.filter((s) => s.name === 'mode' && ['enforce', 'permissive', 'receive-only'].includes(s.args[0]?.text ?? '')).at(-1);
  if (mode.strict && setMode && setMode.args[0].text !== 'enforce') {
    out.push({ file, range: setMode.keyword.range, severity: 'warning', code: 'strict-mode-reset', message: `${item.name} runs in strict mode, which requires auth_hmac mode enforce: keepalived uses enforce, not ${setMode.args[0].text}` });
  }
  return out;
}

/** a key's length in bytes as keepalived decodes it: text, or `hex:` digits (undefined: read from a file) */
function keyBytes(value: string): number | undefined {
  if (value.startsWith('file:')) return undefined;
  if (!value.startsWith('hex:')) return Buffer.byteLength(value);
  let bytes = 0;
  // pairs of hex digits; a blank ends a byte early (one digit); any other character ends in an error: 0 bytes
  for (const group of value.slice(4).split(/[ \t]+/).filter(Boolean)) {
    if (!/^[0-9a-f]+$/i.test(group)) return 0;
    bytes += Math.ceil(group.length / 2);
  }
  return bytes;
}
