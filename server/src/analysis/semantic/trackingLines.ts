// The lines of track_* blocks, in instances and sync groups: `NAME [weight N [reverse|noreverse]]`, read by
// keepalived's alloc_track_*() (vrrp_track.c, track_file.c), which skip a line naming an object tracked
// already, an unknown option, a weight without value, and (for some) a bad weight or weight option. A line
// keepalived skips is not on its list, so a later line naming the same object is no duplicate.
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
  /** an unknown weight option makes keepalived skip the line (else it keeps the line and ignores the word) */
  dropsOnBadDirection: boolean;
}

const RULES = new Map<string, LineRules>(Object.entries({
  track_interface: { what: 'interface', min: -254, max: 254, clamps254: true, reverseWords: ['reverse'], dropsOnBadDirection: false },
  track_script: { what: 'script', min: -254, max: 254, clamps254: true, reverseWords: ['reverse', 'noreverse'], dropsOnBadDirection: false },
  track_process: { what: 'process', min: -254, max: 254, clamps254: false, reverseWords: ['reverse', 'noreverse'], dropsOnBadDirection: false },
  track_file: { what: 'file', min: -254, max: 254, clamps254: false, reverseWords: ['reverse', 'noreverse'], dropsOnBadDirection: true },
  track_bfd: { what: 'BFD', min: -253, max: 253, clamps254: false, reverseWords: ['reverse', 'noreverse'], dropsOnBadDirection: true },
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
    ['track_bfd', new Set(collect(unit, 'bfdInstances').map(({ item }) => item.name))],
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
        const known = defined.get(block.name)?.has(line.name) ?? true;
        // names.ts reports the other kinds' undefined names, which the instance views carry
        if (!known && block.name === 'track_bfd') {
          out.push({ file, range: line.keyword.range, severity: 'error', code: 'undefined-reference', message: `track_bfd '${line.name}' names no bfd_instance in this configuration; keepalived ignores it and nothing is tracked` });
          continue;
        }
        const { findings, kept } = lineFindings(line, rules, names.has(line.name) && known);
        if (kept) names.add(line.name);
        for (const finding of findings) out.push({ file, ...finding });
      }
    }
  }
  return out;
}

/** the line's findings, and whether keepalived keeps it on its list */
function lineFindings(line: Statement, rules: LineRules, duplicate: boolean): { findings: Finding[]; kept: boolean } {
  const tracked = `tracked ${rules.what} '${line.name}'`;
  if (duplicate) return { findings: [{ range: line.keyword.range, severity: 'warning', code: 'duplicate-keyword', message: `${capitalize(tracked)} is listed already: keepalived ignores this line` }], kept: false };
  const [option, value, direction] = line.args;
  if (!option) return { findings: [], kept: true };
  if (option.text !== 'weight') return { findings: [wrong(option, 'invalid-value', `'${option.text}' is not an option of a ${rules.what} tracking line (only 'weight N'): keepalived ignores the line`)], kept: false };
  if (!value) return { findings: [wrong(option, 'argument-count', `weight without a value for ${tracked}: keepalived ignores the line`)], kept: false };
  const out: Finding[] = [];
  let kept = true;
  const weight = /^[-+]?\d+$/.test(value.text) ? Number(value.text) : NaN;
  if (!(weight >= rules.min && weight <= rules.max)) {
    const limit = rules.clamps254 ? 253 : rules.max;
    out.push(wrong(value, 'invalid-number', `The weight of ${tracked} must be a whole number from -${limit} to ${limit}: keepalived ignores '${value.text}'`));
  } else if (rules.clamps254 && Math.abs(weight) === 254) {
    out.push({ range: value.range, severity: 'warning', code: 'invalid-number', message: `keepalived takes ${weight < 0 ? -253 : 253} for a weight of ${weight} (the most it allows) and says so` });
  }
  if (direction && !rules.reverseWords.includes(direction.text)) {
    kept = !rules.dropsOnBadDirection;
    out.push(wrong(direction, 'invalid-value', `'${direction.text}' is not a weight option (${rules.reverseWords.join(' or ')}): keepalived ignores ${kept ? 'it' : 'the line'}`));
  }
  return { findings: out, kept };
}

function wrong(word: Word, code: FileDiagnostic['code'], message: string): Finding {
  return { range: word.range, severity: 'error', code, message };
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
