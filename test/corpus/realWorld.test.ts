/**
 * Real-world configs (test/corpus/real-world, provenance in its SOURCES.md) against both real keepalived
 * releases: on every file both accept, apart from what they say about the machine, the linter reports no
 * error, and its warnings are exactly the reviewed ones in expected-warnings.json (a new or lost warning fails
 * until someone reviews it). Each file is linted on its own: they are unrelated configs, not one cluster.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { lintFiles } from '../../server/src/analysis/lint';
import { configLines, interfaceNames, InterfaceLab, KEEPALIVED_RELEASES, STOPPED_ITSELF } from '../helpers/interfaceLab';
import { corpusFiles, DIR, sources } from './realWorldSources';

/** A finding as the reviewed list writes it. */
const shown = (d: { range: { start: { line: number } }; code: string }) => `${d.range.start.line + 1} ${d.code}`;

describe('real-world corpus', () => {
  const table = sources();
  const files = corpusFiles().sort();
  const expectedWarnings: Record<string, string[]> = JSON.parse(readFileSync(join(DIR, 'expected-warnings.json'), 'utf8'));
  let lab: InterfaceLab;

  before(() => {
    lab = new InterfaceLab(files.flatMap((f) => interfaceNames(readFileSync(join(DIR, f), 'utf8'))));
  });
  after(() => lab?.dispose());

  it('has at least 60 configs, each with its source and licence in SOURCES.md', () => {
    assert.ok(files.length >= 60, `${files.length} files`);
    assert.deepEqual(table.map((s) => s.file).sort(), files);
    for (const s of table) assert.ok(s.repository && s.licence, `${s.file}: repository and licence`);
  });

  it('on every file both keepalived releases accept, no linter error and only the reviewed warnings', () => {
    const accepted: Record<string, number> = {};
    let both = 0;
    const problems: string[] = [];
    for (const source of table) {
      const path = join(DIR, source.file);
      const verdicts = KEEPALIVED_RELEASES.map(({ version, binary }) => {
        const said = configLines(lab.check(binary, path, source.configId));
        // a -t that stops itself over a script's user accepts the config, if the linter says -t will stop
        const stops = lintFiles([path], { configId: source.configId, keepalivedVersion: version }).some((d) => d.code === 'config-test-stops');
        const complaints = stops && said.length === 1 && said[0] === STOPPED_ITSELF ? [] : said;
        if (stops && complaints.length === said.length) problems.push(`${source.file} (${version}): the linter says -t stops itself, keepalived -t says ${said.join(' / ') || 'nothing'}`);
        if (complaints.length === 0) accepted[version] = (accepted[version] ?? 0) + 1;
        return complaints;
      });
      if (verdicts.some((c) => c.length > 0)) {
        problems.push(`${source.file}: keepalived complains: ${verdicts.flat().join(' / ')}`);
        continue;
      }
      both++;
      for (const { version } of KEEPALIVED_RELEASES) {
        const findings = lintFiles([path], { configId: source.configId, keepalivedVersion: version });
        const errors = findings.filter((d) => d.severity === 'error');
        if (errors.length) problems.push(`${source.file} (${version}): linter errors ${errors.map((d) => `${d.range.start.line + 1}: ${d.message}`).join('; ')}`);
        const warnings = [...new Set(findings.filter((d) => d.severity === 'warning').map(shown))].sort();
        const reviewed = [...(expectedWarnings[source.file] ?? [])].sort();
        if (JSON.stringify(warnings) !== JSON.stringify(reviewed)) problems.push(`${source.file} (${version}): warnings ${JSON.stringify(warnings)}, reviewed ${JSON.stringify(reviewed)}`);
      }
    }
    process.stdout.write(`# real-world corpus: ${table.length} files; accepted by 2.2.7: ${accepted['2.2.7'] ?? 0}, by 2.4.3: ${accepted['2.4.3'] ?? 0}, by both: ${both}\n`);
    assert.deepEqual(problems, []);
    assert.equal(both, table.length, 'the corpus holds configs both releases accept');
  });
});
