// End-to-end deploys against real OpenSSH servers, one per host in its own network namespace.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { createLab, type TestLab } from './sshHosts';
import { writeWorkspace, VIP, AUTH_PASS, directorConfig } from './fixtures';
import { recorder, specOf, resetLab, read, siblings } from './deployHelpers';
import { deploy } from '../../server/src/deploy/engine';
import { rollback } from '../../server/src/deploy/rollback';
import { clusterStatus, formatStatus } from '../../server/src/deploy/status';

let lab: TestLab;
const timings: Record<string, Record<string, number | undefined>> = {};

before(async () => {
  const t0 = performance.now();
  lab = await createLab(['d1', 'd2', 'r1', 'r2']);
  timings['lab setup (4 hosts)'] = { ms: Math.round(performance.now() - t0) };
});
after(() => {
  lab?.teardown();
  console.log('timings', JSON.stringify(timings));
});
beforeEach(() => resetLab(lab));

const target = (i: number) => join(lab.hosts[i].dir, i < 2 ? 'etc/keepalived/keepalived.conf' : 'sbin/realserver.sh');
const nothingChanged = () => {
  for (let i = 0; i < 4; i++) {
    assert.equal(existsSync(target(i)), false, `${lab.hosts[i].name} got a file`);
    assert.deepEqual(siblings(target(i)).filter((f) => f.includes('.kd-')), [], 'staged leftovers');
    // the pre-flight's status query is the only service command allowed
    assert.deepEqual(lab.hosts[i].standinLog().filter((l) => l !== 'systemctl is-active keepalived'), [], `${lab.hosts[i].name} ran systemctl`);
  }
  for (const r of lab.hosts.slice(2)) assert.doesNotMatch(r.inNs('ip', '-o', 'addr', 'show', 'dev', 'lo').stdout, /192\.0\.2\.200/);
};

