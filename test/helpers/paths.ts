import { join } from 'node:path';

/** The repository root, and ../shared beside it (as in CI's clean clone). */
export const ROOT = join(__dirname, '..', '..');
export const SHARED = join(ROOT, '..', 'shared');
export const CORPUS = join(SHARED, 'corpus', 'keepalived-samples');
export const EXAMPLES = join(ROOT, 'examples');
export const FIXTURES = join(ROOT, 'test', 'fixtures');
