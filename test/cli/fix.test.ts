// keepalived-lint --fix and --fix-dry-run: for every code whose quick fix is safe, the fixed file no longer has
// the finding and the real keepalived -t (Debian's 2.2.7 and 2.4.3) accepts it; the dry run's diff applies (git apply) to the same result;
// a fix that would change how the file parses is refused.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { FileDiagnostic } from '../../server/src/analysis/lint';
import { applySafeFixes } from '../../server/src/cli/safeFixes';
import { RULE_CODES, RULES } from '../../server/src/rules/registry';
import { RULE_DOCS } from '../../server/src/rules/ruleDocs';
import { configMessages, HOST_SPECIFIC, KeepalivedOracle, showMessage } from '../helpers/keepalived';

const KEEPALIVED_243 = process.env.KEEPALIVED_243 ?? '/opt/keepalived-oracle/2.4.3/sbin/keepalived';
import { runCli, tempTree } from './runCli';

const SAFE = RULE_CODES.filter((code) => 'fix' in RULES[code] && (RULES[code] as { fix?: string }).fix === 'safe');

describe('--fix', () => {
  const oracle = new KeepalivedOracle();
  after(() => oracle.dispose());

  it('covers the safe codes', () => {
    assert.deepEqual([...SAFE].sort(), ['auth-pass-too-long', 'deprecated', 'port-with-fwmark']);
  });

  for (const code of SAFE) {
    it(`${code}: the fixed file re-lints without it, and keepalived -t accepts it`, () => {
      const example = RULE_DOCS[code].example;
      assert.equal(typeof example, 'string');
      const dir = tempTree({ 'keepalived.conf': example as string });
      const before = runCli(['--format', 'json', 'keepalived.conf'], { cwd: dir });
      assert.ok((JSON.parse(before.stdout) as { code: string }[]).some((d) => d.code === code), 'the example has the finding');

      const fixed = runCli(['--fix', 'keepalived.conf'], { cwd: dir });
      assert.match(fixed.stderr, new RegExp(`keepalived\\.conf: fixed 1 \\(${code}\\)`));
      const text = readFileSync(join(dir, 'keepalived.conf'), 'utf8');
      assert.notEqual(text, example);
      const after = JSON.parse(runCli(['--format', 'json', 'keepalived.conf'], { cwd: dir }).stdout) as { code: string }[];
      assert.deepEqual(after.filter((d) => d.code === code), []);

      const verdict = oracle.check(text);
      assert.deepEqual(configMessages(verdict).map(showMessage), [], `keepalived -t on:\n${text}`);
      assert.equal(verdict.exitCode, 0);
      // and keepalived 2.4.3, in the same namespace
      const newer = spawnSync('ip', ['netns', 'exec', oracle.netns, KEEPALIVED_243, '-t', '-e', '-f', verdict.path], { encoding: 'utf8', timeout: 20_000 });
      if (newer.error) throw newer.error;
      const complaints = newer.stderr.split('\n').filter((l) => l.trim() && !HOST_SPECIFIC.some((re) => re.test(l)));
      assert.deepEqual(complaints, [], `keepalived 2.4.3 -t on:\n${text}`);
      assert.equal(newer.status, 0);
    });
  }

  it('--fix-dry-run prints a diff that git apply turns into what --fix writes, and changes nothing', () => {
    const text = (RULE_DOCS.deprecated.example as string) + (RULE_DOCS['auth-pass-too-long'].example as string);
    const dry = tempTree({ 'k.conf': text });
    const run = runCli(['--fix-dry-run', 'k.conf'], { cwd: dry });
    assert.equal(run.status, 1, 'something to fix');
    assert.equal(readFileSync(join(dry, 'k.conf'), 'utf8'), text, 'unchanged');
    assert.match(run.stdout, /^--- a\/k\.conf\n\+\+\+ b\/k\.conf\n@@ /);
    const apply = spawnSync('git', ['apply', '-'], { cwd: dry, input: run.stdout, encoding: 'utf8' });
    assert.equal(apply.status, 0, apply.stderr);

    const real = tempTree({ 'k.conf': text });
    runCli(['--fix', 'k.conf'], { cwd: real });
    assert.equal(readFileSync(join(dry, 'k.conf'), 'utf8'), readFileSync(join(real, 'k.conf'), 'utf8'));
    assert.equal(runCli(['--fix-dry-run', 'k.conf'], { cwd: real }).status, 0, 'nothing left to fix');
  });

  it('refuses fixes that would change how the file parses', () => {
    const text = 'global_defs {\n    router_id a\n}\n';
    const at = (line: number, character: number) => ({ line, character });
    const braceFix: FileDiagnostic = { file: '/k.conf', range: { start: at(1, 4), end: at(1, 13) }, severity: 'warning', code: 'deprecated', message: 'x', fix: [{ title: 't', range: { start: at(1, 4), end: at(1, 13) }, newText: 'router_id {' }] };
    const refused = applySafeFixes(text, [braceFix]);
    assert.equal(refused.text, text);
    assert.deepEqual(refused.fixed, []);
    assert.match(refused.refused ?? '', /parse differently/);
    const wordFix = { ...braceFix, fix: [{ ...braceFix.fix![0], newText: 'router_ip' }] };
    assert.equal(applySafeFixes(text, [wordFix]).text, 'global_defs {\n    router_ip a\n}\n');
    // a choice (unknown-keyword's did-you-mean) is never applied
    assert.deepEqual(applySafeFixes(text, [{ ...wordFix, code: 'unknown-keyword' }]).fixed, []);
  });
});
