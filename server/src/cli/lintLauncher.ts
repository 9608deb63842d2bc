// dist/lint.js: answers from the result cache when --cache is on and nothing changed (./cachedReport.ts);
// otherwise starts the linter bundle (dist/lint-main.js, built from ./lint.ts) through a V8 code cache, which
// saves compiling it at every run. scripts/build.mjs fills in the bundle's content hash.
import { join } from 'node:path';
import { loadBundle } from './codeCache';
import type { StartWorker } from './parallelLint';

declare const LINT_BUNDLE_HASH: string;
type Main = (argv: readonly string[], build: string, startWorker: StartWorker) => number | Promise<number>;

/** a worker checking parts of many configs: dist/lint-worker.js, which loads the bundle through the same cache */
const startWorker: StartWorker = () => {
  const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
  return new Worker(join(__dirname, 'lint-worker.js'));
};

const argv = process.argv.slice(2);
/**
 * The result cache is looked up only when one is asked for (every option that turns it on starts with --cache):
 * its code (argument parsing, report formats, the cache) is a bundle of its own, dist/lint-cached.js, that a
 * run without it does not compile (~5 ms of a run on the example pair).
 */
const cachedReport = (): typeof import('./cachedReport') => require(join(__dirname, 'lint-cached.js'));
const cachedStatus = argv.some((a) => a.startsWith('--cache')) ? cachedReport().cachedReport(argv, LINT_BUNDLE_HASH) : undefined;
if (cachedStatus !== undefined) process.exitCode = cachedStatus;
else {
  const bundle = loadBundle(join(__dirname, 'lint-main.js'), LINT_BUNDLE_HASH);
  const status = (bundle.exports.main as Main)(argv, LINT_BUNDLE_HASH, startWorker);
  const finish = (code: number) => {
    process.exitCode = code;
    bundle.saveCache();
  };
  if (typeof status === 'number') finish(status);
  else void status.then(finish);
}
