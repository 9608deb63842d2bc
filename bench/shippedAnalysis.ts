import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import type { AnalysisTiming } from './measureAnalysis';
import { ROOT } from './paths';

/**
 * measureAnalysis on the code as it ships: bundled and minified by esbuild as scripts/build.mjs does, in a
 * node process of its own. Run from the TypeScript sources through tsx, every import crosses a module
 * getter, which costs ~15% of a 100k-line parse and is not in the product.
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
    const r = spawnSync(process.execPath, [bundle, JSON.stringify({ mains, files, runs })], { encoding: 'utf8', maxBuffer: 16 << 20 });
    if (r.status !== 0) throw new Error(`analysis probe failed: ${r.stderr}`);
    return JSON.parse(r.stdout) as AnalysisTiming;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
