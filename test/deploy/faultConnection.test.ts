// Deploy faults of the connection, against real OpenSSH servers in network namespaces: the SSH session
// killed just after a host's file was switched, the host's link taken down after the switch and while
// keepalived -t runs, an immutable target, SIGTERM to the CLI while a reload runs; then the `rollback`
// command after a partial deploy. Each asserts the hosts' final files and the report / exit status.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLab, type TestLab } from './sshHosts';
import { writeWorkspace, directorConfig } from './fixtures';
import { recorder, specOf, resetLab, siblings } from './deployHelpers';
import { deploy } from '../../server/src/deploy/engine';
import { rollback } from '../../server/src/deploy/rollback';
import { deployExitCode, deployFailureMessage } from '../../server/src/deploy/outcomeReport';
import { ROOT as repoRoot } from '../helpers/paths';

let lab: TestLab;
before(async () => {
  lab = await createLab(['d1', 'd2', 'r1', 'r2']);
});
after(() => {
  for (const h of lab?.hosts ?? []) spawnSync('chattr', ['-i', target(lab.hosts.indexOf(h))]);
  lab?.teardown();
});
beforeEach(() => resetLab(lab));

const target = (i: number) => join(lab.hosts[i].dir, i < 2 ? 'etc/keepalived/keepalived.conf' : 'sbin/realserver.sh');
const bytes = () => [0, 1, 2, 3].map((i) => readFileSync(target(i)));
const at = (iso: string) => () => new Date(iso);
/** files the deploy made beside a target: staged copies and backups */
const leftovers = (i: number, stampPrefix: string) => siblings(target(i)).filter((f) => f.includes('.kd-') || f.includes(`.bak-${stampPrefix}`));

/** A first deploy that passes, then new director configs (priority 201/101) ready for the next one. */
async function deployedOnce(name: string) {
  const ws = writeWorkspace(lab, name);
  const first = await deploy({ spec: specOf(ws.clusterText, ws.dir), events: recorder(), vipWaitMs: 0, now: at('2026-05-01T00:00:00Z') });
  assert.equal(first.outcome, 'deployed', JSON.stringify(first.problems));
  const before = bytes();
  for (const h of lab.hosts) writeFileSync(join(h.dir, 'standin.log'), '');
  writeFileSync(join(ws.dir, 'master.conf'), directorConfig('MASTER', 201));
  writeFileSync(join(ws.dir, 'backup.conf'), directorConfig('BACKUP', 101));
  return { ws, spec: specOf(ws.clusterText, ws.dir), before };
}

test('the SSH session dies just after the BACKUP\'s switch: the host is checked again, found switched, and every host is put back', { timeout: 90_000 }, async () => {
  const { spec, before } = await deployedOnce('drop');
  lab.hosts[1].hook('mv-then-drop', true);
  const ev = recorder();
  const res = await deploy({ spec, events: ev, vipWaitMs: 0, now: at('2026-05-02T00:00:00Z') });
  const log = ev.lines.join('\n');
  assert.equal(res.outcome, 'commit-failed', log);
  const d2 = res.hosts.find((h) => h.name === 'd2')!;
  assert.equal(d2.state, 'rolled-back', log);
  assert.match(log, /\[d2\] checked after reconnecting: the new file is in place/);
  // every host ends on its file from before: no director on the new config, no split cluster
  const after = bytes();
  for (let i = 0; i < 4; i++) assert.ok(after[i].equals(before[i]), `${lab.hosts[i].name} differs from before the deploy`);
  assert.equal(res.hosts.find((h) => h.name === 'd1')!.state, 'untouched');
  for (let i = 0; i < 4; i++) assert.deepEqual(leftovers(i, '20260502'), [], lab.hosts[i].name);
  assert.equal(deployExitCode(res), 1);
});

test('the BACKUP stops answering just after its switch: the run ends within a bound and says "check by hand" (exit 5)', { timeout: 90_000 }, async () => {
  const { spec, before } = await deployedOnce('cut');
  lab.hosts[1].hook('mv-then-cut', true);
  const ev = recorder();
  const t0 = performance.now();
  const res = await deploy({ spec, events: ev, vipWaitMs: 0, now: at('2026-05-03T00:00:00Z') });
  const seconds = (performance.now() - t0) / 1000;
  const log = ev.lines.join('\n');
  // keepalives notice the silence in seconds, the reconnect is bounded by connectTimeoutSeconds (5)
  assert.ok(seconds < 45, `took ${seconds} s`);
  const d2 = res.hosts.find((h) => h.name === 'd2')!;
  assert.equal(d2.state, 'unknown', log);
  assert.match(d2.messages.at(-1)!, /STATE UNKNOWN: the switch of .* was interrupted .* cannot be reached again; check this host by hand/);
  assert.equal(deployExitCode(res), 5);
  assert.match(deployFailureMessage(res), /STATE UNKNOWN on d2 .*check by hand/);
  // the hosts that can be reached are put back; the MASTER was never touched
  const after = bytes();
  for (const i of [0, 2, 3]) assert.ok(after[i].equals(before[i]), `${lab.hosts[i].name} differs from before the deploy`);
  assert.match(after[1].toString(), /priority 101/, 'the switch did happen on d2 (what the operator must check)');
});

