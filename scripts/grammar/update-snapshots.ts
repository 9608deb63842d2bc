/** Rewrites test/grammar/snapshots/ after an intended grammar change: `npm run update:grammar-snapshots`. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { GRAMMAR_FILE, PROJECT_ROOT, snapshotCases, stageCases } from './snapshot-cases';

const cases = snapshotCases();
const dir = stageCases(cases);
const bin = join(PROJECT_ROOT, 'node_modules/.bin/vscode-tmgrammar-snap');
const files = cases.map(({ source }) => join(dir, basename(source)));
const run = spawnSync(bin, ['-u', '-g', GRAMMAR_FILE, '-s', 'source.keepalived', ...files], { encoding: 'utf8' });
if (run.status !== 0) {
  process.stderr.write(run.stdout + run.stderr);
  process.exit(1);
}
for (const { snapshot } of cases) copyFileSync(join(dir, basename(snapshot)), snapshot);
rmSync(dir, { recursive: true, force: true });
console.log(`updated ${cases.length} snapshots`);