test('success: all hosts get their files, reloads and starts happen in order, verify passes', async () => {
  const ws = writeWorkspace(lab, 'ok');
  const ev = recorder();
  const res = await deploy({ spec: specOf(ws.clusterText, ws.dir), events: ev, vipWaitMs: 0 });
  assert.equal(res.outcome, 'deployed', JSON.stringify(res.problems) + ev.lines.join('\n'));
  assert.equal(read(target(0)), readFileSync(join(ws.dir, 'master.conf'), 'utf8'));
  assert.equal(read(target(1)), readFileSync(join(ws.dir, 'backup.conf'), 'utf8'));
  assert.equal(statSync(target(0)).mode & 0o777, 0o640, 'a new config holding auth_pass is not world-readable');
  assert.equal(statSync(target(2)).mode & 0o777, 0o755);
  for (const d of lab.hosts.slice(0, 2)) assert.deepEqual(d.standinLog(), ['systemctl is-active keepalived', 'systemctl reload keepalived', 'systemctl is-active keepalived']);
  // The real servers ran the script for real in their namespaces.
  for (const r of lab.hosts.slice(2)) {
    assert.match(r.inNs('ip', '-o', 'addr', 'show', 'dev', 'lo').stdout, /inet 192\.0\.2\.200\/32/);
    assert.equal(r.inNs('cat', '/proc/sys/net/ipv4/conf/all/arp_ignore').stdout.trim(), '1');
    assert.equal(r.inNs('cat', '/proc/sys/net/ipv4/conf/lo/arp_announce').stdout.trim(), '2');
  }
  // Order: both real servers started before the BACKUP reloaded, and the BACKUP before the MASTER.
  const when = (host: string, msg: RegExp) => ev.progressEvents.find((e) => e.host === host && msg.test(e.message))!.at;
  const rsDone = Math.max(when('r1', /realserver start: ok/), when('r2', /realserver start: ok/));
  assert.ok(rsDone < when('d2', /committing/));
  assert.ok(when('d2', /reload: ok/) < when('d1', /committing/));
  // Secrets: auth_pass never appears in the log or in diffs.
  assert.ok(res.hosts[0].diff?.includes('auth_pass ********'));
  assert.equal(ev.lines.join('\n').includes(AUTH_PASS), false);
  assert.equal(JSON.stringify(res).includes(AUTH_PASS), false);
  for (const h of res.hosts) timings[`first deploy ${h.name}`] = h.timings;

  // Second deploy with a change: a timestamped backup of the old file, and the diff shows the change.
  writeFileSync(join(ws.dir, 'master.conf'), directorConfig('MASTER', 200));
  const res2 = await deploy({ spec: specOf(ws.clusterText, ws.dir), events: recorder(), vipWaitMs: 0, now: () => new Date('2026-01-02T03:04:05Z') });
  assert.equal(res2.outcome, 'deployed');
  assert.match(read(target(0))!, /priority 200/);
  // the backup's name has the time, the run id and a random part nobody can guess or pre-create; only root reads it
  const backups = siblings(target(0)).filter((f) => /^keepalived\.conf\.bak-20260102T030405Z-[0-9a-f]{8}\.\w{6}$/.test(f));
  assert.equal(backups.length, 1, siblings(target(0)).join(' '));
  assert.equal(read(join(dirname(target(0)), backups[0])), directorConfig('MASTER', 150));
  assert.equal(statSync(join(dirname(target(0)), backups[0])).mode & 0o777, 0o600);
  assert.match(res2.hosts[0].diff!, /^-    priority 150$/m);
  assert.match(res2.hosts[0].diff!, /^\+    priority 200$/m);
  assert.equal(res2.hosts[1].diff, '');
  for (const h of res2.hosts) timings[`second deploy ${h.name}`] = h.timings;

  // rollback: the newest backup goes back and keepalived reloads
  const rb = await rollback({ spec: specOf(ws.clusterText, ws.dir), events: recorder() });
  assert.equal(rb.hosts.find((h) => h.name === 'd1')!.ok, true, JSON.stringify(rb.hosts));
  assert.match(read(target(0))!, /priority 150/);
  assert.equal(lab.hosts[0].standinLog().filter((l) => l === 'systemctl reload keepalived').length, 3);

  // status: VIP held by the director that has it on an interface, real servers running
  lab.hosts[0].inNs('ip', 'addr', 'add', `${VIP}/32`, 'dev', 'eth0');
  const st = await clusterStatus({ spec: specOf(ws.clusterText, ws.dir), callbacks: recorder() });
  assert.deepEqual(st.vips, [{ vip: VIP, heldBy: ['d1'] }]);
  assert.deepEqual(st.realServers.map((r) => r.running), [true, true]);
  assert.match(formatStatus(st), /VIP 192\.0\.2\.200: held by d1/);
  lab.hosts[0].inNs('ip', 'addr', 'del', `${VIP}/32`, 'dev', 'eth0');
});

test('--dry-run stages, validates and diffs, then changes nothing', async () => {
  const ws = writeWorkspace(lab, 'dry');
  const res = await deploy({ spec: specOf(ws.clusterText, ws.dir), events: recorder(), dryRun: true });
  assert.equal(res.outcome, 'dry-run');
  assert.equal(res.ok, true);
  assert.match(res.hosts[0].diff!, /^\+    state MASTER$/m);
  assert.ok(res.hosts.every((h) => h.state === 'untouched'));
  nothingChanged();
});

test('remote validation failure on one host: nothing changes on any host', async () => {
  const ws = writeWorkspace(lab, 'invalid');
  writeFileSync(join(ws.dir, 'backup.conf'), directorConfig('BACKUP', 100).replace('advert_int 1', 'advert_intt 1'));
  const res = await deploy({ spec: specOf(ws.clusterText, ws.dir), events: recorder() });
  assert.equal(res.outcome, 'stage-failed');
  const d2 = res.hosts.find((h) => h.name === 'd2')!;
  assert.match(d2.messages.join('\n'), /Unknown keyword 'advert_intt'/);
  // The message names the real target, not the staged temporary file.
  assert.match(d2.messages.join('\n'), /keepalived\.conf: Line 10/);
  nothingChanged();
});

