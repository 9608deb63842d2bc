// dist/lint.js runs the linter bundle through a V8 code cache in the user's cache directory. Whatever state
// that cache is in (missing, valid, corrupt, from another build, impossible to write) the report must be the
// one the sources give.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { EXAMPLES, FIXTURES, ROOT } from '../helpers/paths';

const FILES = [join(FIXTURES, 'seed/master.conf'), join(FIXTURES, 'seed/backup.conf'), join(EXAMPLES, 'master.conf')];
const work = mkdtempSync(join(tmpdir(), 'ka-code-cache-'));
const dist = join(work, 'dist');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(entry: string[], env: NodeJS.ProcessEnv = {}): Run {
  const r = spawnSync(process.execPath, [...entry, ...FILES], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function cacheFileIn(cacheHome: string): string {
  const dir = join(cacheHome, 'keepalived-tools');
  const files = readdirSync(dir).filter((f) => f.endsWith('.cache'));
  assert.equal(files.length, 1, `one cache file in ${dir}: ${files.join(', ')}`);
  return join(dir, files[0]);
}

/**
 * `node dist/lint.js` checks the cache with zlib's CRC32; the #! line's --verify-snapshot-checksum leaves that
 * to V8 (server/src/cli/codeCache.ts). Both must refuse every damaged cache.
 */
const MODES = [
  ['node dist/lint.js', () => [join(dist, 'lint.js')]],
  ["dist/lint.js with its #! line's flags", () => [...readFileSync(join(dist, 'lint.js'), 'utf8').split('\n')[0].split(' ').filter((a) => a.startsWith('--')), join(dist, 'lint.js')]],
] as const;

describe('the linter launcher and its code cache', () => {
  let expected: Run;

  before(() => {
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, BUILD_OUTDIR: dist } });
    assert.equal(build.status, 0, build.stderr);
    expected = run(['--import', 'tsx', join(ROOT, 'server/src/cli/lint.ts')]);
    assert.equal(expected.status, 1, 'the seed configs have errors');
    assert.ok(expected.stdout.split('\n').length > 10, 'the files produce findings');
  });

  for (const [mode, launcher] of MODES) describe(mode, () => {
    it('writes the cache on the first run and reads it, unchanged, on the next, with the same report', () => {
      const home = mkdtempSync(join(work, 'home-'));
      assert.deepEqual(run(launcher(), { XDG_CACHE_HOME: home }), expected);
      const file = cacheFileIn(home);
      const written = readFileSync(file);
      const mtime = statSync(file).mtimeMs;
      assert.deepEqual(run(launcher(), { XDG_CACHE_HOME: home }), expected);
      // rewritten only when missing or refused: an untouched file means the cache was taken
      assert.equal(statSync(file).mtimeMs, mtime);
      assert.deepEqual(readFileSync(file), written);
    });

    for (const [name, damage] of [
      ['flipped bytes in the compiled code', (b: Buffer) => { for (let i = b.length >> 1; i < b.length; i += 4096) b[i] ^= 0xff; return b; }],
      ['a truncated file', (b: Buffer) => b.subarray(0, b.length >> 1)],
      ['garbage', () => Buffer.from('not a code cache at all')],
      ['an empty file', () => Buffer.alloc(0)],
      // a cache made for another build of the bundle: same layout, other key
      ['another build key', (b: Buffer) => { b[6] = b[6] === 0x30 ? 0x31 : 0x30; return b; }],
    ] as const) {
      it(`reports the same with a cache file holding ${name}, and replaces it`, () => {
        const home = mkdtempSync(join(work, 'home-'));
        run(launcher(), { XDG_CACHE_HOME: home });
        const file = cacheFileIn(home);
        const good = readFileSync(file);
        const damaged = damage(Buffer.from(good));
        writeFileSync(file, damaged);
        assert.deepEqual(run(launcher(), { XDG_CACHE_HOME: home }), expected);
        const replaced = readFileSync(file);
        assert.notDeepEqual(replaced, damaged, 'the damaged cache is replaced');
        // and the replacement is taken as it is
        assert.deepEqual(run(launcher(), { XDG_CACHE_HOME: home }), expected);
        assert.deepEqual(readFileSync(file), replaced);
      });
    }

  });

  it('reports the same when the cache cannot be written (the cache home is a file)', () => {
    const notADir = join(work, 'plain-file');
    writeFileSync(notADir, 'x');
    assert.deepEqual(run(MODES[0][1](), { XDG_CACHE_HOME: notADir }), expected);
    assert.equal(readFileSync(notADir, 'utf8'), 'x');
  });

  it('runs without a cache when told to', () => {
    const home = mkdtempSync(join(work, 'home-'));
    assert.deepEqual(run(MODES[0][1](), { XDG_CACHE_HOME: home, KEEPALIVED_TOOLS_NO_CODE_CACHE: '1' }), expected);
    // what keepalived on PATH said of its release may still be remembered (test/cli/versionMemory.test.ts)
    const written = readdirSync(home).flatMap((d) => readdirSync(join(home, d)));
    assert.deepEqual(written.filter((f) => f.endsWith('.cache')), []);
  });
});
