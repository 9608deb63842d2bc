// The lines of an instance's unicast_peer blocks: `ADDRESS [min_ttl N] [max_ttl N]`, read as keepalived's
// alloc_vrrp_unicast_peer() (vrrp_data.c) reads them. (An address of the wrong family is instanceFamily.ts's.)
import type { Statement } from '../../syntax';
import { addressPart } from '../argTypes';
import { addressKey, ipFamily } from '../ipFamily';
import type { FileDiagnostic } from '../unit';
import { compareVersions } from '../versions';

/** keepalived 2.3.3 started to drop a peer listed twice, and to say so */
const DUPLICATE_PEER_SINCE = '2.3.3';

export function unicastPeerFindings(file: string, instance: Statement, keepalivedVersion: string | undefined): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  const seen = new Map<string, Statement>();
  const dropsDuplicates = !keepalivedVersion || compareVersions(keepalivedVersion, DUPLICATE_PEER_SINCE) >= 0;
  const lines = instance.block?.statements.filter((s) => s.name === 'unicast_peer').flatMap((b) => b.block?.statements ?? []) ?? [];
  for (const line of lines) {
    const family = ipFamily(addressPart(line.name));
    if (!family) continue; // the schema's
    const ttl = new Map([['min_ttl', 0], ['max_ttl', 255]]);
    for (let i = 0; i < line.args.length; i += 2) {
      const [option, value] = [line.args[i], line.args[i + 1]];
      if (!value) {
        out.push({ file, range: option.range, severity: 'error', code: 'argument-count', message: `${option.text} needs a value: keepalived ignores it` });
        break;
      }
      // keepalived skips a pair whose value is not a TTL without a word, whatever the option
      if (!/^\d+$/.test(value.text) || Number(value.text) > 255) continue;
      if (!ttl.has(option.text)) {
        out.push({ file, range: option.range, severity: 'error', code: 'invalid-value', message: `'${option.text}' is not a unicast peer option (min_ttl, max_ttl): keepalived ignores it and the rest of the line` });
        break;
      }
      ttl.set(option.text, Number(value.text));
    }
    const key = addressKey(addressPart(line.name));
    const earlier = seen.get(key);
    if (earlier && dropsDuplicates) {
      out.push({ file, range: line.keyword.range, severity: 'warning', code: 'duplicate-keyword', message: `unicast peer ${line.name} is listed already: keepalived${keepalivedVersion ? ` ${keepalivedVersion}` : ''} ignores this one`, related: [{ file, range: earlier.keyword.range, message: 'first listed here' }] });
      continue;
    }
    seen.set(key, line);
    const [min, max] = [ttl.get('min_ttl')!, ttl.get('max_ttl')!];
    if (min > max) out.push({ file, range: line.keyword.range, severity: 'warning', code: 'invalid-number', message: `min_ttl ${min} is above max_ttl ${max}: keepalived discards every advert from ${line.name}` });
  }
  return out;
}