test('reload failure on the MASTER after commit: every host changed in this run is rolled back', async () => {
  const ws = writeWorkspace(lab, 'reloadfail');
  // A previous good deploy, so there is something to roll back to.
  assert.equal((await deploy({ spec: specOf(ws.clusterText, ws.dir), events: recorder(), vipWaitMs: 0 })).outcome, 'deployed');
  for (const h of lab.hosts) writeFileSync(join(h.dir, 'standin.log'), '');
  writeFileSync(join(ws.dir, 'master.conf'), directorConfig('MASTER', 201));
  writeFileSync(join(ws.dir, 'backup.conf'), directorConfig('BACKUP', 101));
  lab.hosts[0].failReload('priority 201');
  const ev = recorder();
  const res = await deploy({ spec: specOf(ws.clusterText, ws.dir), events: ev });
  assert.equal(res.outcome, 'commit-failed');
  assert.match(read(target(0))!, /priority 150/);
  assert.match(read(target(1))!, /priority 100/);
  const d1 = res.hosts.find((h) => h.name === 'd1')!;
  assert.equal(d1.state, 'rolled-back');
  assert.match(d1.messages.join('\n'), /reload failed \(exit 1\): Job for keepalived\.service failed/);
  assert.match(d1.messages.join('\n'), /rolled back because its activation failed/);
  assert.equal(res.hosts.find((h) => h.name === 'd2')!.state, 'rolled-back');
  // d2: reload for the new config, then again for the restored one, which is checked to leave keepalived active.
  assert.deepEqual(lab.hosts[1].standinLog(), ['systemctl is-active keepalived', 'systemctl reload keepalived', 'systemctl reload keepalived', 'systemctl is-active keepalived']);
  assert.match(ev.lines.join('\n'), /\[d2\] rolled back because d1 failed/);
  for (let i = 0; i < 4; i++) assert.deepEqual(siblings(target(i)).filter((f) => f.includes('.kd-')), []);
});

test('cancel after staging: nothing changes and the staged files are removed', async () => {
  const ws = writeWorkspace(lab, 'cancel1');
  const ac = new AbortController();
  const ev = recorder({ onProgress: (_h, m) => m.startsWith('staged') && ac.abort() });
  const res = await deploy({ spec: specOf(ws.clusterText, ws.dir), events: ev, signal: ac.signal });
  assert.equal(res.outcome, 'cancelled');
  nothingChanged();
});

test('cancel during commit: hosts already changed are rolled back', async () => {
  const ws = writeWorkspace(lab, 'cancel2');
  const ac = new AbortController();
  const ev = recorder({ onProgress: (h, m) => h === 'r1' && m === 'realserver start: ok' && ac.abort() });
  const res = await deploy({ spec: specOf(ws.clusterText, ws.dir), events: ev, signal: ac.signal });
  assert.equal(res.outcome, 'cancelled', ev.lines.join('\n'));
  assert.deepEqual(res.hosts.map((h) => h.state).sort(), ['rolled-back', 'rolled-back', 'untouched', 'untouched']);
  nothingChanged();
});

// The cancel fires synchronously from the progress event sent just before r2's commit command goes out,
// so that command is always in flight when the signal aborts: the engine must let it finish, then roll back.
test('cancel while a commit command is in flight: the run says cancelled and the wave is rolled back', async () => {
  const ws = writeWorkspace(lab, 'cancel3');
  const ac = new AbortController();
  const ev = recorder({ onProgress: (h, m) => h === 'r2' && m.startsWith('committing') && ac.abort() });
  const res = await deploy({ spec: specOf(ws.clusterText, ws.dir), events: ev, signal: ac.signal });
  assert.equal(res.outcome, 'cancelled', ev.lines.join('\n'));
  const state = Object.fromEntries(res.hosts.map((h) => [h.name, h.state]));
  assert.deepEqual(state, { d1: 'untouched', d2: 'untouched', r1: 'rolled-back', r2: 'rolled-back' });
  assert.doesNotMatch(ev.lines.join('\n'), /commit failed|start failed/);
  nothingChanged();
});

