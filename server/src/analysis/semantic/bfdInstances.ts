// What keepalived makes of a bfd_instance as it closes the block (bfd_parser.c, bfd_end_handler): without a
// neighbour address it disables the instance, with a source of the other family too, and one whose
// neighbour (and multihop setting) an earlier instance already has, sources aside, it ignores.
import type { Statement, Word } from '../../syntax';
import { readBoolean } from '../../syntax/numbers';
import { all } from '../../syntax/views';
import { expandIpv6, ipFamily } from '../ipFamily';
import { collect, type ConfigUnit, type FileDiagnostic } from '../unit';

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
    if (word && family) return { word, family, key: family === 6 ? expandIpv6(word.text) : word.text };
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
    names.add(item.name);
    const statement = item.statement;
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
  }
  return out;
}
