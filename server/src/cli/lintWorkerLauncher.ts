// dist/lint-worker.js: a worker thread of keepalived-lint (./parallelLint.ts). It loads the linter bundle
// through the same V8 code cache as dist/lint.js and answers each part of the configs it is sent with its findings.
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { loadBundle } from './codeCache';
import type { PartJob, PartResult } from './parallelLint';

declare const LINT_BUNDLE_HASH: string;

const lintPart = loadBundle(join(__dirname, 'lint-main.js'), LINT_BUNDLE_HASH).exports.lintPart as (job: PartJob) => PartResult;
parentPort!.on('message', (job: PartJob) => parentPort!.postMessage(lintPart(job)));
