// garp_group blocks as keepalived reads them (vrrp_parser.c): a group without garp_interval or gna_interval is
// removed at its '}', and its interfaces freed; an interface belongs to the first group that names it.
import type { Statement, Word } from '../../syntax';
import { isDecimal } from '../../syntax/numbers';
import { collect, type ConfigUnit, type FileDiagnostic } from '../unit';

const DELAYS = new Set(['garp_interval', 'gna_interval']);

export function checkGarpGroups(unit: ConfigUnit): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  /** each interface, and the line of the group that paces it */
  const owners = new Map<string, number>();
  for (const { file, item: group } of collect(unit, 'garpGroups')) {
    const lines = group.block?.statements ?? [];
    const named: Word[] = [];
    for (const line of lines) {
      if (line.name === 'interface' && line.args[0]) named.push(line.args[0]);
      if (line.name !== 'interfaces') continue;
      const entries = line.block?.statements ?? [];
      if (entries.length === 0) out.push({ file, range: line.keyword.range, severity: 'warning', code: 'empty-group', message: 'An empty interfaces block: keepalived warns, and the block adds no interface to the group' });
      // keepalived reads the block's words as one list, however they are spread over lines
      named.push(...entries.flatMap((entry: Statement) => [entry.keyword, ...entry.args]));
    }
    const taken: string[] = [];
    for (const name of named) {
      const owner = owners.get(name.text);
      if (owner !== undefined) {
        out.push({ file, range: name.range, severity: 'warning', code: 'duplicate-keyword', message: `${name.text} is paced by the garp_group of line ${owner + 1} already: keepalived keeps the first group for it and ignores this one` });
        continue;
      }
      owners.set(name.text, group.keyword.range.start.line);
      taken.push(name.text);
    }
    // a value keepalived cannot read sets no delay; the schema reports the value
    if (!lines.some((line) => DELAYS.has(line.name) && isDecimal(line.args[0]?.text ?? '') && !line.args[0].text.startsWith('-'))) {
      out.push({ file, range: group.keyword.range, severity: 'error', code: 'missing-required', message: 'A garp_group without garp_interval or gna_interval: keepalived removes it, and its interfaces get no pacing' });
      for (const name of taken) owners.delete(name);
    }
  }
  return out;
}
