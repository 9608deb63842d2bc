/**
 * Differential test against Debian's keepalived -t: valid configs are mutated the way people break them
 * (numbers out of range, misspelt keywords, bad enums, bad addresses, dropped braces). Wherever keepalived
 * rejects a mutant, the linter must flag the mutated line (or, for a dropped brace, the file).
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { lintFiles } from '../../server/src/analysis/lint';
import { configMessages, KeepalivedOracle, type OracleMessage } from '../helpers/keepalived';
import { CORPUS, EXAMPLES } from '../helpers/paths';

type Kind = 'number' | 'keyword' | 'enum' | 'address' | 'brace';
interface Mutant {
  kind: Kind;
  line: number; // 0-based
  text: string;
}

const ENUM_KEYWORDS = /^(\s*)(state|lb_algo|lvs_sched|lb_kind|lvs_method|auth_type|protocol)(\s+)(\S+)/;
const NUMBER_ARG = /^(\s*)([a-z_]+)(\s+)(\d+)(\s*(?:[#!].*)?)$/;
const ADDRESS = /\b(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\b/;
const KEYWORD = /^(\s*)([a-z][a-z_]{3,})\b/;

/** A small deterministic generator, so every run tests the same mutants. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function mutants(text: string, rand: () => number): Mutant[] {
  const lines = text.split('\n');
  const out: Mutant[] = [];
  const replaceLine = (kind: Kind, i: number, line: string) => out.push({ kind, line: i, text: [...lines.slice(0, i), line, ...lines.slice(i + 1)].join('\n') });
  lines.forEach((line, i) => {
    if (/^\s*[#!]/.test(line) || !line.trim()) return;
    const num = NUMBER_ARG.exec(line);
    if (num) replaceLine('number', i, `${num[1]}${num[2]}${num[3]}${['0', '300', '99999999999', '-7'][Math.floor(rand() * 4)]}${num[5]}`);
    const en = ENUM_KEYWORDS.exec(line);
    if (en) replaceLine('enum', i, line.replace(ENUM_KEYWORDS, `$1$2$3${en[4].toLowerCase() === en[4] ? en[4] + 'x' : 'BOGUS'}`));
    const ip = ADDRESS.exec(line);
    if (ip) replaceLine('address', i, line.replace(ADDRESS, `${ip[1]}.${ip[2]}.${ip[3]}.${256 + Math.floor(rand() * 50)}`));
    const kw = KEYWORD.exec(line);
    if (kw && rand() < 0.5) {
      const word = kw[2];
      const at = 1 + Math.floor(rand() * (word.length - 2));
      const typo = rand() < 0.5 ? word.slice(0, at) + word.slice(at + 1) : word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
      if (typo !== word) replaceLine('keyword', i, line.replace(KEYWORD, `$1${typo}`));
    }
    if (/[{}]/.test(line) && rand() < 0.3) replaceLine('brace', i, line.replace(/[{}]/, ''));
  });
  return out;
}

function key(m: OracleMessage): string {
  return `${m.line ?? ''}|${m.text}`;
}

let oracle: KeepalivedOracle;
before(() => (oracle = new KeepalivedOracle()));
after(() => oracle.dispose());

describe('differential test against keepalived -t', () => {
  it('flags the mutated line wherever keepalived rejects a mutant', () => {
    const bases = [join(EXAMPLES, 'master.conf'), ...readdirSync(CORPUS).filter((f) => f.startsWith('keepalived.conf')).map((f) => join(CORPUS, f))]
      .map((path) => ({ path, text: readFileSync(path, 'utf8') }))
      .filter(({ text }) => !/\binclude/.test(text))
      .filter(({ text }) => {
        const baseline = oracle.check(text);
        return baseline.exitCode === 0 && configMessages(baseline).length === 0;
      });
    assert.ok(bases.length >= 8, `only ${bases.length} clean base configs`);

    const rand = random(20261125);
    const tally: Record<Kind, { rejected: number; agreed: number }> = {
      number: { rejected: 0, agreed: 0 }, keyword: { rejected: 0, agreed: 0 }, enum: { rejected: 0, agreed: 0 }, address: { rejected: 0, agreed: 0 }, brace: { rejected: 0, agreed: 0 },
    };
    let accepted = 0;
    let acceptedButLinterError = 0;
    const misses: string[] = [];
    for (const base of bases) {
      const baseLint = new Set(lintFiles([oracle.check(base.text).path]).map((d) => `${d.code}|${d.message}`));
      for (const mutant of mutants(base.text, rand)) {
        const result = oracle.check(mutant.text);
        const complaints = configMessages(result);
        const lint = lintFiles([result.path]).filter((d) => d.severity === 'error' || d.severity === 'warning');
        const fresh = lint.filter((d) => !baseLint.has(`${d.code}|${d.message}`));
        if (complaints.length === 0 && result.exitCode === 0) {
          accepted++;
          if (fresh.some((d) => d.severity === 'error')) acceptedButLinterError++;
          continue;
        }
        tally[mutant.kind].rejected++;
        const flagged = mutant.kind === 'brace' ? fresh.length > 0 : fresh.some((d) => d.range.start.line <= mutant.line && d.range.end.line >= mutant.line);
        if (flagged) tally[mutant.kind].agreed++;
        else misses.push(`${base.path.split('/').pop()}:${mutant.line + 1} [${mutant.kind}] ${mutant.text.split('\n')[mutant.line].trim()} — keepalived: ${complaints.map(key).join('; ')}`);
      }
    }
    const rejected = Object.values(tally).reduce((n, t) => n + t.rejected, 0);
    const agreed = Object.values(tally).reduce((n, t) => n + t.agreed, 0);
    const rate = agreed / rejected;
    console.log(`differential: ${bases.length} base configs; ${rejected} mutants rejected by keepalived, linter flagged ${agreed} (${(rate * 100).toFixed(1)}%); ` +
      Object.entries(tally).map(([k, t]) => `${k} ${t.agreed}/${t.rejected}`).join(', ') +
      `; ${accepted} mutants accepted by keepalived, ${acceptedButLinterError} of them with a linter error`);
    if (misses.length) console.log('missed:\n  ' + misses.slice(0, 30).join('\n  '));
    assert.ok(rejected >= 100, `too few rejected mutants (${rejected}) for a meaningful rate`);
    assert.ok(rate >= 0.95, `agreement ${(rate * 100).toFixed(1)}% is below 95%`);
  });
});
