// keepalived-lint --cache prints a stored report while everything it was made from is unchanged. These tests
// run the built command (a fresh node process each time) on real files, and change the inputs in every way
// that must make it lint again: content that keeps size and mtime, a new or removed included file, other
// options; and check what the cache holds (no secrets, owner-only) and that a damaged cache is only a miss.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { diskFileSystem, type FileSystem } from '../../server/src/analysis/diskFileSystem';
import { MAX_ENTRIES, RACY_NS, RecordingFileSystem, ResultCache } from '../../server/src/cli/resultCache';
import { EXAMPLES, ROOT } from '../helpers/paths';

const work = mkdtempSync(join(tmpdir(), 'ka-result-cache-'));
const dist = join(work, 'dist');
const HIT = '(unchanged since the cached run)';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function lint(args: string[], entry = [join(dist, 'lint.js')], cwd = work, env: NodeJS.ProcessEnv = process.env): Run {
  const r = spawnSync(process.execPath, [...entry, ...args], { cwd, encoding: 'utf8', env });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** the same report apart from the summary's cache note */
function sameReport(a: Run, b: Run): void {
  assert.equal(a.status, b.status);
  assert.equal(a.stdout, b.stdout);
  assert.equal(a.stderr.replace(` ${HIT}`, ''), b.stderr.replace(` ${HIT}`, ''));
}

/** a director config including services/*.conf, with one error in a service file */
function writeConfig(dir: string): { main: string; service: string } {
  mkdirSync(join(dir, 'services'), { recursive: true });
  const main = join(dir, 'keepalived.conf');
  writeFileSync(main, 'vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    virtual_ipaddress {\n        10.0.0.1\n    }\n}\ninclude services/*.conf\n');
  const service = join(dir, 'services', 'web.conf');
  writeFileSync(service, 'virtual_server 10.0.0.1 80 {\n    lb_algo rx\n    lb_kind DR\n    protocol TCP\n    delay_loop 6\n    real_server 10.0.0.11 80 {\n        weight 1\n    }\n}\n');
  return { main, service };
}

/** stamps of files changed this recently are not trusted; waiting makes these tests take the stamp path */
const settle = () => new Promise((r) => setTimeout(r, Number(RACY_NS / 1_000_000n) + 200));

function entriesIn(cacheDir: string): string[] {
  return readdirSync(cacheDir).filter((n) => n.endsWith('.json'));
}

/** a new config linted once with --cache: its arguments, report and the one entry it stored */
function linted(): { cache: string; args: string[]; fresh: Run; name: string } {
  const dir = mkdtempSync(join(work, 'config-'));
  const cache = join(dir, 'cache');
  const { main } = writeConfig(dir);
  const args = ['--cache-location', cache, main];
  const fresh = lint(args);
  const [name] = entriesIn(cache);
  return { cache, args, fresh, name };
}

describe('keepalived-lint --cache', () => {
  before(() => {
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, BUILD_OUTDIR: dist } });
    assert.equal(build.status, 0, build.stderr);
  });

  it('prints the stored report while the files, the glob matches and the options are unchanged, and lints again when any of them changes', async () => {
    const dir = mkdtempSync(join(work, 'config-'));
    const cache = join(dir, 'cache');
    const { main, service } = writeConfig(dir);
    // a whole second, which utimes can set back exactly
    const mtime = Math.floor(Date.now() / 1000) - 60;
    utimesSync(service, mtime, mtime);
    await settle();
    const args = ['--cache-location', cache, main];

    const fresh = lint(args);
    assert.equal(fresh.status, 1, fresh.stdout + fresh.stderr);
    assert.match(fresh.stdout, /services\/web\.conf:2:13: error: 'lb_algo': 'rx' is not one of .*\[invalid-value\]/);
    assert.doesNotMatch(fresh.stderr, /unchanged/);
    const hit = lint(args);
    assert.match(hit.stderr, /unchanged since the cached run/);
    sameReport(hit, fresh);
    const json = lint(['--format', 'json', ...args]);
    assert.deepEqual(JSON.parse(json.stdout).map((d: { code: string }) => d.code), ['invalid-value']);
    assert.equal(json.stdout, lint(['--format', 'json', main]).stdout, 'the stored report prints as a fresh one');

    // the same size and mtime, other content: only the ctime (which cannot be set back) shows it
    const stamp = statSync(service, { bigint: true });
    writeFileSync(service, readFileSync(service, 'utf8').replace('lb_algo rx', 'lb_algo rr'));
    utimesSync(service, mtime, mtime);
    const restamped = statSync(service, { bigint: true });
    assert.deepEqual([restamped.size, restamped.mtimeNs, restamped.ino], [stamp.size, stamp.mtimeNs, stamp.ino]);
    const edited = lint(args);
    assert.doesNotMatch(edited.stderr, /unchanged/);
    assert.equal(edited.status, 0, edited.stdout);
    assert.equal(edited.stdout, '');

    // a new file the include glob matches
    writeFileSync(join(dir, 'services', 'dns.conf'), 'virtual_server 10.0.0.1 53 {\n    protocol UDP\n    bogus_keyword 1\n}\n');
    const grown = lint(args);
    assert.match(grown.stdout, /services\/dns\.conf:3:5: error: Unknown keyword 'bogus_keyword'/);
    assert.doesNotMatch(grown.stderr, /unchanged/);

    // an included file removed
    rmSync(join(dir, 'services', 'dns.conf'));
    const shrunk = lint(args);
    assert.doesNotMatch(shrunk.stderr, /unchanged/);
    sameReport(shrunk, edited);

    // a file the glob does not match changes its directory, not the matches: the linter re-runs the glob
    // (the launcher does not load the glob code) and still answers from the cache
    writeFileSync(join(dir, 'services', 'README.txt'), 'notes\n');
    const unrelated = lint(args);
    assert.match(unrelated.stderr, /unchanged since the cached run/);
    sameReport(unrelated, edited);

    // other options are another entry
    const other = lint(['--keepalived-version', '2.0.0', ...args]);
    assert.doesNotMatch(other.stderr, /unchanged/);
    assert.equal(entriesIn(cache).length, 2);
  });

  it('keeps the warning about an executable include, and lints again when the execute bit changes', async () => {
    const dir = mkdtempSync(join(work, 'config-'));
    const cache = join(dir, 'cache');
    const { main, service } = writeConfig(dir);
    chmodSync(service, 0o755);
    await settle();
    const args = ['--cache-location', cache, main];
    const fresh = lint(args);
    assert.match(fresh.stdout, /is executable: keepalived skips it/);
    const again = lint(args);
    assert.ok(again.stderr.includes(HIT), again.stderr);
    sameReport(again, fresh);
    // content unchanged, mode changed: keepalived now reads the file
    chmodSync(service, 0o644);
    const readable = lint(args);
    assert.ok(!readable.stderr.includes(HIT), readable.stderr);
    assert.doesNotMatch(readable.stdout, /is executable/);
    assert.match(readable.stdout, /lb_algo|rx/);
  });

  it('checks files changed just before the recording by content, then trusts their stamps', async () => {
    const { cache, args, fresh, name } = linted();
    const recordedAt = () => BigInt(JSON.parse(readFileSync(join(cache, name), 'utf8')).recordedAt);
    const first = recordedAt();
    const hit = lint(args);
    assert.match(hit.stderr, /unchanged since the cached run/);
    sameReport(hit, fresh);
    const second = recordedAt();
    assert.ok(second > first, 'the entry is recorded again after its inputs proved unchanged by content');
    await settle();
    const settledHit = lint(args);
    assert.match(settledHit.stderr, /unchanged since the cached run/);
    sameReport(settledHit, fresh);
    const third = recordedAt();
    assert.ok(third > second, 'stamps taken within the racy window are checked by content once more');
    const trusted = lint(args);
    assert.match(trusted.stderr, /unchanged since the cached run/);
    assert.equal(recordedAt(), third, 'settled stamps are trusted: the entry is not rewritten');
  });

  it('--cache keeps its entries in the user cache directory', () => {
    const dir = mkdtempSync(join(work, 'config-'));
    const { main } = writeConfig(dir);
    const home = join(dir, 'xdg');
    const env = { ...process.env, XDG_CACHE_HOME: home };
    const fresh = lint(['--cache', main], undefined, undefined, env);
    assert.equal(entriesIn(join(home, 'keepalived-tools', 'lint-results')).length, 1);
    const hit = lint(['--cache', main], undefined, undefined, env);
    assert.match(hit.stderr, /unchanged since the cached run/);
    sameReport(hit, fresh);
  });

  it('takes --cache after -- as a file name, not as the option', () => {
    const r = lint(['--', '--cache']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^keepalived-lint: --cache: cannot read \(ENOENT\)/);
  });

  it('stores only what it prints: no auth_pass, owner-only files', async () => {
    const dir = mkdtempSync(join(work, 'cluster-'));
    const cache = join(dir, 'cache');
    const master = join(dir, 'master.conf');
    const backup = join(dir, 'backup.conf');
    writeFileSync(master, readFileSync(join(EXAMPLES, 'master.conf'), 'utf8').replace('auth_pass 1111', 'auth_pass Sec4et-M'));
    writeFileSync(backup, readFileSync(join(EXAMPLES, 'backup.conf'), 'utf8').replace('auth_pass 1111', 'auth_pass Sec4et-B'));
    const r = lint(['--cache-location', cache, master, backup]);
    assert.match(r.stdout, /\[cluster-auth-pass-mismatch\]/);
    const [name] = entriesIn(cache);
    const stored = readFileSync(join(cache, name), 'utf8');
    assert.match(stored, /cluster-auth-pass-mismatch/);
    assert.doesNotMatch(stored, /Sec4et/);
    assert.equal(statSync(join(cache, name)).mode & 0o777, 0o600);
    assert.equal(statSync(cache).mode & 0o777, 0o700);
  });

  for (const [what, damage] of [
    ['garbage', () => 'not json {'],
    ['a truncated entry', (s: string) => s.slice(0, s.length >> 1)],
    ['a report of the wrong shape', (s: string) => s.replace('"diagnostics":[', '"diagnostics":[7,')],
    ['another command line under its name', (s: string) => s.replace('"key":"{', '"key":"{\\"other\\":1,')],
  ] as const) {
    it(`lints again over ${what}, and replaces it`, () => {
      const { cache, args, fresh, name } = linted();
      const damaged = damage(readFileSync(join(cache, name), 'utf8'));
      writeFileSync(join(cache, name), damaged);
      const again = lint(args);
      assert.doesNotMatch(again.stderr, /unchanged/);
      sameReport(again, fresh);
      assert.notEqual(readFileSync(join(cache, name), 'utf8'), damaged);
      assert.match(lint(args).stderr, /unchanged since the cached run/);
    });
  }

  it('lints without a cache, and says so, when run from sources (no build to key the cache on)', () => {
    const dir = mkdtempSync(join(work, 'config-'));
    const { main } = writeConfig(dir);
    const r = lint(['--cache-location', join(dir, 'cache'), main], ['--import', 'tsx', join(ROOT, 'server/src/cli/lint.ts')], ROOT);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /--cache works with the built command/);
    assert.match(r.stdout, /\[invalid-value\]/);
    assert.deepEqual(readdirSync(dir).sort(), ['keepalived.conf', 'services']);
  });
});

