// The bundles carry stand-ins for some dependencies (scripts/shims/), chevrotain's parser among them. The unit tests run
// the sources on the real packages; this runs the shipped linter bundle over every sample and example and expects the
// very same report as the sources give.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeRepository } from '../../bench/generate';
import { CORPUS, EXAMPLES, FIXTURES, ROOT } from '../helpers/paths';

const SEED_FIXTURES = join(FIXTURES, 'seed');

const files = [
  ...readdirSync(CORPUS).filter((f) => f.startsWith('keepalived.conf')).map((f) => join(CORPUS, f)),
  ...readdirSync(EXAMPLES).filter((f) => f.endsWith('.conf')).map((f) => join(EXAMPLES, f)),
  // the seed article as published, layout junk and all: plenty of findings
  ...readdirSync(SEED_FIXTURES).map((f) => join(SEED_FIXTURES, f)),
];

function lint(entry: string[]): { status: number | null; stdout: string } {
  const run = spawnSync(process.execPath, [...entry, '--format', 'json', ...files], { cwd: ROOT, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout };
}

test('the bundled linter reports exactly what the sources report', { timeout: 120_000 }, () => {
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(build.status, 0, build.stderr);
  // all files in one run: each is checked on its own and the directors among them as clusters
  const bundled = lint([join(ROOT, 'dist/lint.js')]);
  const source = lint(['--import', 'tsx', join(ROOT, 'server/src/cli/lint.ts')]);
  assert.equal(bundled.status, source.status);
  assert.equal(bundled.stdout, source.stdout);
  // the comparison means something only if the files produce findings
  assert.ok((JSON.parse(source.stdout) as unknown[]).length > 10, 'the files produce findings');
});

test('the bundled linter checks a repository on worker threads (dist/lint-worker.js) as the sources do', { timeout: 180_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'ka-bundled-repo-'));
  // 150 configs of ~390 lines: over the size where threads start, and more than one part
  const repo = writeRepository(dir, 75, 150);
  writeFileSync(repo.configs[1], readFileSync(repo.configs[1], 'utf8').replace('auth_pass pw0', 'auth_pass other'));
  writeFileSync(repo.configs[5], readFileSync(repo.configs[5], 'utf8').replace('lvs_sched rr', 'lvs_sched nonsense'));
  const run = (entry: string[]) => spawnSync(process.execPath, [...entry, '--format', 'json', '--jobs', '2', dir], { cwd: ROOT, encoding: 'utf8' });
  const bundled = run([join(ROOT, 'dist/lint.js')]);
  const source = run(['--import', 'tsx', join(ROOT, 'server/src/cli/lint.ts')]);
  assert.equal(bundled.status, 1, bundled.stderr);
  assert.equal(bundled.stdout, source.stdout);
  const codes = new Set((JSON.parse(bundled.stdout) as { code: string }[]).map((d) => d.code));
  assert.ok(codes.has('cluster-auth-pass-mismatch') && codes.size >= 2, [...codes].join(', '));
});
