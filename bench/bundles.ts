import { spawnSync } from 'node:child_process';
import { LINT_BUNDLE, ROOT, SERVER_BUNDLE } from './paths';

/** The CLI and server are measured as shipped: the esbuild bundles, rebuilt so they match the sources. */
export function buildBundles(): void {
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build failed');
  for (const bundle of [LINT_BUNDLE, SERVER_BUNDLE]) spawnSync(process.execPath, ['--check', bundle], { stdio: 'ignore' });
}