describe('the result cache store', () => {
  const files = (dir: string) => {
    const { main } = writeConfig(dir);
    return main;
  };

  it('keeps no run during which a file changed', () => {
    const dir = mkdtempSync(join(work, 'store-'));
    const main = files(dir);
    let reads = 0;
    const changing: FileSystem = { readFile: (p) => diskFileSystem.readFile(p) + (p === main && reads++ > 0 ? '# edited\n' : ''), glob: diskFileSystem.glob };
    const recording = new RecordingFileSystem(changing);
    recording.readFile(main);
    recording.readFile(main);
    const cache = new ResultCache(join(dir, 'cache'), { build: 'b', files: [main] });
    cache.store(recording, []);
    assert.equal(recording.consistent, false);
    assert.equal(cache.lookup(diskFileSystem), undefined);
  });

  it('keys entries on the build', () => {
    const dir = mkdtempSync(join(work, 'store-'));
    const main = files(dir);
    const recording = new RecordingFileSystem(diskFileSystem);
    recording.readFile(main);
    const report = [{ file: main, line: 1, column: 1, endLine: 1, endColumn: 2, severity: 'error', code: 'x', message: 'm' }];
    new ResultCache(join(dir, 'cache'), { build: 'a', files: [main] }).store(recording, report);
    assert.deepEqual(new ResultCache(join(dir, 'cache'), { build: 'a', files: [main] }).lookup(diskFileSystem)?.diagnostics, report);
    assert.equal(new ResultCache(join(dir, 'cache'), { build: 'b', files: [main] }).lookup(diskFileSystem), undefined);
  });

  it(`keeps at most ${MAX_ENTRIES} entries, dropping the oldest`, () => {
    const dir = mkdtempSync(join(work, 'store-'));
    const main = files(dir);
    const cacheDir = join(dir, 'cache');
    mkdirSync(cacheDir);
    for (let i = 0; i < MAX_ENTRIES; i++) {
      const old = join(cacheDir, `old-${i}.json`);
      writeFileSync(old, '{}');
      utimesSync(old, 1_000_000 + i, 1_000_000 + i);
    }
    const recording = new RecordingFileSystem(diskFileSystem);
    recording.readFile(main);
    const cache = new ResultCache(cacheDir, { build: 'a', files: [main] });
    cache.store(recording, []);
    const left = entriesIn(cacheDir);
    assert.equal(left.length, MAX_ENTRIES);
    assert.ok(!left.includes('old-0.json') && left.includes('old-1.json'));
    assert.deepEqual(cache.lookup(diskFileSystem)?.diagnostics, []);
  });
});
