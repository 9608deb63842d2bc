// Deploys that use the language core: lint refuses errors (unless overridden), roles and the real
// servers' VIPs come from the directors' configs, and verify checks the VIP on the MASTER.
// Also the keepalived-deploy CLI end to end.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { createLab, type TestLab } from './sshHosts';
import { writeWorkspace, VIP, directorConfig, AUTH_PASS } from './fixtures';
import { recorder, specOf, resetLab, read } from './deployHelpers';
import { deploy } from '../../server/src/deploy/engine';
import { realAnalysis } from '../../server/src/deploy/realAnalysis';

let lab: TestLab;
before(async () => {
  lab = await createLab(['d1', 'd2', 'r1']);
});
after(() => lab?.teardown());
beforeEach(() => resetLab(lab));

const workspace = (name: string) =>
  writeWorkspace(lab, name, {
    directors: [
      // no "role": it comes from the vrrp_instance state
      { name: 'd1', host: lab.hosts[0].address, config: 'master.conf', remotePath: `${lab.hosts[0].dir}/etc/keepalived/keepalived.conf` },
      { name: 'd2', host: lab.hosts[1].address, config: 'backup.conf', remotePath: `${lab.hosts[1].dir}/etc/keepalived/keepalived.conf` },
    ],
    // no "vips": they come from the DR virtual_server
    realServers: [{ name: 'r1', host: lab.hosts[2].address, scriptPath: `${lab.hosts[2].dir}/sbin/realserver.sh` }],
  });

test('lint errors refuse the deploy; the explicit override goes ahead', async () => {
  const ws = workspace('lint');
  writeFileSync(join(ws.dir, 'backup.conf'), directorConfig('BACKUP', 100).replace('virtual_router_id 51', 'virtual_router_id 300'));
  const refused = await deploy({ spec: specOf(ws.clusterText, ws.dir), analysis: realAnalysis, events: recorder(), dryRun: true });
  assert.equal(refused.outcome, 'lint-errors');
  assert.ok(refused.lint.some((d) => d.severity === 'error' && d.file.endsWith('backup.conf')));
  assert.deepEqual(refused.hosts, []);
  // Forced past lint, keepalived -t on the host still catches it: nothing changes.
  const forced = await deploy({ spec: specOf(ws.clusterText, ws.dir), analysis: realAnalysis, events: recorder(), forceLintErrors: true });
  assert.equal(forced.outcome, 'stage-failed');
  assert.equal(existsSync(join(lab.hosts[0].dir, 'etc/keepalived/keepalived.conf')), false);
});

test('roles and VIPs from the configs; verify finds the VIP on the MASTER, or reports it missing', async () => {
  const ws = workspace('facts');
  const ev = recorder();
  // keepalived itself is a stand-in here, so "the MASTER holds the VIP" is arranged by the test
  lab.hosts[0].inNs('ip', 'addr', 'add', `${VIP}/32`, 'dev', 'eth0');
  try {
    const res = await deploy({ spec: specOf(ws.clusterText, ws.dir), analysis: realAnalysis, events: ev, vipWaitMs: 0 });
    assert.equal(res.outcome, 'deployed', res.problems.join('\n'));
    assert.deepEqual(res.hosts.map((h) => [h.name, h.role]), [['d1', 'MASTER'], ['d2', 'BACKUP'], ['r1', 'REALSERVER']]);
    assert.match(read(join(lab.hosts[2].dir, 'sbin/realserver.sh'))!, /^VIPS="192\.0\.2\.200"$/m);
    assert.match(ev.lines.join('\n'), /\[d1\] VIPs present: 192\.0\.2\.200/);
  } finally {
    lab.hosts[0].inNs('ip', 'addr', 'del', `${VIP}/32`, 'dev', 'eth0');
  }
  const missing = await deploy({ spec: specOf(ws.clusterText, ws.dir), analysis: realAnalysis, events: recorder(), vipWaitMs: 300 });
  assert.equal(missing.outcome, 'verify-failed');
  assert.match(missing.problems.join('\n'), /d1: VIP not present on the MASTER: 192\.0\.2\.200/);
});

const cli = (args: string[], cwd: string) =>
  new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    // cwd is the workspace (the CLI looks for keepalived-cluster.json there), so tsx is named by path
    const tsx = pathToFileURL(join(process.cwd(), 'node_modules/tsx/dist/loader.mjs')).href;
    const p = spawn(process.execPath, ['--import', tsx, join(process.cwd(), 'server/src/deploy/cli.ts'), ...args], { cwd });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (code) => resolve({ code, out, err }));
  });

test('CLI: unknown host key refused without the flag; --dry-run with it changes nothing; secrets masked', async () => {
  const ws = workspace('cli');
  writeFileSync(lab.knownHosts, '');
  const refused = await cli(['deploy', '--dry-run'], ws.dir);
  assert.equal(refused.code, 1);
  assert.match(refused.err, /unknown host key ssh-ed25519 SHA256:\S+ — refusing/);
  const dry = await cli(['deploy', '--dry-run', '--trust-new-host-keys'], ws.dir);
  assert.equal(dry.code, 0, dry.out + dry.err);
  assert.match(dry.out, /result: dry-run/);
  assert.match(dry.out, /auth_pass \*{8}/);
  assert.equal(dry.out.includes(AUTH_PASS), false);
  assert.match(dry.out, /d1 \(MASTER\): untouched {2}connect \d+ ms, stage \d+ ms/);
  assert.equal(existsSync(join(lab.hosts[0].dir, 'etc/keepalived/keepalived.conf')), false);
  const bad = await cli(['deploy', '--frobnicate'], ws.dir);
  assert.equal(bad.code, 2);
});
