import { join } from 'node:path';

export const ROOT = join(__dirname, '..');
export const LINT_BUNDLE = join(ROOT, 'dist', 'lint.js');
export const SERVER_BUNDLE = join(ROOT, 'dist', 'server.js');
export const RESULTS_DIR = join(ROOT, 'bench', 'results');
