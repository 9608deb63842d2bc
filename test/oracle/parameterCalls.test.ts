/**
 * `${_RANDOM MIN MAX}` and `${_ENV NAME}` held to both releases: 2.4 expands ${_ENV} from its environment and
 * crashes on a nameless one; 2.2.7 knows no ${_ENV} and garbles what follows a ${_RANDOM} with parameters.
 * On each config the linter reports an error exactly when the release rejects it (or dies), and says why.
 */
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { lintFiles } from '../../server/src/analysis/lint';
import { KeepalivedOracle, ORACLE_BINARIES, showMessage } from '../helpers/keepalived';

const VARIABLE = 'KA_LINT_TEST_KEYWORD';
const globalDefs = (line: string) => `global_defs {\n    ${line}\n}\n`;

const CONFIGS: Record<string, { text: string; says: Record<string, RegExp | undefined> }> = {
  // the variable holds a keyword: 2.4 reads the line as that keyword
  'a line that is ${_ENV NAME}': { text: globalDefs(`\${_ENV ${VARIABLE}}`), says: { '2.2.7': /needs keepalived 2.4.0/, '2.4.3': /Unknown keyword 'bogus_keyword'/ } },
  'a value from ${_ENV NAME}': { text: globalDefs('router_id lb-${_ENV HOME}'), says: { '2.2.7': /needs keepalived 2.4.0/, '2.4.3': undefined } },
  'a nameless ${_ENV}': { text: globalDefs('router_id ${_ENV}'), says: { '2.2.7': /needs keepalived 2.4.0/, '2.4.3': /crashes/ } },
  'a ${_RANDOM MIN MAX} before more words': { text: globalDefs('vrrp_garp_master_delay ${_RANDOM 7 7} # 7 seconds'), says: { '2.2.7': undefined, '2.4.3': undefined } },
  'a ${_RANDOM MIN MAX} followed by a word': { text: globalDefs('vrrp_garp_master_delay ${_RANDOM 7 7} 8'), says: { '2.2.7': /garbles the rest of the line/, '2.4.3': undefined } },
};

describe('${_RANDOM MIN MAX} and ${_ENV NAME}', () => {
  let saved: string | undefined;
  before(() => {
    saved = process.env[VARIABLE];
    process.env[VARIABLE] = 'bogus_keyword';
  });
  after(() => (saved === undefined ? delete process.env[VARIABLE] : (process.env[VARIABLE] = saved)));

  for (const oracle of ORACLE_BINARIES) {
    it(`keepalived ${oracle.version} rejects a config exactly where the linter reports an error`, { timeout: 60_000 }, async () => {
      const keepalived = new KeepalivedOracle(oracle);
      try {
        const names = Object.keys(CONFIGS);
        const results = await keepalived.checkAll(names.map((name) => CONFIGS[name].text));
        names.forEach((name, i) => {
          const printed = results[i].messages.map(showMessage).join(' | ');
          const findings = lintFiles([results[i].path], { keepalivedVersion: oracle.version });
          const errors = findings.filter((d) => d.severity === 'error');
          assert.equal(errors.length > 0, results[i].exitCode !== 0, `${name}: keepalived exit ${results[i].exitCode} [${printed}]; linter ${errors.map((d) => d.message).join(' | ')}`);
          const expected = CONFIGS[name].says[oracle.version];
          if (expected) assert.ok(findings.some((d) => expected.test(d.message)), `${name}: ${findings.map((d) => d.message).join(' | ')}`);
          if (name.includes('nameless') && oracle.version === '2.4.3') assert.match(printed, /killed by SIGSEGV/);
        });
      } finally {
        keepalived.dispose();
      }
    });
  }
});
