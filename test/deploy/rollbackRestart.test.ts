// A rollback brings keepalived back on a director even when the config being undone stopped it: a stopped
// service does not reload, so the rollback restarts it. Real OpenSSH servers; the systemctl stand-in keeps
// a service state (stopped by a reload of a config matching a pattern; reload refused while stopped).
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLab, type TestLab } from './sshHosts';
import { writeWorkspace, directorConfig } from './fixtures';
import { recorder, specOf, resetLab } from './deployHelpers';
import { deploy } from '../../server/src/deploy/engine';
import { rollback } from '../../server/src/deploy/rollback';
import { deployExitCode, deployFailureMessage, rolledBackHosts } from '../../server/src/deploy/outcomeReport';

let lab: TestLab;
before(async () => {
  lab = await createLab(['d1', 'd2', 'r1', 'r2']);
});
after(() => lab?.teardown());
beforeEach(() => resetLab(lab));

const conf = (i: number) => join(lab.hosts[i].dir, 'etc/keepalived/keepalived.conf');
const stopped = (i: number) => existsSync(join(lab.hosts[i].dir, 'stopped'));
const NOW = () => new Date('2026-03-04T05:06:07Z');

/** A first deploy that passes (priority 150/100), then new director configs (201/101) ready for a second one. */
async function deployedOnce(name: string, d1Extra: Record<string, unknown> = {}) {
  const ws = writeWorkspace(lab, name);
  const cluster = JSON.parse(ws.clusterText);
  Object.assign(cluster.directors[0], d1Extra);
  const clusterText = JSON.stringify(cluster);
  const first = await deploy({ spec: specOf(clusterText, ws.dir), events: recorder(), vipWaitMs: 0 });
  assert.equal(first.outcome, 'deployed', JSON.stringify(first.problems));
  for (const h of lab.hosts) writeFileSync(join(h.dir, 'standin.log'), '');
  writeFileSync(join(ws.dir, 'master.conf'), directorConfig('MASTER', 201));
  writeFileSync(join(ws.dir, 'backup.conf'), directorConfig('BACKUP', 101));
  return { spec: specOf(clusterText, ws.dir) };
}

test('the new config stopped keepalived on the MASTER: the reload of the restored file is refused, the rollback restarts it', async () => {
  const { spec } = await deployedOnce('stopped');
  lab.hosts[0].stopsWhen('priority 201');
  const ev = recorder();
  const res = await deploy({ spec, events: ev, vipWaitMs: 0, now: NOW });
  const log = ev.lines.join('\n');
  assert.equal(res.outcome, 'verify-failed', log);

  const d1 = res.hosts.find((h) => h.name === 'd1')!;
  assert.equal(d1.state, 'rolled-back', log);
  assert.equal(d1.rollbackActivation, 'restart');
  assert.match(readFileSync(conf(0), 'utf8'), /priority 150/);
  assert.deepEqual(lab.hosts[0].standinLog(), [
    'systemctl is-active keepalived', // pre-flight
    'systemctl reload keepalived', // the new config: keepalived stops
    'systemctl is-active keepalived', // verify
    'systemctl reload keepalived', // rollback: refused on the stopped service
    'systemctl restart keepalived',
    'systemctl is-active keepalived',
  ]);
  assert.equal(stopped(0), false, 'keepalived on d1 ends running');
  assert.match(
    d1.messages.at(-1)!,
    /^rolled back because its verification failed \(keepalived is not active: inactive\): .*\.bak-20260304T050607Z-[0-9a-f]{8}\.\w{6} restored; keepalived restarted: the reload failed \(exit 1: keepalived\.service is not active, cannot reload\.\)$/,
  );

  // The BACKUP kept running: its reload was enough.
  const d2 = res.hosts.find((h) => h.name === 'd2')!;
  assert.equal(d2.state, 'rolled-back');
  assert.equal(d2.rollbackActivation, 'reload');
  assert.deepEqual(lab.hosts[1].standinLog(), ['systemctl is-active keepalived', 'systemctl reload keepalived', 'systemctl is-active keepalived', 'systemctl reload keepalived', 'systemctl is-active keepalived']);
  assert.match(d2.messages.at(-1)!, /restored; keepalived reloaded$/);

  // Reported as rolled back, not as a rollback to check by hand.
  assert.deepEqual(rolledBackHosts(res).map((h) => [h.name, h.ok]), [['d1', true], ['d2', true], ['r1', true], ['r2', true]]);
  assert.equal(deployExitCode(res), 1);
  assert.doesNotMatch(deployFailureMessage(res), /ROLLBACK FAILED/);
});

