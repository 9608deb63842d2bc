// A host that fails the post-commit verify is put back from the backup taken in the same run, against
// real OpenSSH servers with a systemctl stand-in that can answer "inactive" for a given config.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLab, type TestLab } from './sshHosts';
import { writeWorkspace, directorConfig, VIP } from './fixtures';
import { recorder, specOf, resetLab, siblings } from './deployHelpers';
import { deploy } from '../../server/src/deploy/engine';
import { deployExitCode, deployFailureMessage, rolledBackHosts } from '../../server/src/deploy/outcomeReport';

let lab: TestLab;
before(async () => {
  lab = await createLab(['d1', 'd2', 'r1', 'r2']);
});
after(() => lab?.teardown());
beforeEach(() => resetLab(lab));

const target = (i: number) => join(lab.hosts[i].dir, i < 2 ? 'etc/keepalived/keepalived.conf' : 'sbin/realserver.sh');
const bytes = () => [0, 1, 2, 3].map((i) => readFileSync(target(i)));

/** A first deploy that passes, then new director configs (priority 201/101) ready for a second one. */
async function deployedOnce(name: string) {
  const ws = writeWorkspace(lab, name);
  const first = await deploy({ spec: specOf(ws.clusterText, ws.dir), events: recorder(), vipWaitMs: 0 });
  assert.equal(first.outcome, 'deployed', JSON.stringify(first.problems));
  const before = bytes();
  for (const h of lab.hosts) writeFileSync(join(h.dir, 'standin.log'), '');
  writeFileSync(join(ws.dir, 'master.conf'), directorConfig('MASTER', 201));
  writeFileSync(join(ws.dir, 'backup.conf'), directorConfig('BACKUP', 101));
  return { spec: specOf(ws.clusterText, ws.dir), before };
}

test('keepalived inactive on the MASTER after the reload: every host changed is restored from its backup, MASTER first', async () => {
  const { spec, before } = await deployedOnce('verifyfail');
  lab.hosts[0].inactiveWhen('priority 201');
  const ev = recorder();
  const res = await deploy({ spec, events: ev, vipWaitMs: 0, now: () => new Date('2026-03-04T05:06:07Z') });
  const log = ev.lines.join('\n');
  assert.equal(res.outcome, 'verify-failed', log);
  assert.equal(res.ok, false);

  // The MASTER: its old file is back byte for byte, and keepalived was reloaded on it again (and found active).
  const after = bytes();
  assert.ok(after[0].equals(before[0]), 'd1 config differs from before the deploy');
  assert.deepEqual(lab.hosts[0].standinLog(), ['systemctl is-active keepalived', 'systemctl reload keepalived', 'systemctl is-active keepalived', 'systemctl reload keepalived', 'systemctl is-active keepalived']);
  const d1 = res.hosts.find((h) => h.name === 'd1')!;
  assert.equal(d1.state, 'rolled-back');
  assert.equal(d1.rollbackReason, 'its verification failed (keepalived is not active: inactive)');
  assert.match(d1.messages.join('\n'), /rolled back because its verification failed .*keepalived\.conf\.bak-20260304T050607Z-[0-9a-f]{8}\.\w{6} restored/);

  // The engine's policy for failures after commit: the hosts that passed go back too (no half-new cluster).
  for (const i of [1, 2, 3]) assert.ok(after[i].equals(before[i]), `${lab.hosts[i].name} file differs from before the deploy`);
  assert.deepEqual(lab.hosts[1].standinLog(), ['systemctl is-active keepalived', 'systemctl reload keepalived', 'systemctl is-active keepalived', 'systemctl reload keepalived', 'systemctl is-active keepalived']);
  for (const name of ['d2', 'r1', 'r2']) {
    const h = res.hosts.find((x) => x.name === name)!;
    assert.equal(h.state, 'rolled-back', name);
    assert.equal(h.rollbackReason, 'd1 failed verification', name);
  }
  // The restored realserver script was started again: the VIP is still bound on lo.
  for (const r of lab.hosts.slice(2)) assert.match(r.inNs('ip', '-o', 'addr', 'show', 'dev', 'lo').stdout, /inet 192\.0\.2\.200\/32/);

  // Reverse of the commit order: MASTER, then BACKUP, then the real servers.
  const at = (host: string) => ev.progressEvents.find((e) => e.host === host && /^rolled back because/.test(e.message))!.at;
  assert.ok(at('d1') < at('d2'), 'MASTER rolled back before the BACKUP');
  assert.ok(at('d2') < Math.min(at('r1'), at('r2')), 'BACKUP rolled back before the real servers');

  // The backups of this run went back into place; no staged or restore leftovers.
  for (let i = 0; i < 4; i++) assert.deepEqual(siblings(target(i)).filter((f) => /\.kd-|\.bak-/.test(f)), [], lab.hosts[i].name);

  // What the run reports, to the CLI and the VS Code command.
  assert.match(res.problems[0], /^d1: keepalived is not active: inactive/);
  assert.ok(res.problems.some((p) => /^d2: rolled back because d1 failed verification/.test(p)), res.problems.join('\n'));
  assert.deepEqual(rolledBackHosts(res).map((h) => [h.name, h.ok]), [['d1', true], ['d2', true], ['r1', true], ['r2', true]]);
  assert.equal(deployExitCode(res), 1);
  assert.match(deployFailureMessage(res), /^Deploy verify-failed: d1: keepalived is not active: inactive\. Rolled back from their backups: d1, d2, r1, r2$/);
});

test('twin: the same deploy with keepalived active after the reload keeps the new files and rolls nothing back', async () => {
  const { spec, before } = await deployedOnce('verifyok');
  lab.hosts[0].inactiveWhen('priority 999'); // armed, but no installed config matches it
  const ev = recorder();
  const res = await deploy({ spec, events: ev, vipWaitMs: 0, now: () => new Date('2026-03-04T05:06:07Z') });
  assert.equal(res.outcome, 'deployed', ev.lines.join('\n'));
  const after = bytes();
  assert.match(after[0].toString('utf8'), /priority 201/);
  assert.match(after[1].toString('utf8'), /priority 101/);
  assert.ok(after[2].equals(before[2]) && after[3].equals(before[3]), 'the realserver scripts did not change');
  const backup = siblings(target(0)).find((f) => /^keepalived\.conf\.bak-20260304T050607Z-[0-9a-f]{8}\.\w{6}$/.test(f));
  assert.ok(backup && readFileSync(join(target(0), '..', backup)).equals(before[0]), 'backup of the previous MASTER config');
  for (const d of lab.hosts.slice(0, 2)) assert.deepEqual(d.standinLog(), ['systemctl is-active keepalived', 'systemctl reload keepalived', 'systemctl is-active keepalived']);
  assert.deepEqual(res.hosts.map((h) => h.state), ['committed', 'committed', 'committed', 'committed']);
  assert.ok(res.hosts.every((h) => h.rollbackReason === undefined));
  assert.deepEqual(rolledBackHosts(res), []);
  assert.doesNotMatch(ev.lines.join('\n'), /rolled back/);
  assert.equal(deployExitCode(res), 0);
  for (const r of lab.hosts.slice(2)) assert.match(r.inNs('ip', '-o', 'addr', 'show', 'dev', 'lo').stdout, new RegExp(`inet ${VIP.replace(/\./g, '\\.')}/32`));
});