test('a host stops answering while keepalived -t runs: the run ends within a bound, nothing changes anywhere', { timeout: 90_000 }, async () => {
  const { spec, before } = await deployedOnce('hang');
  lab.hosts[0].hook('validate-then-cut', true);
  const ev = recorder();
  const t0 = performance.now();
  const res = await deploy({ spec, events: ev, vipWaitMs: 0, now: at('2026-05-04T00:00:00Z') });
  const seconds = (performance.now() - t0) / 1000;
  assert.ok(seconds < 45, `took ${seconds} s`);
  assert.equal(res.outcome, 'stage-failed', ev.lines.join('\n'));
  assert.match(res.hosts[0].messages.join('\n'), /staging failed: .*(stopped answering|timed out|connection)/);
  assert.equal(deployExitCode(res), 1);
  lab.hosts[0].inNs('ip', 'link', 'set', 'eth0', 'up');
  const after = bytes();
  for (let i = 0; i < 4; i++) assert.ok(after[i].equals(before[i]), `${lab.hosts[i].name} changed`);
  for (const i of [1, 2, 3]) assert.deepEqual(leftovers(i, '20260504'), [], lab.hosts[i].name);
});

test('an immutable target: the switch fails cleanly (no backup left), the rollback command then restores the file from before the last successful deploy', { timeout: 90_000 }, async () => {
  const { ws, spec } = await deployedOnce('immutable');
  // a second successful deploy: d2 goes from priority 100 to 101, its backup holds 100
  const second = await deploy({ spec, events: recorder(), vipWaitMs: 0, now: at('2026-05-05T00:00:00Z') });
  assert.equal(second.outcome, 'deployed', JSON.stringify(second.problems));
  const afterSecond = bytes();
  // a third deploy that fails at d2's switch
  writeFileSync(join(ws.dir, 'backup.conf'), directorConfig('BACKUP', 102));
  writeFileSync(join(ws.dir, 'master.conf'), directorConfig('MASTER', 202));
  assert.equal(spawnSync('chattr', ['+i', target(1)]).status, 0, 'chattr +i');
  let third;
  try {
    third = await deploy({ spec: specOf(ws.clusterText, ws.dir), events: recorder(), vipWaitMs: 0, now: at('2026-05-06T00:00:00Z') });
  } finally {
    spawnSync('chattr', ['-i', target(1)]);
  }
  assert.equal(third.outcome, 'commit-failed');
  assert.match(third.hosts[1].messages.join('\n'), /commit failed, .* unchanged/);
  for (let i = 0; i < 4; i++) assert.ok(bytes()[i].equals(afterSecond[i]), `${lab.hosts[i].name} differs from after the second deploy`);
  assert.deepEqual(leftovers(1, '20260506'), [], 'the failed switch left a backup or a staged file');

  // rollback: every host gets what was live before the second (last successful) deploy
  const rb = await rollback({ spec: specOf(ws.clusterText, ws.dir), events: recorder() });
  assert.equal(rb.ok, true, JSON.stringify(rb.hosts));
  assert.match(readFileSync(target(0), 'utf8'), /priority 150/);
  assert.match(readFileSync(target(1), 'utf8'), /priority 100/);
  for (const h of rb.hosts) assert.match(h.message, /^restored .* \(live before deploy [0-9a-f]{8} of 2026-05-05T00:00:00\.000Z\)/, h.name);
});

test('SIGTERM to keepalived-deploy while a reload runs: what was changed is rolled back, then it exits 130', { timeout: 90_000 }, async () => {
  const { ws, before } = await deployedOnce('sigterm');
  lab.hosts[1].hook('reload-blocks', true);
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'server/src/deploy/cli.ts'), 'deploy', '--cluster', join(ws.dir, 'keepalived-cluster.json')], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let signalled = false;
  child.stdout.on('data', (d) => {
    out += d;
    if (!signalled && /\[d2\] committing/.test(out)) {
      signalled = true;
      child.kill('SIGTERM');
      setTimeout(() => lab.hosts[1].hook('reload-blocks', false), 1000);
    }
  });
  child.stderr.on('data', (d) => (out += d));
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c, sig) => resolve(c ?? (sig ? -1 : null))));
  assert.ok(signalled, out);
  assert.equal(code, 130, out);
  const after = bytes();
  for (let i = 0; i < 4; i++) assert.ok(after[i].equals(before[i]), `${lab.hosts[i].name} differs from before the deploy\n${out}`);
});
