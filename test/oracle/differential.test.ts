/**
 * Differential test against both real keepalived releases (Debian's 2.2.7 and 2.4.3), each with the linter
 * told that release: valid configs are mutated the way people break them
 * (numbers out of range, misspelt keywords, bad enums, bad addresses, dropped braces). Wherever keepalived
 * rejects a mutant, the linter must flag the mutated line (or, for a dropped brace, the file).
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { lintFiles } from '../../server/src/analysis/lint';
import { configMessages, KeepalivedOracle, ORACLE_BINARIES, type OracleMessage } from '../helpers/keepalived';
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

/** Clean base configs: the example and upstream's samples without includes. */
const BASE_PATHS = [join(EXAMPLES, 'master.conf'), ...readdirSync(CORPUS).filter((f) => f.startsWith('keepalived.conf')).map((f) => join(CORPUS, f))];

for (const binary of ORACLE_BINARIES) {
  describe(`differential test against keepalived ${binary.version} -t`, () => {
    let oracle: KeepalivedOracle;
    before(() => (oracle = new KeepalivedOracle(binary)));
    after(() => oracle.dispose());
    const lintOptions = { keepalivedVersion: binary.version };

    it('flags the mutated line wherever keepalived rejects a mutant, and calls no accepted mutant wrong', async () => {
      const candidates = BASE_PATHS.map((path) => ({ path, text: readFileSync(path, 'utf8') })).filter(({ text }) => !/\binclude/.test(text));
      const baselines = await oracle.checkAll(candidates.map((c) => c.text));
      const bases = candidates
        .map((c, i) => ({ ...c, checked: baselines[i] }))
        .filter(({ checked }) => checked.exitCode === 0 && configMessages(checked).length === 0);
      assert.ok(bases.length >= 8, `only ${bases.length} clean base configs`);

      // The same seed for every version, so both oracles judge the same mutants.
      const rand = random(20261125);
      const all = bases.flatMap((base) => mutants(base.text, rand).map((mutant) => ({ base, mutant })));
      const results = await oracle.checkAll(all.map(({ mutant }) => mutant.text));

      const tally: Record<Kind, { rejected: number; agreed: number }> = {
        number: { rejected: 0, agreed: 0 }, keyword: { rejected: 0, agreed: 0 }, enum: { rejected: 0, agreed: 0 }, address: { rejected: 0, agreed: 0 }, brace: { rejected: 0, agreed: 0 },
      };
      const baseLint = new Map(bases.map((b) => [b, new Set(lintFiles([b.checked.path], lintOptions).map((d) => `${d.code}|${d.message}`))]));
      let accepted = 0;
      const falseErrors: string[] = [];
      const misses: string[] = [];
      all.forEach(({ base, mutant }, i) => {
        const result = results[i];
        const complaints = configMessages(result);
        const lint = lintFiles([result.path], lintOptions).filter((d) => d.severity === 'error' || d.severity === 'warning');
        const fresh = lint.filter((d) => !baseLint.get(base)!.has(`${d.code}|${d.message}`));
        const where = `${base.path.split('/').pop()}:${mutant.line + 1} [${mutant.kind}] ${mutant.text.split('\n')[mutant.line].trim()}`;
        if (complaints.length === 0 && result.exitCode === 0) {
          accepted++;
          const errors = fresh.filter((d) => d.severity === 'error');
          if (errors.length) falseErrors.push(`${where} — linter: ${errors.map((d) => `${d.range.start.line + 1} ${d.code}`).join('; ')}`);
          return;
        }
        tally[mutant.kind].rejected++;
        const flagged = mutant.kind === 'brace' ? fresh.length > 0 : fresh.some((d) => d.range.start.line <= mutant.line && d.range.end.line >= mutant.line);
        if (flagged) tally[mutant.kind].agreed++;
        else misses.push(`${where} — keepalived: ${complaints.map(key).join('; ')}`);
      });
      const rejected = Object.values(tally).reduce((n, t) => n + t.rejected, 0);
      const agreed = Object.values(tally).reduce((n, t) => n + t.agreed, 0);
      const rate = agreed / rejected;
      console.log(`differential keepalived ${binary.version}: ${bases.length} base configs; ${rejected} mutants rejected, linter flagged ${agreed} on their line (${(rate * 100).toFixed(1)}%); ` +
        Object.entries(tally).map(([k, t]) => `${k} ${t.agreed}/${t.rejected}`).join(', ') +
        `; ${accepted} mutants accepted, ${falseErrors.length} of them with a linter error (false errors)`);
      if (misses.length) console.log('missed:\n  ' + misses.slice(0, 30).join('\n  '));
      if (falseErrors.length) console.log('false errors:\n  ' + falseErrors.slice(0, 30).join('\n  '));
      assert.ok(rejected >= 100, `too few rejected mutants (${rejected}) for a meaningful rate`);
      assert.ok(rate >= 0.95, `agreement ${(rate * 100).toFixed(1)}% is below 95%`);
      assert.deepEqual(falseErrors, [], 'the linter calls configs keepalived accepts wrong');
    });
  });
}
