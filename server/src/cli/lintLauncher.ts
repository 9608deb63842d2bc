// dist/lint.js: starts the linter bundle (dist/lint-main.js, built from ./lint.ts) through a V8 code cache,
// which saves compiling it at every run. scripts/build.mjs fills in the bundle's content hash.
import { join } from 'node:path';
import { loadBundle } from './codeCache';

declare const LINT_BUNDLE_HASH: string;

const bundle = loadBundle(join(__dirname, 'lint-main.js'), LINT_BUNDLE_HASH);
process.exitCode = (bundle.exports.main as (argv: readonly string[]) => number)(process.argv.slice(2));
bundle.saveCache();
