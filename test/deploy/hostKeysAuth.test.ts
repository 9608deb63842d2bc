// Host-key verification and authentication against real sshd hosts (one per network namespace).
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createLab, knownHostsLines, type TestLab } from './sshHosts';
import { writeWorkspace } from './fixtures';
import { recorder, specOf, resetLab } from './deployHelpers';
import { deploy } from '../../server/src/deploy/engine';
import { SshSession } from '../../server/src/deploy/ssh';
import { hostFieldMatches, verifyHostKey } from '../../server/src/deploy/hostKeys';
import { utils } from 'ssh2';

let lab: TestLab;
before(async () => {
  lab = await createLab(['d1', 'd2']);
});
after(() => lab?.teardown());
beforeEach(() => resetLab(lab));

const oneHost = (ssh: Record<string, unknown> = {}, hostExtra: Record<string, unknown> = {}) =>
  writeWorkspace(lab, `w${Math.random().toString(36).slice(2)}`, {
    ssh,
    directors: [{ name: 'd1', host: lab.hosts[0].address, config: 'master.conf', role: 'MASTER', remotePath: `${lab.hosts[0].dir}/etc/keepalived/keepalived.conf`, ...hostExtra }],
    realServers: [],
  });
const dry = async (ws: { clusterText: string; dir: string }, ev = recorder()) => ({
  res: await deploy({ spec: specOf(ws.clusterText, ws.dir), events: ev, dryRun: true }),
  ev,
});

test('unknown host key: refused unless the user trusts it; trusting records it in known_hosts', async () => {
  writeFileSync(lab.knownHosts, '');
  const ws = oneHost();
  const refused = await dry(ws);
  assert.equal(refused.res.outcome, 'connect-failed');
  assert.equal(refused.ev.hostKeyQuestions.length, 1);
  assert.equal(refused.ev.hostKeyQuestions[0].verdict.fingerprint, lab.hosts[0].fingerprint);
  assert.match(refused.res.problems[0], /unknown .*not trusted/);
  assert.equal(readFileSync(lab.knownHosts, 'utf8'), '');

  const trusted = await dry(ws, recorder({ trust: true }));
  assert.equal(trusted.res.outcome, 'dry-run');
  assert.match(readFileSync(lab.knownHosts, 'utf8'), new RegExp(`^${lab.hosts[0].address.replace(/\./g, '\\.')} ssh-ed25519 `));
  // Now known: no question asked.
  const again = await dry(ws);
  assert.equal(again.res.outcome, 'dry-run');
  assert.equal(again.ev.hostKeyQuestions.length, 0);
});

test('changed host key: refused without asking', async () => {
  // d1's address recorded with d2's key
  writeFileSync(lab.knownHosts, `${lab.hosts[0].address} ${lab.hosts[1].hostKeyPub.split(' ').slice(0, 2).join(' ')}\n`);
  const { res, ev } = await dry(oneHost(), recorder({ trust: true }));
  assert.equal(res.outcome, 'connect-failed');
  assert.match(res.problems[0], /HAS CHANGED/);
  assert.equal(ev.hostKeyQuestions.length, 0);
});

test('hashed known_hosts entries are honoured', async () => {
  writeFileSync(lab.knownHosts, knownHostsLines(lab.hosts));
  execFileSync('ssh-keygen', ['-H', '-f', lab.knownHosts], { stdio: 'ignore' });
  const text = readFileSync(lab.knownHosts, 'utf8');
  assert.match(text, /^\|1\|/);
  assert.doesNotMatch(text, new RegExp(lab.hosts[0].address.replace(/\./g, '\\.')));
  const { res, ev } = await dry(oneHost());
  assert.equal(res.outcome, 'dry-run', res.problems.join());
  assert.equal(ev.hostKeyQuestions.length, 0);
});

test('a pinned fingerprint wins over known_hosts: right one connects, wrong one is refused', async () => {
  writeFileSync(lab.knownHosts, '');
  const ok = await dry(oneHost({}, { hostKey: lab.hosts[0].fingerprint }));
  assert.equal(ok.res.outcome, 'dry-run');
  assert.equal(ok.ev.hostKeyQuestions.length, 0);
  const bad = await dry(oneHost({}, { hostKey: lab.hosts[1].fingerprint }), recorder({ trust: true }));
  assert.equal(bad.res.outcome, 'connect-failed');
  assert.match(bad.res.problems[0], /cluster file pins/);
});

