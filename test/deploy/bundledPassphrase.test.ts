// The shipped bundles swap tweetnacl for a node:crypto shim (scripts/shims/aliases.json). This bundles the deploy
// engine the way scripts/build.mjs does and unlocks a passphrase-protected OpenSSH key (bcrypt KDF) through it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { createLab, type TestLab } from './sshHosts';
import { writeWorkspace } from './fixtures';
import { recorder, resetLab, specOf } from './deployHelpers';

const ROOT = resolve(import.meta.dirname, '../..');
const SHIM = 'scripts/shims/tweetnacl-sha512.cjs';
const alias = JSON.parse(readFileSync(join(ROOT, 'scripts/shims/aliases.json'), 'utf8')) as Record<string, string>;
const requireHere = createRequire(import.meta.filename);

/** The part of tweetnacl that bcrypt-pbkdf uses (its typings leave out `lowlevel`). */
interface Sha512Provider {
  lowlevel: { crypto_hash(out: Uint8Array, message: Uint8Array, length: number): number };
}

let lab: TestLab;
let outDir: string;
before(async () => {
  lab = await createLab(['d1']);
  resetLab(lab);
  outDir = mkdtempSync(join(tmpdir(), 'ka-bundle-'));
});
after(() => {
  lab?.teardown();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

test('the shim computes the SHA-512 that tweetnacl does', () => {
  const nacl = requireHere('tweetnacl') as Sha512Provider;
  const shim = requireHere(join(ROOT, SHIM)) as Sha512Provider;
  for (const length of [0, 1, 63, 64, 65, 200]) {
    const message = randomBytes(length + 7);
    const expected = new Uint8Array(64);
    const actual = new Uint8Array(64);
    nacl.lowlevel.crypto_hash(expected, message, length);
    assert.equal(shim.lowlevel.crypto_hash(actual, message, length), 0);
    assert.deepEqual(actual, expected, `length ${length}`);
  }
});

test('a bundled deploy unlocks a passphrase-protected key through the shim and connects', { timeout: 60_000 }, async () => {
  const outfile = join(outDir, 'engine.cjs');
  const result = await build({
    entryPoints: [join(ROOT, 'server/src/deploy/engine.ts')],
    absWorkingDir: ROOT,
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['cpu-features', '*.node'],
    alias,
    metafile: true,
    logLevel: 'error',
  });
  const inputs = Object.keys(result.metafile.inputs);
  assert.ok(inputs.includes(SHIM), 'the shim is in the bundle');
  assert.ok(inputs.some((f) => f.includes('node_modules/bcrypt-pbkdf/')), 'bcrypt-pbkdf is in the bundle');
  assert.ok(!inputs.some((f) => f.includes('node_modules/tweetnacl/')), 'tweetnacl is not');

  const { deploy } = requireHere(outfile) as typeof import('../../server/src/deploy/engine');
  const pass = 'correct horse battery';
  const ws = writeWorkspace(lab, 'bundled', {
    ssh: { identityFile: lab.passphraseKey, agent: false },
    directors: [{ name: 'd1', host: lab.hosts[0].address, config: 'master.conf', role: 'MASTER', remotePath: `${lab.hosts[0].dir}/etc/keepalived/keepalived.conf` }],
    realServers: [],
  });
  const ok = recorder({ secrets: { passphrase: pass } });
  const res = await deploy({ spec: specOf(ws.clusterText, ws.dir), events: ok, dryRun: true });
  assert.equal(res.outcome, 'dry-run', res.problems.join());
  assert.deepEqual(ok.secretQuestions.map((q) => q.kind), ['passphrase']);

  const wrong = await deploy({ spec: specOf(ws.clusterText, ws.dir), events: recorder({ secrets: { passphrase: 'nope nope' } }), dryRun: true });
  assert.equal(wrong.outcome, 'connect-failed');
  assert.match(wrong.problems[0], /wrong passphrase/);
});
