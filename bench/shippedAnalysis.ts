import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import type { AnalysisTiming } from './measureAnalysis';
import { SERVER_NODE_FLAGS } from '../client/src/bundle-role';
import { ROOT } from './paths';

/**
 * measureAnalysis on the code as it ships: bundled and minified by esbuild as scripts/build.mjs does, in a
 * node process of its own. Run from the TypeScript sources through tsx, every import crosses a module
 * getter, which costs ~15% of a 100k-line parse and is not in the product. The process runs under the language
 * server's V8 flags: the warm parse and checks are what the server does on every change.
 * KA_BENCH_ANALYSIS_NODE_ARGS (space-separated) is given after them, to compare other flags.
 */
export function measureShippedAnalysis(mains: readonly string[], files: readonly string[], runs: number): AnalysisTiming {
  const dir = mkdtempSync(join(tmpdir(), 'kabench-probe-'));
  try {
    const bundle = join(dir, 'analysis-probe.js');
    buildSync({
      entryPoints: [join(ROOT, 'bench', 'analysisProbe.ts')],
      outfile: bundle,
      bundle: true,
      minify: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      logLevel: 'warning',
    });
    const extra = process.env.KA_BENCH_ANALYSIS_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
    const r = spawnSync(process.execPath, [...SERVER_NODE_FLAGS, ...extra, bundle, JSON.stringify({ mains, files, runs })], { encoding: 'utf8', maxBuffer: 16 << 20 });
    if (r.status !== 0) throw new Error(`analysis probe failed: ${r.stderr}`);
    return JSON.parse(r.stdout) as AnalysisTiming;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
