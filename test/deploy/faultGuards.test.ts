// Deploy guards against real OpenSSH servers in network namespaces: the per-host lock (two deploys at once,
// a stale lock), symlinked configs and unusual modes, the empty-config guard, secrets reached through
// `$NAME` and `@id` lines in dry-run diffs, and the pre-flight (IPVS, keywords the host's keepalived does
// not know, a keepalived stopped on purpose). Each asserts the hosts' final files and the report.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, chownSync, copyFileSync, existsSync, readdirSync, lstatSync, mkdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { createLab, type TestLab } from './sshHosts';
import { writeWorkspace, directorConfig, AUTH_PASS } from './fixtures';
import { recorder, specOf, resetLab } from './deployHelpers';
import { deploy } from '../../server/src/deploy/engine';
import { deployExitCode } from '../../server/src/deploy/outcomeReport';
import { rollback } from '../../server/src/deploy/rollback';
import { SshSession } from '../../server/src/deploy/ssh';
import { LockBusy, takeLock } from '../../server/src/deploy/hostLock';
import { realAnalysis } from '../../server/src/deploy/realAnalysis';

let lab: TestLab;
before(async () => {
  lab = await createLab(['d1', 'd2', 'r1', 'r2']);
});
after(() => lab?.teardown());
beforeEach(() => {
  resetLab(lab);
  for (const h of lab.hosts) rmSync(join(h.dir, 'stopped'), { force: true });
});

const target = (i: number) => join(lab.hosts[i].dir, i < 2 ? 'etc/keepalived/keepalived.conf' : 'sbin/realserver.sh');
const bytes = () => [0, 1, 2, 3].map((i) => (existsSync(target(i)) ? readFileSync(target(i)) : Buffer.alloc(0)));
const unchangedSince = (before: Buffer[]) => bytes().forEach((b, i) => assert.ok(b.equals(before[i]), `${lab.hosts[i].name} changed`));

async function deployedOnce(name: string) {
  const ws = writeWorkspace(lab, name);
  const first = await deploy({ spec: specOf(ws.clusterText, ws.dir), events: recorder(), vipWaitMs: 0 });
  assert.equal(first.outcome, 'deployed', JSON.stringify(first.problems));
  for (const h of lab.hosts) writeFileSync(join(h.dir, 'standin.log'), '');
  writeFileSync(join(ws.dir, 'master.conf'), directorConfig('MASTER', 201));
  writeFileSync(join(ws.dir, 'backup.conf'), directorConfig('BACKUP', 101));
  return { ws, spec: specOf(ws.clusterText, ws.dir), before: bytes() };
}