test('cancel during the last wave: the MASTER finishes, then every host is rolled back', async () => {
  const ws = writeWorkspace(lab, 'cancel4');
  const ac = new AbortController();
  const ev = recorder({ onProgress: (h, m) => h === 'd1' && m.startsWith('committing') && ac.abort() });
  const res = await deploy({ spec: specOf(ws.clusterText, ws.dir), events: ev, signal: ac.signal, vipWaitMs: 0 });
  assert.equal(res.outcome, 'cancelled', ev.lines.join('\n'));
  assert.deepEqual(res.hosts.map((h) => h.state), ['rolled-back', 'rolled-back', 'rolled-back', 'rolled-back']);
  for (let i = 0; i < 4; i++) {
    assert.equal(existsSync(target(i)), false, `${lab.hosts[i].name} kept its file`);
    assert.deepEqual(siblings(target(i)).filter((f) => f.includes('.kd-')), [], 'staged leftovers');
  }
  // Verify never ran: the directors saw the reload of the commit and nothing after it.
  for (const d of lab.hosts.slice(0, 2)) assert.deepEqual(d.standinLog(), ['systemctl is-active keepalived', 'systemctl reload keepalived']);
  for (const r of lab.hosts.slice(2)) assert.doesNotMatch(r.inNs('ip', '-o', 'addr', 'show', 'dev', 'lo').stdout, /192\.0\.2\.200/);
});

test('a host that is down: connect fails, nothing changes anywhere', async () => {
  const ws = writeWorkspace(lab, 'down');
  await lab.hosts[1].stop();
  try {
    const res = await deploy({ spec: specOf(ws.clusterText, ws.dir), events: recorder() });
    assert.equal(res.outcome, 'connect-failed');
    assert.match(res.problems.join('\n'), /d2: cannot connect: connect ECONNREFUSED/);
    nothingChanged();
  } finally {
    await lab.hosts[1].start();
  }
});

test('paths with spaces and shell metacharacters land literally, with no command injection', async () => {
  const canary = join(lab.root, 'INJECTED');
  const weird = (i: number) => `${lab.hosts[i].dir}/etc dir/$(touch ${canary}) \`touch ${canary}\`; 'q' "dq" &/keepalived.conf`;
  const ws = writeWorkspace(lab, 'hostile', {
    directors: [
      { name: 'd1', host: lab.hosts[0].address, config: 'master.conf', role: 'MASTER', remotePath: weird(0) },
      { name: 'd2', host: lab.hosts[1].address, config: 'backup.conf', role: 'BACKUP', remotePath: weird(1) },
    ],
    realServers: [{ name: 'r1', host: lab.hosts[2].address, scriptPath: `${lab.hosts[2].dir}/sbin/my scripts/$(id)/rs.sh`, vips: [VIP] }],
  });
  const spec = specOf(ws.clusterText, ws.dir);
  const res = await deploy({ spec, events: recorder(), vipWaitMs: 0 });
  assert.equal(res.outcome, 'deployed', JSON.stringify(res.problems));
  assert.equal(read(weird(0)), readFileSync(join(ws.dir, 'master.conf'), 'utf8'));
  assert.ok(existsSync(`${lab.hosts[2].dir}/sbin/my scripts/$(id)/rs.sh`));
  assert.equal(existsSync(canary), false, 'a remote path was executed');
  const dry = await deploy({ spec, events: recorder(), dryRun: true });
  assert.equal(dry.outcome, 'dry-run');
  assert.equal(existsSync(canary), false);
});