test('a reload command that exits 0 on a stopped service: the rollback sees keepalived inactive and runs the restartCommand', async () => {
  const { spec } = await deployedOnce('swallowed', {
    reloadCommand: 'systemctl reload keepalived || true',
    restartCommand: 'systemctl restart keepalived.service',
  });
  lab.hosts[0].stopsWhen('priority 201');
  const ev = recorder();
  const res = await deploy({ spec, events: ev, vipWaitMs: 0, now: NOW });
  assert.equal(res.outcome, 'verify-failed', ev.lines.join('\n'));
  const d1 = res.hosts.find((h) => h.name === 'd1')!;
  assert.equal(d1.state, 'rolled-back');
  assert.equal(d1.rollbackActivation, 'restart');
  assert.deepEqual(lab.hosts[0].standinLog(), [
    'systemctl is-active keepalived', // pre-flight
    'systemctl reload keepalived',
    'systemctl is-active keepalived',
    'systemctl reload keepalived',
    'systemctl is-active keepalived', // inactive although the reload command exited 0
    'systemctl restart keepalived.service',
    'systemctl is-active keepalived',
  ]);
  assert.equal(stopped(0), false);
  assert.match(d1.messages.at(-1)!, /keepalived restarted: keepalived was not active after the reload \(inactive\)$/);
  assert.equal(deployExitCode(res), 1);
});

test('twin: when the restored config cannot run either, the restart does not hide it — rollback failed, check by hand', async () => {
  const { spec } = await deployedOnce('stillstopped');
  lab.hosts[0].stopsWhen('VI_1'); // in the old config as well as the new one
  const res = await deploy({ spec, events: recorder(), vipWaitMs: 0, now: NOW });
  const d1 = res.hosts.find((h) => h.name === 'd1')!;
  assert.equal(d1.state, 'rollback-failed');
  assert.equal(d1.rollbackActivation, 'restart');
  assert.equal(stopped(0), true);
  assert.match(d1.messages.at(-1)!, /ROLLBACK FAILED .*restored, but the reload failed .*; after the restart keepalived is still not active \(inactive\); check this host by hand$/);
  assert.equal(deployExitCode(res), 4);
  assert.match(deployFailureMessage(res), /ROLLBACK FAILED on d1: check by hand$/);
});

test('the rollback command restarts a keepalived that stopped under the deployed config', async () => {
  const { spec } = await deployedOnce('command');
  const second = await deploy({ spec, events: recorder(), vipWaitMs: 0, now: NOW });
  assert.equal(second.outcome, 'deployed');
  lab.hosts[0].stopKeepalived();
  for (const h of lab.hosts) writeFileSync(join(h.dir, 'standin.log'), '');
  const rb = await rollback({ spec, events: recorder() });
  const d1 = rb.hosts.find((h) => h.name === 'd1')!;
  assert.equal(rb.ok, true, JSON.stringify(rb.hosts));
  assert.equal(d1.activation, 'restart');
  assert.match(d1.message, /keepalived restarted: the reload failed/);
  assert.match(readFileSync(conf(0), 'utf8'), /priority 150/);
  assert.deepEqual(lab.hosts[0].standinLog(), ['systemctl reload keepalived', 'systemctl restart keepalived', 'systemctl is-active keepalived']);
  assert.equal(stopped(0), false);
  assert.equal(rb.hosts.find((h) => h.name === 'd2')!.activation, 'reload');
});
