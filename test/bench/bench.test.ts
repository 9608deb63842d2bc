import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { BenchResult } from '../../bench/report';
import { ROOT } from '../helpers/paths';

const positive = (value: number | undefined, what: string) => assert.ok(value !== undefined && Number.isFinite(value) && value > 0, `${what} = ${value}`);

// A smoke run on the smallest size: the numbers must exist and make sense; how fast they are is not judged here.
test('npm run bench on the smallest size produces a table and sane JSON', { timeout: 300_000 }, () => {
  const out = mkdtempSync(join(tmpdir(), 'kabench-test-'));
  try {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--sizes=1000', '--hosts=4', '--clusters=10', '--quick', `--out=${out}`], { cwd: ROOT, encoding: 'utf8', timeout: 280_000 });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /lint ms/);
    assert.match(run.stdout, /targets \(issues 7 and 19\)/);
    const result = JSON.parse(readFileSync(join(out, 'latest.json'), 'utf8')) as BenchResult;

    assert.equal(result.sizes.length, 1);
    const [size] = result.sizes;
    assert.ok(size.lines >= 900 && size.lines <= 1300, `generated ${size.lines} lines for a 1000-line target`);
    assert.ok(size.files > 1, 'the generated config uses includes');
    // the generated config is clean for both checkers, so the timings compare equal work
    assert.equal(size.cli.lintExit, 0);
    assert.equal(size.analysis.diagnostics, 0);
    positive(size.cli.lint.median, 'lint median');
    positive(size.cli.cached.median, 'lint --cache median');
    assert.equal(size.cli.cachedExit, size.cli.lintExit, 'the stored report gives the same exit status');
    if (process.getuid?.() === 0) {
      assert.equal(size.cli.keepalivedExit, 0, size.cli.keepalivedStderr);
      positive(size.cli.ratio, 'lint / keepalived ratio');
      positive(size.cli.cachedRatio, 'lint --cache / keepalived ratio');
      positive(size.cli.nodeStartup.median, 'node start-up');
    }
    const timings = {
      parse: size.analysis.parseAndAnalyze,
      analysis: size.analysis.analyzeOnly,
      reanalysis: size.analysis.reanalyzeAfterEdit,
      'with a block left open': size.analysis.reanalyzeWithOpenBlock,
      'opened with a block left open': size.analysis.reanalyzeOpenedWithOpenBlock,
      edit: size.lsp.editToDiagnostics,
    };
    for (const [name, s] of Object.entries(timings)) {
      positive(s.median, `${name} median`);
      assert.ok(s.min <= s.median && s.median <= s.p99 && s.p99 <= s.max, `${name}: order statistics out of order`);
    }
    assert.ok(size.lsp.memory.heapUsedMB > 1 && size.lsp.memory.heapUsedMB < size.lsp.memory.rssMB, `heap ${size.lsp.memory.heapUsedMB} MB, RSS ${size.lsp.memory.rssMB} MB`);
    assert.ok(size.lsp.heapAfterEditsMB > 1, `heap after edits ${size.lsp.heapAfterEditsMB} MB`);
    assert.ok(result.features && result.features.completionItems > 0 && result.features.hovers > 0, 'completion and hover answered');
    positive(result.startup.median, 'start-up');
    assert.equal(result.cluster?.hosts, 4);
    positive(result.cluster?.analysisAfterChange.median, 'cluster analysis');
    positive(result.cluster?.editToDiagnostics.median, 'cluster edit latency');
    // issue 19: start-up, a repository at once, the language server over it
    positive(result.lintStart?.ratioToNode, 'lint / node -e 0 on the examples');
    assert.equal(result.repository?.configs, 20);
    positive(result.repository?.lint.median, 'lint DIR');
    positive(result.repository?.lintOneThread.median, 'lint DIR --jobs 1');
    positive(result.repository?.lsp.editToDiagnostics.median, 'edit latency in the repository');
    positive(result.repository?.lsp.firstAnalysisMs, 'first diagnostics in the repository');
    if (process.getuid?.() === 0) {
      positive(result.repository?.ratio, 'lint DIR / keepalived -t per config');
      positive(result.sizes[0].cli.keepalivedStartup?.median, 'keepalived -t start-up');
    }
    assert.ok(result.targets.length >= 8 && result.targets.every((t) => typeof t.met === 'boolean'));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
