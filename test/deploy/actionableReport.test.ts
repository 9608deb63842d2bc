// Issue 18 item 11: a failed dry run against real sshd hosts names every host, its state and what to do.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { createLab, type TestLab } from './sshHosts';
import { writeWorkspace } from './fixtures';
import { recorder, specOf, resetLab } from './deployHelpers';
import { deploy } from '../../server/src/deploy/engine';
import { actionableReport, adviceFor, logLevelOf } from '../../server/src/deploy/actionableReport';

let lab: TestLab;
before(async () => {
  lab = await createLab(['d1', 'd2', 'r1', 'r2']);
});
after(() => lab?.teardown());
beforeEach(() => resetLab(lab));

test('a dry run one host cannot log in to: every host named with its state, the fix for the failing one', async () => {
  const [d1, d2] = lab.hosts;
  const ws = writeWorkspace(lab, 'report', {
    directors: [
      { name: 'd1', host: d1.address, config: 'master.conf', role: 'MASTER', remotePath: `${d1.dir}/etc/keepalived/keepalived.conf` },
      { name: 'd2', host: d2.address, config: 'backup.conf', role: 'BACKUP', remotePath: `${d2.dir}/etc/keepalived/keepalived.conf`, identityFile: lab.otherKey },
    ],
  });
  const ev = recorder({ trust: true });
  const res = await deploy({ spec: specOf(ws.clusterText, ws.dir), events: ev, dryRun: true });
  assert.equal(res.outcome, 'connect-failed');
  const report = actionableReport(res, true);
  // says which run it was and how it ended, in words, and who failed
  assert.match(report.summary, /^Dry run stopped: could not connect to every host, nothing was changed \(d2\)\.$/);
  assert.doesNotMatch(report.summary, /connect-failed|Deploy/);
  // all four hosts, each with its state; the failing one with what to do
  const lines = report.detail.split('\n');
  for (const name of ['d1', 'd2', 'r1', 'r2']) assert.ok(lines.some((l) => l.startsWith(`${name} (`)), report.detail);
  assert.match(report.detail, /^d2 \(BACKUP\): FAILED — authentication failed for root@d2\n {4}→ give the host a key: "identityFile"/m);
  assert.match(report.detail, /^d1 \(MASTER\): unchanged/m);
  // the failure is an error in the editor's log, the plan an info line
  const failure = ev.lines.find((l) => /authentication failed/.test(l))!;
  assert.equal(logLevelOf(failure), 'error');
  assert.equal(logLevelOf(ev.lines.find((l) => l.startsWith('plan:'))!), 'info');
});

test('advice for the other ways a host is out of reach', () => {
  assert.match(adviceFor('connection timed out after 5 s')!, /"host" and "port"/);
  assert.match(adviceFor('cannot connect: connect ECONNREFUSED 10.0.0.1:22')!, /sshd runs/);
  assert.match(adviceFor('host key of d1 HAS CHANGED: ...; refusing to connect')!, /find out why/);
  assert.match(adviceFor('host key of d1 is unknown (ssh-ed25519 SHA256:x); not trusted')!, /"hostKey"/);
  assert.equal(logLevelOf('[d1] rolled back because d2 failed: /etc/keepalived/keepalived.conf.bak restored'), 'warn');
  assert.equal(logLevelOf('result: dry-run'), 'info');
  assert.equal(logLevelOf('result: connect-failed'), 'error');
});
