// What keepalived makes of a bfd_instance as it closes the block (bfd_parser.c, bfd_end_handler): without a
// neighbour address it disables the instance, with a source of the other family too, and one whose
// neighbour (and multihop setting) an earlier instance already has, sources aside, it ignores. A name of 32
// characters or more it refuses outright (alloc_bfd), and a max_hops above the ttl it lowers.
import type { Statement, Word } from '../../syntax';
import { readBoolean } from '../../syntax/numbers';
import { all } from '../../syntax/views';
import { addressKey, ipFamily } from '../ipFamily';
import { collect, type ConfigUnit, type FileDiagnostic } from '../unit';
import { readDecimal } from './routeValues';

/** BFD_INAME_MAX - 1 */
export const BFD_NAME_MAX = 31;
/** the ttl (IPv4) or hop limit (IPv6) keepalived sends with when none is set */
const DEFAULT_TTL = { 4: 255, 6: 64 } as const;

interface Session {
  name: string;
  neighbor: string;
  source?: string;
  multihop: boolean;
  line: number;
}

/** the last address of these keywords keepalived can read, as a comparable text */
function lastAddress(statement: Statement, ...keywords: string[]): { word: Word; family: 4 | 6; key: string } | undefined {
  const lines = statement.block?.statements.filter((s) => keywords.includes(s.name)) ?? [];
  for (const line of lines.reverse()) {
    const word = line.args[0];
    const family = word ? ipFamily(word.text) : 0;
    if (word && family) return { word, family, key: addressKey(word.text) };
  }
  return undefined;
}

export function checkBfdInstances(unit: ConfigUnit): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  const kept: Session[] = [];
  const names = new Set<string>();
  for (const { file, item } of collect(unit, 'bfdInstances')) {
    // a second instance of a name is skipped unread (reported with the names)
    if (!item.name || names.has(item.name)) continue;
    const statement = item.statement;
    if (item.name.length > BFD_NAME_MAX) {
      // the vrrp process skips it too ("BFD name too long"); the checker process keeps the name, for BFD_CHECK to refuse
      out.push({ file, range: statement.args[0].range, severity: 'error', code: 'invalid-argument', message: `bfd_instance name '${item.name}' has ${item.name.length} characters, more than ${BFD_NAME_MAX}: keepalived ignores this bfd_instance` });
      continue;
    }
    names.add(item.name);
    const neighbor = lastAddress(statement, 'neighbor_ip', 'neighbour_ip');
    if (!neighbor) {
      out.push({ file, range: statement.keyword.range, severity: 'error', code: 'missing-required', message: `bfd_instance ${item.name} has no neighbor_ip: keepalived disables it` });
      continue;
    }
    const source = lastAddress(statement, 'source_ip');
    if (source && source.family !== neighbor.family) {
      out.push({ file, range: source.word.range, severity: 'error', code: 'ip-family-mismatch', message: `source_ip ${source.word.text} is IPv${source.family} but the neighbor ${neighbor.word.text} is IPv${neighbor.family}: keepalived disables bfd_instance ${item.name}` });
      continue;
    }
    // keepalived ignores a multihop line whose word is no boolean
    const multihop = all(statement, 'multihop').map((s) => readBoolean(s.args[0]?.text)).filter((v) => v !== undefined).at(-1) ?? false;
    const session: Session = { name: item.name, neighbor: neighbor.key, source: source?.key, multihop, line: statement.range.start.line + 1 };
    const earlier = kept.find((k) => k.neighbor === session.neighbor && k.multihop === session.multihop && (!k.source || !session.source || k.source === session.source));
    if (earlier) {
      out.push({ file, range: neighbor.word.range, severity: 'error', code: 'duplicate-name', message: `bfd_instance ${item.name} runs the same session as ${earlier.name} (line ${earlier.line}): the same neighbor ${neighbor.word.text}${session.source ? ` and source` : ''}. keepalived ignores ${item.name}` });
      continue;
    }
    kept.push(session);
    out.push(...maxHopsFindings(file, statement, neighbor.family));
  }
  return out;
}

/** keepalived stores max_hops in a byte (-1 becomes 255) and lowers it to the ttl, whose default depends on the family */
function maxHopsFindings(file: string, statement: Statement, family: 4 | 6): FileDiagnostic[] {
  let ttl: number = DEFAULT_TTL[family];
  let maxHops: { value: number; line: Statement } | undefined;
  for (const s of statement.block?.statements ?? []) {
    const text = s.args[0]?.text;
    if (text === undefined) continue;
    if (s.name === 'ttl' || s.name === 'hoplimit') {
      const value = readDecimal(text, 255);
      if (value !== undefined && value >= 1) ttl = value;
    } else if (s.name === 'max_hops' && /^[+-]?\d+$/.test(text) && Number(text) >= -1 && Number(text) <= 255) maxHops = { value: Number(text), line: s };
  }
  if (!maxHops) return [];
  const stored = maxHops.value & 0xff;
  if (stored <= ttl) return [];
  const word = maxHops.line.args[0];
  return [{
    file,
    range: word.range,
    severity: 'warning',
    code: 'ineffective-setting',
    message: `max_hops ${word.text}${stored !== maxHops.value ? ` (${stored} to keepalived, which keeps it in a byte)` : ''} is above the ${family === 4 ? 'ttl' : 'hop limit'} ${ttl}: keepalived lowers it to ${ttl}`,
  }];
}
