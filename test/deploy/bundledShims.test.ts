// The shipped bundles swap some of ssh2's modules for smaller stand-ins (scripts/shims/): tweetnacl's SHA-512 comes
// from node:crypto, and ssh2's SFTP and poly1305 (chacha20-poly1305 only) modules are left out, since the engine moves
// files over exec channels and offers AES ciphers only; its zlib streams too, since the engine offers no compression. A bundle built with the same plugin unlocks a
// passphrase-protected OpenSSH key (bcrypt KDF) and runs a dry-run deploy (files staged and read back through `cat`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { build } from 'esbuild';
import type { Client as SshClient } from 'ssh2';
import { SHIMS, shimPlugin } from '../../scripts/shims/plugin.mjs';
import { createLab, type TestLab } from './sshHosts';
import { writeWorkspace } from './fixtures';
import { recorder, resetLab, specOf } from './deployHelpers';

const ROOT = resolve(import.meta.dirname, '../..');
const requireHere = createRequire(import.meta.filename);
const shimFile = (name: string) => SHIMS.find((s) => s.shim.endsWith(name))!.shim;

/** The part of tweetnacl that bcrypt-pbkdf uses (its typings leave out `lowlevel`). */
interface Sha512Provider {
  lowlevel: { crypto_hash(out: Uint8Array, message: Uint8Array, length: number): number };
}

let lab: TestLab;
let outDir: string;
let bundled: { deploy: typeof import('../../server/src/deploy/engine').deploy; Client: typeof SshClient; ciphers: string[]; compression: string[] };
before(async () => {
  lab = await createLab(['d1']);
  resetLab(lab);
  outDir = mkdtempSync(join(tmpdir(), 'ka-bundle-'));
  // The deploy engine and ssh2's client, bundled as scripts/build.mjs does.
  const result = await build({
    entryPoints: { engine: join(ROOT, 'server/src/deploy/engine.ts'), client: join(ROOT, 'node_modules/ssh2/lib/client.js'), ssh: join(ROOT, 'server/src/deploy/ssh.ts') },
    absWorkingDir: ROOT,
    outdir: outDir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['cpu-features', '*.node'],
    plugins: [shimPlugin],
    metafile: true,
    logLevel: 'error',
  });
  const inputs = Object.keys(result.metafile.inputs);
  for (const name of ['tweetnacl-sha512.cjs', 'ssh2-no-chacha.cjs', 'ssh2-no-sftp.cjs', 'ssh2-no-zlib.cjs']) assert.ok(inputs.includes(relative(ROOT, shimFile(name))), `${name} is in the bundle`);
  assert.ok(!inputs.some((f) => f.includes('node_modules/tweetnacl/')), 'tweetnacl is not in the bundle');
  assert.ok(!inputs.some((f) => f.endsWith('ssh2/lib/protocol/crypto/poly1305.js')), "ssh2's poly1305 module is not in the bundle");
  assert.ok(!inputs.some((f) => f.endsWith('ssh2/lib/protocol/SFTP.js')), "ssh2's SFTP module is not in the bundle");
  assert.ok(!inputs.some((f) => f.endsWith('ssh2/lib/protocol/zlib.js')), "ssh2's zlib module is not in the bundle");
  const ssh = requireHere(join(outDir, 'ssh.cjs'));
  bundled = { deploy: requireHere(join(outDir, 'engine.cjs')).deploy, Client: requireHere(join(outDir, 'client.cjs')), ciphers: ssh.CIPHERS, compression: ssh.COMPRESSION };
});
after(() => {
  lab?.teardown();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

test('the SHA-512 shim computes what tweetnacl does', () => {
  const nacl = requireHere('tweetnacl') as Sha512Provider;
  const shim = requireHere(shimFile('tweetnacl-sha512.cjs')) as Sha512Provider;
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
  const pass = 'correct horse battery';
  const ws = writeWorkspace(lab, 'bundled', {
    ssh: { identityFile: lab.passphraseKey, agent: false },
    directors: [{ name: 'd1', host: lab.hosts[0].address, config: 'master.conf', role: 'MASTER', remotePath: `${lab.hosts[0].dir}/etc/keepalived/keepalived.conf` }],
    realServers: [],
  });
  const ok = recorder({ secrets: { passphrase: pass } });
  const res = await bundled.deploy({ spec: specOf(ws.clusterText, ws.dir), events: ok, dryRun: true });
  assert.equal(res.outcome, 'dry-run', res.problems.join());
  assert.deepEqual(ok.secretQuestions.map((q) => q.kind), ['passphrase']);

  const wrong = await bundled.deploy({ spec: specOf(ws.clusterText, ws.dir), events: recorder({ secrets: { passphrase: 'nope nope' } }), dryRun: true });
  assert.equal(wrong.outcome, 'connect-failed');
  assert.match(wrong.problems[0], /wrong passphrase/);
});

/** Runs `command` on the lab host with the bundled ssh2 client offering `ciphers`; the output and ssh2's debug lines. */
function runBundled(ciphers: string[], command: string, compress = bundled.compression): Promise<{ output: string; debug: string[] }> {
  const client = new bundled.Client();
  const debug: string[] = [];
  return new Promise<{ output: string; debug: string[] }>((resolvePromise, reject) => {
    client
      .on('ready', () =>
        client.exec(command, (err, stream) => {
          if (err) return reject(err);
          let output = '';
          stream.on('data', (chunk: Buffer) => (output += chunk)).on('close', () => resolvePromise({ output, debug }));
        }),
      )
      .on('error', reject)
      .connect({
        host: lab.hosts[0].address,
        username: 'root',
        privateKey: readFileSync(lab.userKey),
        // the lab's host key is checked elsewhere; these tests are about the cipher
        hostVerifier: () => true,
        algorithms: { cipher: ciphers as never, compress: compress as never },
        readyTimeout: 10_000,
        debug: (line: string) => debug.push(line),
      });
  }).finally(() => client.end());
}

test('the bundled client negotiates AES-GCM with the ciphers deploy offers, over many packets', { timeout: 60_000 }, async () => {
  assert.ok(!bundled.ciphers.some((c) => c.includes('chacha20')));
  // 200,000 bytes back: many packets, each authenticated on the way in
  const { output, debug } = await runBundled(bundled.ciphers, 'head -c 150000 /dev/zero | base64 -w 0');
  assert.equal(output.length, 200_000);
  assert.match(output, /^A+$/);
  assert.ok(debug.some((line) => /cipher: aes128-gcm@openssh\.com/.test(line)), debug.filter((l) => /cipher/i.test(l)).join('\n'));
  assert.deepEqual(bundled.compression, ['none']);
  assert.ok(debug.some((line) => /C->S compression: none$/.test(line)), debug.filter((l) => /compress/i.test(l)).join('\n'));
});

test('a bundle asked for chacha20-poly1305 fails loudly instead of sending unauthenticated packets', { timeout: 60_000 }, async () => {
  await assert.rejects(runBundled(['chacha20-poly1305@openssh.com'], 'true'), /chacha20-poly1305 is not available in this build/);
});

test('a bundle asked for zlib compression fails loudly instead of sending packets it cannot frame', { timeout: 60_000 }, async () => {
  await assert.rejects(runBundled(bundled.ciphers, 'true', ['zlib@openssh.com']), /zlib compression is not available in this build/);
});
