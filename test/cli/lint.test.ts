import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { EXAMPLES, FIXTURES, ROOT } from '../helpers/paths';

function lint(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'server/src/cli/lint.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('keepalived-lint CLI', () => {
  it('exits 0 on the clean example cluster', () => {
    const r = lint(join(EXAMPLES, 'master.conf'), join(EXAMPLES, 'backup.conf'));
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.stdout, '');
  });

  it('prints compiler-style lines and exits 1 on errors: the seed article layout junk is rejected', () => {
    const r = lint(join(FIXTURES, 'seed/master.conf'), join(FIXTURES, 'seed/backup.conf'));
    assert.equal(r.code, 1);
    const first = r.stdout.split('\n')[0];
    assert.match(first, /^test\/fixtures\/seed\/(master|backup)\.conf:5:45: error: Unknown keyword '-{38}' .*\[unknown-keyword\]$/);
    assert.match(r.stdout, /seed\/master\.conf:\d+:\d+: warning: virtual_server 192\.168\.18\.200 is not a VIP/);
  });

  it('--format json prints one array of 1-based positions', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ka-cli-'));
    const file = join(dir, 'k.conf');
    writeFileSync(file, 'vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 300\n}\n');
    const r = lint('--format', 'json', file);
    assert.equal(r.code, 1);
    const items = JSON.parse(r.stdout);
    const vrid = items.find((d: { code: string }) => d.code === 'invalid-number');
    assert.deepEqual({ ...vrid, message: undefined }, { file, line: 3, column: 23, endLine: 3, endColumn: 26, severity: 'error', code: 'invalid-number', message: undefined });
    assert.match(vrid.message, /outside range \[1, 255\]/);
  });

  it('warns about keywords newer than the target version', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ka-cli-'));
    const file = join(dir, 'k.conf');
    writeFileSync(file, 'global_defs {\n    vrrp_delay_after_boot 10\n}\n');
    const old = lint('--keepalived-version', '2.2.7', file);
    assert.match(old.stdout, /needs keepalived 2\.4\.0 or later.*\[newer-keyword\]/);
    assert.equal(lint('--keepalived-version', '2.4.3', file).stdout, '');
  });

  it('exits 2 with one clear line on bad usage or an unreadable file', () => {
    // a directory stands for the configs under it (test/cli/directories.test.ts): one without any is bad usage
    const noConfigs = mkdtempSync(join(tmpdir(), 'ka-cli-empty-'));
    for (const args of [[], ['--format', 'xml', 'x'], ['--bogus', 'x'], ['/nonexistent/keepalived.conf'], [noConfigs]]) {
      const r = lint(...args);
      assert.equal(r.code, 2, `args ${args}`);
      assert.match(r.stderr, /^keepalived-lint: /);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    }
  });
});
