/**
 * global_defs `include_check` held to both releases: an include that matches nothing is an error exactly where the
 * checks in force at its line make it one (an include_check line before it, in reading order; one inside an
 * included file stays there). keepalived -t then fails; elsewhere it only says the files are missing.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { lintFiles } from '../../server/src/analysis/lint';
import { KeepalivedOracle, ORACLE_BINARIES, showMessage } from '../helpers/keepalived';

const globalDefs = (...lines: string[]) => ['global_defs {', ...lines.map((l) => `    ${l}`), '}'];

describe('include_check and the includes after it', () => {
  let root = '';
  let cases: Record<string, string[]> = {};
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'ka-include-check-'));
    mkdirSync(join(root, 'empty'));
    writeFileSync(join(root, 'checks.conf'), `${globalDefs('include_check').join('\n')}\n`);
    const missingFile = `include ${root}/missing.conf`;
    const noMatch = `include ${root}/empty/*.conf`;
    cases = {
      'a missing file, no include_check': [missingFile],
      'a missing file after include_check': [...globalDefs('include_check'), missingFile],
      'a missing file before include_check': [missingFile, ...globalDefs('include_check')],
      'a missing file, only wildcard_match checked': [...globalDefs('include_check wildcard_match'), missingFile],
      'a wildcard matching nothing, no include_check': [noMatch],
      'a wildcard matching nothing, wildcard_match checked': [...globalDefs('include_check wildcard_match'), noMatch],
      'a wildcard matching nothing, wildcard_match removed again': [...globalDefs('include_check', 'include_check -wildcard_match'), noMatch],
      'a missing file after an included file turns the checks on': [`include ${root}/checks.conf`, missingFile],
    };
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  for (const oracle of ORACLE_BINARIES) {
    it(`keepalived ${oracle.version} fails exactly where the linter reports an error`, { timeout: 60_000 }, async () => {
      const keepalived = new KeepalivedOracle(oracle);
      try {
        const names = Object.keys(cases);
        const results = await keepalived.checkAll(names.map((name) => `${cases[name].join('\n')}\n`), 4, true);
        const rejected: string[] = [];
        names.forEach((name, i) => {
          const findings = lintFiles([results[i].path], { keepalivedVersion: oracle.version }).filter((d) => d.code === 'missing-include');
          assert.equal(findings.length, 1, `${name}: ${findings.map((d) => d.message).join(' | ')}`);
          const linterError = findings[0].severity === 'error';
          assert.equal(linterError, results[i].exitCode !== 0, `${name}: keepalived exit ${results[i].exitCode} [${results[i].messages.map(showMessage).join(' | ')}]; linter ${findings[0].message}`);
          if (linterError) rejected.push(name);
        });
        // the cases are not all alike: some fail, some pass
        assert.deepEqual(rejected, ['a missing file after include_check', 'a wildcard matching nothing, wildcard_match checked']);
      } finally {
        keepalived.dispose();
      }
    });
  }
});
