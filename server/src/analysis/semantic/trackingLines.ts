// The lines of track_* blocks, in instances and sync groups: `NAME [weight N [reverse|noreverse]]`, read by
// keepalived's alloc_track_*() (vrrp_track.c, track_file.c), which skip a line naming an object tracked
// already, an unknown option, a weight without value, and (for some) a bad weight or weight option.
import type { Statement, Word } from '../../syntax';
import { includeDirective } from '../../schema';
import { collect, type ConfigUnit, type FileDiagnostic } from '../unit';

interface LineRules {
  what: string;
  /** the weight keepalived reads, and whether it turns ±254 into ±253 (saying so) */
  min: number;
  max: number;
  clamps254: boolean;
  reverseWords: readonly string[];
}

const RULES = new Map<string, LineRules>(Object.entries({
  track_interface: { what: 'interface', min: -254, max: 254, clamps254: true, reverseWords: ['reverse'] },
  track_script: { what: 'script', min: -254, max: 254, clamps254: true, reverseWords: ['reverse', 'noreverse'] },
  track_process: { what: 'process', min: -254, max: 254, clamps254: false, reverseWords: ['reverse', 'noreverse'] },
  track_file: { what: 'file', min: -254, max: 254, clamps254: false, reverseWords: ['reverse', 'noreverse'] },
  track_bfd: { what: 'BFD', min: -253, max: 253, clamps254: false, reverseWords: ['reverse', 'noreverse'] },
}));

type Finding = Omit<FileDiagnostic, 'file'>;

export function checkTrackingLines(unit: ConfigUnit): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  const owners = [...collect(unit, 'instances'), ...collect(unit, 'syncGroups')];
  // keepalived looks an object up before it looks for a duplicate: an undefined one is only "not found"
  const defined = new Map<string, Set<string>>([
    ['track_script', new Set(collect(unit, 'scripts').map(({ item }) => item.name))],
    ['track_file', new Set(collect(unit, 'trackFiles').map(({ item }) => item.name))],
    ['track_process', new Set(collect(unit, 'trackProcesses').map(({ item }) => item.name))],
  ]);
  for (const { file, item } of owners) {
    // one list per kind of object, whatever the number of blocks it is written in
    const seen = new Map<string, Set<string>>();
    for (const block of item.statement.block?.statements ?? []) {
      const rules = RULES.get(block.name);
      if (!rules) continue;
      const names = seen.get(block.name) ?? new Set<string>();
      seen.set(block.name, names);
      for (const line of block.block?.statements ?? []) {
        if (includeDirective(line.name)) continue; // an include line is no tracking line (what it brings in is not seen here)
        const findings = lineFindings(line, rules, names.has(line.name) && (defined.get(block.name)?.has(line.name) ?? true));
        names.add(line.name);
        for (const finding of findings) out.push({ file, ...finding });
      }
    }
  }
  return out;
}

function lineFindings(line: Statement, rules: LineRules, duplicate: boolean): Finding[] {
  const tracked = `tracked ${rules.what} '${line.name}'`;
  if (duplicate) return [{ range: line.keyword.range, severity: 'warning', code: 'duplicate-keyword', message: `${capitalize(tracked)} is listed already: keepalived ignores this line` }];
  const [option, value, direction] = line.args;
  if (!option) return [];
  if (option.text !== 'weight') return [wrong(option, 'invalid-value', `'${option.text}' is not an option of a ${rules.what} tracking line (only 'weight N'): keepalived ignores the line`)];
  if (!value) return [wrong(option, 'argument-count', `weight without a value for ${tracked}: keepalived ignores the line`)];
  const out: Finding[] = [];
  const weight = /^[-+]?\d+$/.test(value.text) ? Number(value.text) : NaN;
  if (!(weight >= rules.min && weight <= rules.max)) {
    const limit = rules.clamps254 ? 253 : rules.max;
    out.push(wrong(value, 'invalid-number', `The weight of ${tracked} must be a whole number from -${limit} to ${limit}: keepalived ignores '${value.text}'`));
  } else if (rules.clamps254 && Math.abs(weight) === 254) {
    out.push({ range: value.range, severity: 'warning', code: 'invalid-number', message: `keepalived takes ${weight < 0 ? -253 : 253} for a weight of ${weight} (the most it allows) and says so` });
  }
  if (direction && !rules.reverseWords.includes(direction.text)) {
    out.push(wrong(direction, 'invalid-value', `'${direction.text}' is not a weight option (${rules.reverseWords.join(' or ')}): keepalived ignores it`));
  }
  return out;
}

function wrong(word: Word, code: FileDiagnostic['code'], message: string): Finding {
  return { range: word.range, severity: 'error', code, message };
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