test('two deploys at once: the second is refused, naming the holder, and changes nothing; the first completes', { timeout: 90_000 }, async () => {
  const { spec } = await deployedOnce('concurrent');
  lab.hosts[0].hook('reload-blocks', true);
  let second: Awaited<ReturnType<typeof deploy>> | undefined;
  let started: Promise<void> | undefined;
  const first = deploy({
    spec,
    vipWaitMs: 0,
    events: recorder({
      onProgress: (h, m) => {
        if (h === 'd1' && m.startsWith('committing'))
          started ??= deploy({ spec, events: recorder(), vipWaitMs: 0 }).then((r) => {
            second = r;
            lab.hosts[0].hook('reload-blocks', false);
          });
      },
    }),
  });
  const a = await first;
  await started;
  assert.equal(a.outcome, 'deployed', JSON.stringify(a.problems));
  assert.ok(second);
  assert.equal(second.outcome, 'locked', JSON.stringify(second.problems));
  assert.equal(deployExitCode(second), 6);
  assert.match(second.problems.join('\n'), /d1: another deploy is running on this host: .+@.+ \(pid \d+, run [0-9a-f]{8}, since \d{4}-/);
  assert.match(readFileSync(target(0), 'utf8'), /priority 201/);
  // the lock is gone once the first deploy ended
  assert.equal(existsSync(join(target(0), '..', '.keepalived-deploy', 'lock')), false);
});

test('a stale lock (its holder died) is detected, reported and taken over', { timeout: 60_000 }, async () => {
  const lockDir = join(lab.hosts[0].dir, 'etc/keepalived/.keepalived-deploy/lock');
  mkdirSync(lockDir, { recursive: true });
  writeFileSync(join(lockDir, 'holder'), '999999999\nops@elsewhere (pid 4242, run deadbeef, since 2026-01-01T00:00:00.000Z)\n');
  const ws = writeWorkspace(lab, 'stale');
  const ev = recorder();
  const res = await deploy({ spec: specOf(ws.clusterText, ws.dir), events: ev, vipWaitMs: 0 });
  assert.equal(res.outcome, 'deployed', ev.lines.join('\n'));
  assert.ok(ev.lines.includes('[d1] took over a stale deploy lock (its holder is gone): ops@elsewhere (pid 4242, run deadbeef, since 2026-01-01T00:00:00.000Z)'), ev.lines.join('\n'));
  assert.equal(existsSync(lockDir), false);
});

test('a symlinked config keeps its link, owner, group and mode; world bits go; temporary files are private', { timeout: 60_000 }, async () => {
  const { spec, before } = await deployedOnce('modes');
  // d1: keepalived.conf -> ../real/keepalived.conf, root:daemon 0660
  const real = join(lab.hosts[0].dir, 'etc/real/keepalived.conf');
  mkdirSync(join(real, '..'), { recursive: true });
  writeFileSync(real, before[0]);
  chownSync(real, 0, 1);
  rmSync(target(0));
  symlinkSync('../real/keepalived.conf', target(0));
  // d2: a world-writable config holding auth_pass; r1: a world-writable script
  chmodSync(real, 0o660);
  chmodSync(target(1), 0o666);
  chmodSync(target(2), 0o777);

  const ev = recorder();
  const res = await deploy({ spec, events: ev, vipWaitMs: 0 });
  assert.equal(res.outcome, 'deployed', ev.lines.join('\n'));
  assert.ok(lstatSync(target(0)).isSymbolicLink(), 'd1 config is still a symlink');
  assert.equal(readlinkSync(target(0)), '../real/keepalived.conf');
  assert.match(readFileSync(real, 'utf8'), /priority 201/);
  const r = statSync(real);
  assert.deepEqual([r.mode & 0o7777, r.uid, r.gid], [0o660, 0, 1]);
  assert.equal(statSync(target(1)).mode & 0o7777, 0o660, 'a config holding auth_pass: nothing for others');
  assert.equal(statSync(target(2)).mode & 0o7777, 0o775, 'never world-writable');
  // the backup of d1 sits beside the real file, readable by its owner only
  const backups = readdirSync(join(real, '..')).filter((f) => f.startsWith('keepalived.conf.bak-'));
  assert.equal(backups.length, 1);
  assert.equal(statSync(join(real, '..', backups[0])).mode & 0o777, 0o600);
  assert.equal(statSync(join(target(0), '..', '.keepalived-deploy')).mode & 0o777, 0o700);
});

test('an empty (comments only) config is refused unless --allow-empty', { timeout: 60_000 }, async () => {
  const { ws, before } = await deployedOnce('empty');
  writeFileSync(join(ws.dir, 'master.conf'), '# keepalived config, to be written\n! nothing yet\n');
  const spec = specOf(ws.clusterText, ws.dir);
  const res = await deploy({ spec, analysis: realAnalysis, events: recorder(), vipWaitMs: 0 });
  assert.equal(res.outcome, 'empty-config', JSON.stringify(res.problems));
  assert.match(res.problems.join('\n'), /^d1: the new config has no vrrp_instance and no virtual_server .*confirm with --allow-empty/m);
  assert.equal(deployExitCode(res), 1);
  unchangedSince(before);
  // a config that drops the instances but keeps a virtual server
  writeFileSync(join(ws.dir, 'master.conf'), directorConfig('MASTER', 150).replace(/vrrp_instance VI_1 \{[\s\S]*?\n\}\n/, ''));
  const res2 = await deploy({ spec: specOf(ws.clusterText, ws.dir), analysis: realAnalysis, events: recorder(), vipWaitMs: 0 });
  assert.equal(res2.outcome, 'empty-config', JSON.stringify(res2.problems));
  assert.match(res2.problems.join('\n'), /removes every vrrp_instance \(the host's current config has 1\)/);
  unchangedSince(before);
  const forced = await deploy({ spec: specOf(ws.clusterText, ws.dir), analysis: realAnalysis, events: recorder(), vipWaitMs: 0, allowEmpty: true });
  assert.equal(forced.outcome, 'deployed', JSON.stringify(forced.problems));
  assert.doesNotMatch(readFileSync(target(0), 'utf8'), /vrrp_instance/);
});

test('dry run: auth_pass reached through a $NAME parameter or an @id line never shows in the diff or the log', { timeout: 60_000 }, async () => {
  const { ws } = await deployedOnce('secrets');
  const viaParameter = AUTH_PASS; // the same as the BACKUP's, or the cluster lint refuses the deploy
  const viaConditional = 'Cond1tionalPw';
  writeFileSync(
    join(ws.dir, 'master.conf'),
    `$PASS=${viaParameter}\n` +
      directorConfig('MASTER', 150).replace(/auth_pass \S+/, `auth_pass $PASS\n@lvs-other auth_pass ${viaConditional}`),
  );
  const ev = recorder();
  // the lvs-other view's auth_pass differs from the BACKUP's: a true cluster error (each @id view is linted),
  // overridden here so the run reaches the diff; its message and the log must not carry the value either
  const res = await deploy({ spec: specOf(ws.clusterText, ws.dir), analysis: realAnalysis, events: ev, dryRun: true, vipWaitMs: 0, forceLintErrors: true });
  assert.equal(res.outcome, 'dry-run', JSON.stringify(res.problems) + ev.lines.join('\n'));
  const mismatch = res.lint.filter((d) => d.severity === 'error').map((d) => `${d.code}: ${d.message}`);
  assert.ok(mismatch.length > 0 && mismatch.every((m) => m.startsWith('cluster-auth-pass-mismatch: ')), mismatch.join('\n'));
  assert.ok(mismatch.some((m) => m.includes('-i lvs-other')), mismatch.join('\n'));
  const d1 = res.hosts[0].diff ?? '';
  assert.match(d1, /^\+\$PASS\*{8}$/m, d1);
  for (const secret of [viaParameter, viaConditional]) {
    assert.equal(d1.includes(secret), false, `diff shows ${secret}:\n${d1}`);
    assert.equal(ev.lines.join('\n').includes(secret), false, `log shows ${secret}`);
    assert.equal(JSON.stringify(res).includes(secret), false, `result shows ${secret}`);
  }
});

test('pre-flight: no IPVS for a config with virtual servers, or a keyword the host\'s keepalived does not know: refused before any change', { timeout: 60_000 }, async () => {
  const { ws, spec, before } = await deployedOnce('preflight');
  lab.hosts[1].ipvsMissing(true);
  const res = await deploy({ spec, analysis: realAnalysis, events: recorder(), vipWaitMs: 0 });
  assert.equal(res.outcome, 'preflight-failed', JSON.stringify(res.problems));
  assert.match(res.problems.join('\n'), /^d2: the config has 1 virtual_server block\(s\) but IPVS \(the ip_vs kernel module\) is not available/m);
  unchangedSince(before);
  // the same host with keepalived run as VRRP only (-P: no checker, so no IPVS needed) takes the deploy;
  // the stand-in is a shell named keepalived, in d2's network namespace
  const fake = join(lab.root, 'fakebin', 'keepalived');
  mkdirSync(join(fake, '..'), { recursive: true });
  copyFileSync('/bin/sh', fake);
  const vrrpOnly = spawn('ip', ['netns', 'exec', lab.hosts[1].ns, fake, '-c', 'while :; do sleep 1; done', '-P'], { stdio: 'ignore' });
  try {
    await new Promise((r) => setTimeout(r, 300));
    const ok = await deploy({ spec, analysis: realAnalysis, events: recorder(), vipWaitMs: 0, dryRun: true });
    assert.equal(ok.outcome, 'dry-run', JSON.stringify(ok.problems));
    assert.equal(ok.hosts[1].preflight?.vrrpOnly, true);
    assert.equal(ok.hosts[0].preflight?.vrrpOnly, false, 'a keepalived of another namespace does not count');
  } finally {
    vrrpOnly.kill(); // `ip netns exec` became the shell itself; its last `sleep 1` ends on its own
  }
  lab.hosts[1].ipvsMissing(false);

  // vrrp_owner_ignore_adverts came with keepalived 2.3.3; the hosts run Debian's 2.2.7
  writeFileSync(join(ws.dir, 'master.conf'), directorConfig('MASTER', 201).replace('router_id LVS_MASTER', 'router_id LVS_MASTER\n    vrrp_owner_ignore_adverts'));
  const res2 = await deploy({ spec: specOf(ws.clusterText, ws.dir), analysis: realAnalysis, events: recorder(), vipWaitMs: 0 });
  assert.equal(res2.outcome, 'preflight-failed', JSON.stringify(res2.problems));
  assert.match(res2.problems.join('\n'), /^d1: keepalived 2\.2\.7 does not know this keyword: .*master\.conf:3:5: .*vrrp_owner_ignore_adverts/m);
  unchangedSince(before);
});

test('a keepalived stopped on purpose is neither reloaded nor started by a deploy, nor by its rollback', { timeout: 60_000 }, async () => {
  const { spec, before } = await deployedOnce('stopped');
  lab.hosts[1].stopKeepalived();
  lab.hosts[0].inactiveWhen('priority 201'); // the MASTER fails verify: every host goes back
  const ev = recorder();
  const res = await deploy({ spec, events: ev, vipWaitMs: 0 });
  assert.equal(res.outcome, 'verify-failed', ev.lines.join('\n'));
  assert.equal(res.hosts.find((h) => h.name === 'd2')!.state, 'rolled-back');
  unchangedSince(before);
  assert.equal(existsSync(join(lab.hosts[1].dir, 'stopped')), true, 'keepalived on d2 is still stopped');
  assert.deepEqual(lab.hosts[1].standinLog().filter((l) => !l.endsWith('is-active keepalived')), [], 'd2 saw a reload or a restart');
  assert.match(ev.lines.join('\n'), /\[d2\] keepalived is not running here/);
});

test('rollback is all or nothing: a host whose file changed by hand since the last deploy stops it before any host is restored', { timeout: 60_000 }, async () => {
  const { spec } = await deployedOnce('rollbackcheck');
  const second = await deploy({ spec, events: recorder(), vipWaitMs: 0 });
  assert.equal(second.outcome, 'deployed', JSON.stringify(second.problems));
  writeFileSync(target(0), readFileSync(target(0), 'utf8').replace('priority 201', 'priority 222'));
  const before = bytes();
  const rb = await rollback({ spec, events: recorder() });
  assert.equal(rb.ok, false);
  const byName = Object.fromEntries(rb.hosts.map((h) => [h.name, h.message]));
  assert.match(byName.d1, /keepalived\.conf is not the file deploy [0-9a-f]{8} \(.*\) installed \(it changed since\); nothing restored, check by hand$/);
  for (const name of ['d2', 'r1', 'r2']) assert.equal(byName[name], 'not rolled back: another host could not be reached, locked or checked', name);
  unchangedSince(before);
});

test('a holder whose deploy went silent (its network dropped, the connection never closed) is stale after the silence bound', { timeout: 60_000 }, async () => {
  const ws = writeWorkspace(lab, 'silent');
  const spec = specOf(ws.clusterText, ws.dir);
  const d1 = spec.directors[0];
  const connect = () => SshSession.connect(d1, spec.ssh, recorder());
  const [silent, other] = [await connect(), await connect()];
  try {
    // a holder that never hears from its deploy: pings off, 2 s of silence allowed
    await takeLock(silent, d1.remotePath, 'silent@box (pid 1, run 00000000, since then)', { pingMs: 0, silenceSeconds: 2 });
    await assert.rejects(takeLock(other, d1.remotePath, 'other'), (err: Error) => err instanceof LockBusy && err.holder === 'silent@box (pid 1, run 00000000, since then)');
    await new Promise((r) => setTimeout(r, 4000));
    const taken = await takeLock(other, d1.remotePath, 'other');
    assert.equal(taken.tookOverFrom, 'silent@box (pid 1, run 00000000, since then)');
    // a holder that pings keeps its lock past the bound
    await taken.release();
    const kept = await takeLock(silent, d1.remotePath, 'pinging', { pingMs: 500, silenceSeconds: 2 });
    await new Promise((r) => setTimeout(r, 4000));
    await assert.rejects(takeLock(other, d1.remotePath, 'other'), (err: Error) => err instanceof LockBusy && err.holder === 'pinging');
    await kept.release();
  } finally {
    silent.close();
    other.close();
  }
});
