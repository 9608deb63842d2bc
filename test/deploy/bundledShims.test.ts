// The shipped bundles swap two dependency modules for smaller stand-ins (scripts/shims/). Each stand-in is checked
// against the module it replaces, then used for real: a bundle built with the same plugin unlocks a passphrase-protected
// OpenSSH key (bcrypt KDF: tweetnacl's SHA-512) and talks to sshd over chacha20-poly1305 (ssh2's poly1305 module).
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
/** What ssh2 uses of its Emscripten poly1305 module. */
interface Poly1305Module {
  HEAPU8: Uint8Array;
  _malloc(size: number): number;
  cwrap(name: string, ret: null, args: string[]): (out: number, a: Uint8Array, aLen: number, b: Uint8Array, bLen: number, key: Uint8Array) => void;
}

let lab: TestLab;
let outDir: string;
let bundled: { deploy: typeof import('../../server/src/deploy/engine').deploy; Client: typeof SshClient };
before(async () => {
  lab = await createLab(['d1']);
  resetLab(lab);
  outDir = mkdtempSync(join(tmpdir(), 'ka-bundle-'));
  // The deploy engine and ssh2's client, bundled as scripts/build.mjs does.
  const result = await build({
    entryPoints: { engine: join(ROOT, 'server/src/deploy/engine.ts'), client: join(ROOT, 'node_modules/ssh2/lib/client.js') },
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
  for (const name of ['tweetnacl-sha512.cjs', 'ssh2-poly1305.cjs']) assert.ok(inputs.includes(relative(ROOT, shimFile(name))), `${name} is in the bundle`);
  assert.ok(!inputs.some((f) => f.includes('node_modules/tweetnacl/')), 'tweetnacl is not in the bundle');
  assert.ok(!inputs.some((f) => f.endsWith('ssh2/lib/protocol/crypto/poly1305.js')), "ssh2's poly1305 module is not in the bundle");
  bundled = { deploy: requireHere(join(outDir, 'engine.cjs')).deploy, Client: requireHere(join(outDir, 'client.cjs')) };
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

test("the poly1305 shim computes the tags ssh2's Emscripten module does", async () => {
  const tagger = async (factory: () => Promise<Poly1305Module>) => {
    const mod = await factory();
    const out = mod._malloc(16);
    const auth = mod.cwrap('poly1305_auth', null, ['number', 'array', 'number', 'array', 'number', 'array']);
    return (a: Uint8Array, b: Uint8Array, key: Uint8Array) => {
      auth(out, a, a.length, b, b.length, key);
      return Buffer.from(mod.HEAPU8.buffer, mod.HEAPU8.byteOffset + out, 16).toString('hex');
    };
  };
  const real = await tagger(requireHere('ssh2/lib/protocol/crypto/poly1305.js'));
  const shim = await tagger(requireHere(shimFile('ssh2-poly1305.cjs')));
  for (const [aLength, bLength] of [[4, 0], [4, 12], [4, 28], [0, 16], [0, 17], [4, 1000], [4, 35_000]]) {
    const a = randomBytes(aLength);
    const b = randomBytes(bLength);
    const key = randomBytes(32);
    assert.equal(shim(a, b, key), real(a, b, key), `${aLength} + ${bLength} bytes`);
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

test('the bundled ssh2 client talks to sshd over chacha20-poly1305 through the shim', { timeout: 60_000 }, async () => {
  const client = new bundled.Client();
  const debug: string[] = [];
  // 200,000 bytes back: many packets, each with a full-size poly1305 tag to check on the way in
  const output = await new Promise<string>((resolvePromise, reject) => {
    client
      .on('ready', () =>
        client.exec('head -c 150000 /dev/zero | base64 -w 0', (err, stream) => {
          if (err) return reject(err);
          let text = '';
          stream.on('data', (chunk: Buffer) => (text += chunk)).on('close', () => resolvePromise(text));
        }),
      )
      .on('error', reject)
      .connect({
        host: lab.hosts[0].address,
        username: 'root',
        privateKey: readFileSync(lab.userKey),
        // the lab's host key is checked elsewhere; this test is about the cipher
        hostVerifier: () => true,
        algorithms: { cipher: ['chacha20-poly1305@openssh.com'] },
        readyTimeout: 10_000,
        debug: (line: string) => debug.push(line),
      });
  }).finally(() => client.end());
  assert.equal(output.length, 200_000);
  assert.match(output, /^A+$/);
  assert.ok(debug.some((line) => /cipher: chacha20-poly1305@openssh\.com/.test(line)), debug.filter((l) => /cipher/i.test(l)).join('\n'));
});