test('wrong key is refused by the server', async () => {
  const { res } = await dry(oneHost({ identityFile: lab.otherKey }));
  assert.equal(res.outcome, 'connect-failed');
  assert.match(res.problems[0], /authentication failed for root@d1/);
});

test('passphrase-protected key: asked for, right one works, wrong one is reported; never logged', async () => {
  const pass = 'correct horse battery';
  const ok = await dry(oneHost({ identityFile: lab.passphraseKey }), recorder({ secrets: { passphrase: pass } }));
  assert.equal(ok.res.outcome, 'dry-run', ok.res.problems.join());
  assert.deepEqual(ok.ev.secretQuestions.map((q) => q.kind), ['passphrase']);
  assert.equal(ok.ev.lines.join('\n').includes(pass), false);
  const bad = await dry(oneHost({ identityFile: lab.passphraseKey }), recorder({ secrets: { passphrase: 'nope nope' } }));
  assert.equal(bad.res.outcome, 'connect-failed');
  assert.match(bad.res.problems[0], /wrong passphrase/);
});

test('wrong password is refused, and the typed password never reaches the log', async () => {
  const typed = 'Hunter2-not-the-password';
  const ws = oneHost({ identityFile: undefined, agent: false }, { password: true, identityFile: undefined });
  const { res, ev } = await dry(ws, recorder({ secrets: { password: typed } }));
  assert.equal(res.outcome, 'connect-failed');
  assert.deepEqual(ev.secretQuestions.map((q) => q.kind), ['password']);
  assert.match(res.problems[0], /authentication failed/);
  assert.equal(JSON.stringify({ res, lines: ev.lines }).includes(typed), false);
});

test('jump host: the director is reached through a forwarded channel of an sshd', async () => {
  // The namespaces are not routed to each other, so d1 is its own jump host: the target connection
  // still runs inside the jump session's direct-tcpip channel.
  const ws = oneHost({ jumpHost: { host: lab.hosts[0].address, user: 'root' } });
  const { res } = await dry(ws);
  assert.equal(res.outcome, 'dry-run', res.problems.join());
});

test('command timeout: a remote command that hangs is cut off', async () => {
  const h = lab.hosts[0];
  const s = await SshSession.connect(
    { name: 'd1', host: h.address, port: 22, user: 'root', password: false },
    { agent: false, identityFile: lab.userKey, knownHostsFile: lab.knownHosts, connectTimeoutSeconds: 5, commandTimeoutSeconds: 1 },
    recorder(),
  );
  try {
    const t0 = Date.now();
    await assert.rejects(s.exec('sleep 5'), /timed out/);
    assert.ok(Date.now() - t0 < 3000);
  } finally {
    s.close();
  }
});

test('known_hosts matching: ports, wildcards, negation, hashes', () => {
  assert.equal(hostFieldMatches('[10.0.0.1]:2222', '10.0.0.1', 2222), true);
  assert.equal(hostFieldMatches('10.0.0.1', '10.0.0.1', 2222), false);
  assert.equal(hostFieldMatches('lvs*.example.com,!lvs9.example.com', 'lvs1.example.com', 22), true);
  assert.equal(hostFieldMatches('lvs*.example.com,!lvs9.example.com', 'lvs9.example.com', 22), false);
  const pub = utils.parseKey(lab.hosts[0].hostKeyPub);
  assert.ok(!(pub instanceof Error));
  const blob = (pub as { getPublicSSH(): Buffer }).getPublicSSH();
  const line = `@revoked ${lab.hosts[0].address} ${lab.hosts[0].hostKeyPub.split(' ').slice(0, 2).join(' ')}\n`;
  assert.equal(verifyHostKey({ host: lab.hosts[0].address, port: 22, keyBlob: blob, knownHostsText: line }).status, 'revoked');
  assert.equal(existsSync(lab.knownHosts), true);
});
