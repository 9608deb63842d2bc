// The result cache and the options this issue added: what changes the findings (the config file, --config) is
// part of what a stored report is checked against; how they are shown (--format, --quiet, the gates) is applied
// to the stored findings, so a cache hit prints what a fresh run prints in every format.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { RACY_NS } from '../../server/src/cli/resultCache';
import { ROOT } from '../helpers/paths';

const work = mkdtempSync(join(tmpdir(), 'ka-cache-options-'));
const dist = join(work, 'dist');
const HIT = '(unchanged since the cached run)';
const settle = () => new Promise((r) => setTimeout(r, Number(RACY_NS / 1_000_000n) + 200));

function lint(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(process.execPath, [join(dist, 'lint.js'), ...args], { cwd, encoding: 'utf8', env });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('keepalived-lint --cache with formats, gates and the config file', () => {
  before(() => {
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, BUILD_OUTDIR: dist } });
    assert.equal(build.status, 0, build.stderr);
  });

  it('a hit prints what a fresh run prints, in every format and with the gates', async () => {
    const dir = mkdtempSync(join(work, 'formats-'));
    writeFileSync(join(dir, 'k.conf'), 'global_defs {\n    router_id a\n    router_id b\n}\nvrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 300\n}\n');
    const cache = join(dir, 'cache');
    lint(['--cache-location', cache, 'k.conf'], dir);
    await settle();
    for (const extra of [['--format', 'sarif'], ['--format', 'github'], ['--format', 'checkstyle'], ['--format', 'gitlab'], ['--quiet'], ['--fail-on', 'warning'], ['--max-warnings', '0', '--fail-on', 'error']]) {
      const fresh = lint([...extra, 'k.conf'], dir);
      const cached = lint(['--cache-location', cache, ...extra, 'k.conf'], dir);
      assert.equal(cached.stdout, fresh.stdout, extra.join(' '));
      assert.equal(cached.status, fresh.status, extra.join(' '));
    }
    assert.match(lint(['--cache-location', cache, 'k.conf'], dir).stderr, new RegExp(HIT.replace(/[()]/g, '\\$&')));
  });

  it('a change to a variable ${_ENV NAME} reads makes it lint again', async () => {
    const dir = mkdtempSync(join(work, 'environment-'));
    writeFileSync(join(dir, 'k.conf'), 'global_defs {\n    vrrp_garp_master_delay ${_ENV KA_CACHE_DELAY}\n}\n');
    const cache = join(dir, 'cache');
    const run = (delay: string) => lint(['--cache-location', cache, '--keepalived-version', '2.4.3', 'k.conf'], dir, { ...process.env, KA_CACHE_DELAY: delay });
    assert.equal(run('5').stdout, '');
    await settle();
    assert.match(run('5').stderr, /unchanged since the cached run/);
    const changed = run('five');
    assert.doesNotMatch(changed.stderr, /unchanged since/);
    assert.match(changed.stdout, /error: .*'five'/);
  });

  it('a new or changed config file, or another --config, makes it lint again', async () => {
    const dir = mkdtempSync(join(work, 'config-'));
    writeFileSync(join(dir, 'k.conf'), 'global_defs {\n    router_id a\n    router_id b\n}\n');
    const cache = join(dir, 'cache');
    const run = (...extra: string[]) => lint(['--cache-location', cache, ...extra, 'k.conf'], dir);
    assert.match(run().stdout, /warning: .*\[duplicate-keyword\]/);
    await settle();
    assert.match(run().stderr, /unchanged since the cached run/);

    writeFileSync(join(dir, '.keepalived-lint.json'), '{"rules": {"duplicate-keyword": "error"}}');
    const raised = run();
    assert.doesNotMatch(raised.stderr, /unchanged since/);
    assert.match(raised.stdout, /error: .*\[duplicate-keyword\]/);
    assert.equal(raised.status, 1);

    writeFileSync(join(dir, '.keepalived-lint.json'), '{"rules": {"duplicate-keyword": "off"}}');
    assert.equal(run().stdout, '');

    writeFileSync(join(dir, 'other.json'), '{"rules": {"duplicate-keyword": "error"}}');
    const named = run('--config', 'other.json');
    assert.doesNotMatch(named.stderr, /unchanged since/);
    assert.equal(named.status, 1);
  });

  it('a hit names the release that .keepalived-lint.json pins, as the fresh run did', async () => {
    const dir = mkdtempSync(join(work, 'pinned-'));
    writeFileSync(join(dir, 'k.conf'), 'global_defs {\n    router_id a\n}\n');
    writeFileSync(join(dir, '.keepalived-lint.json'), '{"keepalivedVersion": "2.0.20"}');
    const cache = join(dir, 'cache');
    const fresh = lint(['--cache-location', cache, 'k.conf'], dir);
    assert.match(fresh.stderr, /checked against keepalived 2\.0\.20/);
    await settle();
    const hit = lint(['--cache-location', cache, 'k.conf'], dir);
    assert.match(hit.stderr, /unchanged since the cached run/);
    assert.match(hit.stderr, /checked against keepalived 2\.0\.20/);
  });
});
