import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cachedReport } from '../../server/src/cli/cachedReport';
import { main } from '../../server/src/cli/lint';
import { EXAMPLES, ROOT } from '../helpers/paths';

function lint(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'server/src/cli/lint.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const cluster = [join(EXAMPLES, 'master.conf'), join(EXAMPLES, 'backup.conf')];

describe('keepalived-lint --failover', () => {
  it('prints the example cluster\'s table: every failure of the MASTER moves the VIP to the BACKUP', () => {
    const r = lint('--failover', ...cluster);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.equal(lines[2], 'vrrp_instance VI_1: master.conf MASTER 100, backup.conf BACKUP 90');
    assert.match(r.stdout, /^no failure +\| 100 +\| 90 +\| master\.conf$/m);
    assert.match(r.stdout, /^eth0 down on master\.conf \| FAULT +\| 90 +\| backup\.conf$/m);
    assert.match(r.stdout, /^master\.conf stopped +\| STOPPED +\| 90 +\| backup\.conf$/m);
  });

  it('--format json gives the same rows as data', () => {
    const r = lint('--failover', '--format', 'json', ...cluster);
    assert.equal(r.code, 0, r.stderr);
    const { clusters } = JSON.parse(r.stdout);
    const [table] = clusters[0];
    assert.equal(table.instance, 'VI_1');
    assert.deepEqual(table.directors.map((d: { label: string }) => d.label), ['master.conf', 'backup.conf']);
    assert.deepEqual(table.rows.find((row: { failure: string }) => row.failure === 'master.conf stopped'), { failure: 'master.conf stopped', priorities: ['STOPPED', 90], holders: ['backup.conf'] });
  });

  it('says so, and exits 1, when the files make no cluster', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ka-failover-alone-'));
    try {
      const alone = join(dir, 'keepalived.conf');
      writeFileSync(alone, readFileSync(cluster[0]));
      const r = lint('--failover', alone);
      assert.equal(r.code, 1);
      assert.match(r.stdout, /^no cluster/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads the peer that the examples\' keepalived-cluster.json declares when only the MASTER is named', () => {
    const r = lint('--failover', cluster[0]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^master\.conf stopped +\| STOPPED +\| 90 +\| backup\.conf$/m);
  });

  it('groups as the linter does: two BACKUP nopreempt directors of equal priority are one cluster when a keepalived-cluster.json says so', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ka-failover-declared-'));
    try {
      const config = 'vrrp_instance VI_1 {\n  state BACKUP\n  nopreempt\n  interface eth0\n  virtual_router_id 51\n  priority 100\n  virtual_ipaddress {\n    10.0.0.100\n  }\n}\n';
      const files = ['lb1.conf', 'lb2.conf'].map((name) => join(dir, name));
      files.forEach((f) => writeFileSync(f, config));
      // identical files are also what copies of one sample look like: nothing in them joins them
      assert.equal(lint('--failover', ...files).code, 1);
      const clusterFile = { directors: [{ name: 'lb1', host: '192.0.2.1', config: 'lb1.conf' }, { name: 'lb2', host: '192.0.2.2', config: 'lb2.conf' }] };
      writeFileSync(join(dir, 'keepalived-cluster.json'), JSON.stringify(clusterFile));
      const r = lint('--failover', ...files);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.match(r.stdout, /^vrrp_instance VI_1: lb1\.conf BACKUP 100 nopreempt, lb2\.conf BACKUP 100 nopreempt$/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("takes the clusters of .keepalived-lint.json where no cluster file declares any, and reads a declared director's config not named", () => {
    const dir = mkdtempSync(join(tmpdir(), 'ka-failover-lintconfig-'));
    try {
      const config = 'vrrp_instance VI_1 {\n  state BACKUP\n  nopreempt\n  interface eth0\n  virtual_router_id 51\n  priority 100\n  virtual_ipaddress {\n    10.0.0.100\n  }\n}\n';
      const files = ['lb1.conf', 'lb2.conf'].map((name) => join(dir, name));
      files.forEach((f) => writeFileSync(f, config));
      writeFileSync(join(dir, '.keepalived-lint.json'), JSON.stringify({ clusters: [['lb1.conf', 'lb2.conf']] }));
      const both = lint('--failover', ...files);
      assert.equal(both.code, 0, both.stdout + both.stderr);
      assert.match(both.stdout, /^vrrp_instance VI_1: lb1\.conf BACKUP 100 nopreempt, lb2\.conf BACKUP 100 nopreempt$/m);
      // only lb1 named: lb2 is read as its declared peer
      const one = lint('--failover', files[0]);
      assert.equal(one.code, 0, one.stdout + one.stderr);
      assert.match(one.stdout, /^vrrp_instance VI_1: lb1\.conf BACKUP 100 nopreempt, lb2\.conf BACKUP 100 nopreempt$/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the launcher never answers --failover from the result cache (that holds lint reports)', () => {
    const cache = mkdtempSync(join(tmpdir(), 'ka-failover-cache-'));
    const [stdout, stderr] = [process.stdout.write, process.stderr.write];
    try {
      process.stdout.write = process.stderr.write = () => true;
      main(['--cache-location', cache, ...cluster], 'test-build');
      assert.notEqual(cachedReport(['--cache-location', cache, ...cluster], 'test-build'), undefined, 'the lint report is cached');
      assert.equal(cachedReport(['--failover', '--cache-location', cache, ...cluster], 'test-build'), undefined);
    } finally {
      [process.stdout.write, process.stderr.write] = [stdout, stderr];
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
