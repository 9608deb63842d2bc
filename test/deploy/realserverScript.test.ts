// Runs the rendered real-server script for real inside a network namespace this test creates,
// so lo and the ARP sysctls it changes are the namespace's own, never the machine's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderRealserverScript } from '../../server/src/deploy/realserverScript';

const ns = `kdrs${process.pid}`;
const dir = mkdtempSync(join(tmpdir(), 'kd-rs-'));
const script = join(dir, 'realserver.sh');
const VIPS = ['192.0.2.10', '192.0.2.11'];

const inNs = (...args: string[]) => spawnSync('ip', ['netns', 'exec', ns, ...args], { encoding: 'utf8' });
const run = (action: string, env: NodeJS.ProcessEnv = process.env) =>
  spawnSync('ip', ['netns', 'exec', ns, 'sh', script, action], { encoding: 'utf8', env });
const loAddrs = () => inNs('ip', '-o', 'addr', 'show', 'dev', 'lo').stdout;
const sysctl = (dev: string, key: string) => inNs('cat', `/proc/sys/net/ipv4/conf/${dev}/${key}`).stdout.trim();

before(() => {
  execFileSync('ip', ['netns', 'add', ns]);
  writeFileSync(script, renderRealserverScript(VIPS), { mode: 0o755 });
});
after(() => {
  spawnSync('ip', ['netns', 'del', ns]);
  rmSync(dir, { recursive: true, force: true });
});

test('status before start reports stopped with exit 3', () => {
  const r = run('status');
  assert.equal(r.status, 3, r.stdout + r.stderr);
  assert.match(r.stdout, /stopped/);
});

test('start binds every VIP as /32 on lo and sets ARP on lo and all', () => {
  const r = run('start');
  assert.equal(r.status, 0, r.stderr);
  for (const vip of VIPS) assert.match(loAddrs(), new RegExp(`inet ${vip.replace(/\./g, '\\.')}/32 `));
  for (const dev of ['lo', 'all']) {
    assert.equal(sysctl(dev, 'arp_ignore'), '1');
    assert.equal(sysctl(dev, 'arp_announce'), '2');
  }
  const s = run('status');
  assert.equal(s.status, 0, s.stdout);
  assert.match(s.stdout, /running/);
});

test('start is idempotent: a second run succeeds and adds nothing twice', () => {
  const r = run('start');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /already on lo/);
  const count = loAddrs().split('\n').filter((l) => l.includes('192.0.2.10/32')).length;
  assert.equal(count, 1);
});

test('status notices a VIP removed behind its back', () => {
  inNs('ip', 'addr', 'del', '192.0.2.11/32', 'dev', 'lo');
  const s = run('status');
  assert.equal(s.status, 3);
  assert.match(s.stdout, /192\.0\.2\.11 missing/);
  assert.equal(run('start').status, 0);
  assert.equal(run('status').status, 0);
});

test('stop removes the VIPs and resets ARP; stop twice is fine', () => {
  assert.equal(run('stop').status, 0);
  assert.doesNotMatch(loAddrs(), /192\.0\.2\.1[01]/);
  assert.equal(sysctl('all', 'arp_ignore'), '0');
  assert.equal(sysctl('lo', 'arp_announce'), '0');
  assert.equal(run('stop').status, 0);
  assert.equal(run('status').status, 3);
});

test('unknown action exits 2 with usage', () => {
  const r = run('bogus');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /usage/);
});

test('falls back to ifconfig where ip is absent', () => {
  // A PATH holding only the tools the script needs, without `ip`.
  const bin = join(dir, 'noip-bin');
  mkdirSync(bin);
  for (const tool of ['sh', 'cat', 'awk', 'grep', 'sed', 'ifconfig']) {
    const found = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
    symlinkSync(found, join(bin, tool));
  }
  const noIp = (action: string) =>
    spawnSync('ip', ['netns', 'exec', ns, 'env', `PATH=${bin}`, 'sh', script, action], { encoding: 'utf8' });
  const start = noIp('start');
  assert.equal(start.status, 0, start.stderr);
  assert.match(loAddrs(), /inet 192\.0\.2\.10\/32 .*lo/);
  assert.equal(noIp('status').status, 0, noIp('status').stdout);
  assert.equal(noIp('stop').status, 0);
  assert.doesNotMatch(loAddrs(), /192\.0\.2\.10/);
  assert.equal(noIp('status').status, 3);
});

test('rendering refuses anything that is not an IP literal', () => {
  assert.throws(() => renderRealserverScript(['192.0.2.1; reboot']));
  assert.throws(() => renderRealserverScript([]));
});
