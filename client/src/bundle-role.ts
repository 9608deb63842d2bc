/**
 * The extension ships one bundle, dist/extension.js. VS Code loads it as the extension; the language client
 * forks the same file with this flag to run the language server. No imports here: the server process must
 * not load anything of the client side to learn its role.
 */
export const EXTENSION_BUNDLE = 'dist/extension.js';
export const SERVER_ROLE_FLAG = '--keepalived-language-server';

/**
 * V8 flags of the language server process. It keeps every open config's tree for as long as it runs and parses
 * and checks the whole workspace again on each change; the young generation's default cap (16 MB semi-spaces
 * on 64-bit Node 20) makes the collector copy a large config's fresh tree several times before promoting it.
 * 32 MB semi-spaces: warm parse + every check of a 100,445-line config 12–17 % less wall time and ~20–26 %
 * less CPU (paired, interleaved runs, 2026-12-05), the same resident memory, no change at 1k and 10k lines.
 * The CLI keeps its own, small young generation (scripts/build.mjs: a one-shot run has no warm loop).
 * scripts/build.mjs writes the same flags into the `#!` line of dist/server.js (the npm command).
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=32'];
