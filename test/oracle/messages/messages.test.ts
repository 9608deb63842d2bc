/**
 * Every message in the table: both real keepalived releases run each minimal config, the linter (told the
 * same release) lints it, and they agree: the message is printed on its line exactly when the linter reports
 * the case's code there. Prints, per release, how many of the messages in keepalived's source that do not
 * depend on the machine the table covers.
 */
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { lintFiles } from '../../../server/src/analysis/lint';
import { KeepalivedOracle, oracleBinary, showMessage, type OracleResult } from '../../helpers/keepalived';
import { MESSAGE_CASES } from './cases';
import { formatPattern, MESSAGE_VERSIONS, silentReason, sites, type MessageCase, type MessageVersion } from './messageTable';
import { SILENT_MESSAGES } from './silent';

const text = (c: MessageCase) => c.config.join('\n') + '\n';

/** The case's formats keepalived printed on the case's line (or without a line, when it prints none). */
function printedFormats(c: MessageCase, result: OracleResult, version: MessageVersion): string[] {
  const given = c.keepalivedLine !== null && typeof c.keepalivedLine === 'object' ? c.keepalivedLine[version] : c.keepalivedLine;
  const line = given === undefined ? c.line : given;
  return c.formats.filter((f) => result.messages.some((m) => (line === null ? m.line === undefined : m.line === line) && formatPattern(f).test(m.text)));
}

describe('the message table', () => {
  it('names only formats that keepalived has, and each case its own config', () => {
    const known = new Set(MESSAGE_VERSIONS.flatMap((v) => sites(v).map((s) => s.format)));
    assert.deepEqual(MESSAGE_CASES.flatMap((c) => c.formats).filter((f) => !known.has(f)), [], 'formats not in keepalived 2.2.7 or 2.4.3');
    const configs = MESSAGE_CASES.map((c) => c.config.join('\n'));
    assert.equal(new Set(configs).size, configs.length, 'two cases share a config');
  });

  it('reads a format as a pattern over the printed text', () => {
    assert.ok(formatPattern("%snumber '%s' outside range [%u, %u]").test("number '300' outside range [1, 255]"));
    assert.ok(formatPattern("number '%s' outside range [%lu, %lu]").test("number '7' outside range [1, 5]"));
    assert.ok(!formatPattern("Unknown keyword '%s'").test("Unknown keyword 'x' here"));
  });
});

for (const version of MESSAGE_VERSIONS) {
  describe(`keepalived ${version} and the linter agree on each message of the table`, () => {
    let oracle: KeepalivedOracle;
    let results: (OracleResult & { path: string })[];
    before(async () => {
      oracle = new KeepalivedOracle(oracleBinary(version));
      // a message only the running daemon logs needs the daemon started; the others need keepalived -t only
      const checked = await oracle.checkAll(MESSAGE_CASES.filter((c) => !c.daemon).map((c) => ({ text: text(c), configId: c.configId })));
      const started = await oracle.startAll(MESSAGE_CASES.filter((c) => c.daemon).map(text));
      results = MESSAGE_CASES.map((c) => (c.daemon ? started : checked).shift()!);
    });
    after(() => oracle.dispose());

    it('message printed on its line ⇔ linter finding with its code on that line', () => {
      const disagreements: string[] = [];
      const inSource = new Set(sites(version).map((s) => s.format));
      const covered = new Set<string>();
      MESSAGE_CASES.forEach((c, i) => {
        const printed = printedFormats(c, results[i], version);
        const findings = lintFiles([results[i].path], { keepalivedVersion: version, configId: c.configId });
        const linted = findings.some((d) => d.code === c.code && d.range.start.line + 1 === c.line && d.severity === c.severity && (c.says?.test(d.message) ?? true));
        const quietHere = c.runtimeOnly?.includes(version) ? 'runtime-only' : c.silentIn?.includes(version) ? 'silent' : undefined;
        if (quietHere) {
          if (printed.length > 0 || !linted) disagreements.push(`${c.formats[0]} (line ${c.line}): ${quietHere} on ${version}, yet keepalived -t ${printed.length ? 'printed it' : 'did not'} and the linter ${linted ? 'reported' : 'did not report'} ${c.code}`);
          return;
        }
        if ((printed.length > 0) !== linted) {
          disagreements.push(
            `${c.formats[0]} (line ${c.line}): keepalived ${printed.length ? 'printed it' : `did not [${results[i].messages.map(showMessage).join(' | ')}]`}, ` +
              `linter ${linted ? 'reported' : 'did not report'} ${c.code} [${findings.map((d) => `${d.range.start.line + 1} ${d.severity} ${d.code}`).join(', ')}]`,
          );
        }
        if (linted) printed.forEach((f) => covered.add(f));
        // the doc counts every listed format of the release as covered: each must really be printed
        const unprinted = c.formats.filter((f) => inSource.has(f) && !printed.includes(f) && !(c.notIn ?? []).includes(version));
        if (unprinted.length) disagreements.push(`${unprinted.join('; ')}: listed, but keepalived ${version} did not print it on its line`);
      });
      const silent = [...inSource].filter((f) => silentReason(SILENT_MESSAGES, f));
      const machineIndependent = inSource.size - silent.length;
      const coveredHere = [...covered].filter((f) => inSource.has(f) && !silentReason(SILENT_MESSAGES, f)).length;
      console.log(`messages keepalived ${version}: ${coveredHere} of ${machineIndependent} machine-independent messages covered (${MESSAGE_CASES.length} cases; ${silent.length} more depend on the machine; ${inSource.size} distinct messages in its source)`);
      // each case shows its message in at least one release (checked over both below)
      covered.forEach((f) => coveredAnywhere.add(f));
      assert.deepEqual(disagreements, []);
    });
  });
}

const coveredAnywhere = new Set<string>();
describe('every case', () => {
  it('makes at least one release print one of its messages', () => {
    const dead = MESSAGE_CASES.filter((c) => !c.formats.some((f) => coveredAnywhere.has(f))).map((c) => c.formats[0]);
    assert.deepEqual(dead, []);
  });
});
