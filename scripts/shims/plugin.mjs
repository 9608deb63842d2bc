// An esbuild plugin that swaps dependency modules for the smaller stand-ins in this folder. Each entry names the
// module as it is required and the package it is required from, so nothing else with a similar name is touched.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export const SHIMS = [
  // bcrypt-pbkdf (passphrase-protected OpenSSH keys) needs only tweetnacl's SHA-512
  { request: 'tweetnacl', from: 'node_modules/bcrypt-pbkdf/', shim: join(here, 'tweetnacl-sha512.cjs') },
  // ssh2's chacha20-poly1305 cipher needs only poly1305_auth from its Emscripten module
  { request: './crypto/poly1305.js', from: 'node_modules/ssh2/lib/protocol/', shim: join(here, 'ssh2-poly1305.cjs') },
  // vscode-languageclient's version check needs only a caret range
  { request: 'semver/functions/parse', from: 'node_modules/vscode-languageclient/', shim: join(here, 'semver-parse.cjs') },
  { request: 'semver/functions/satisfies', from: 'node_modules/vscode-languageclient/', shim: join(here, 'semver-satisfies.cjs') },
  // vscode-languageclient's glob filters: picomatch is in the bundle already
  { request: 'minimatch', from: 'node_modules/vscode-languageclient/', shim: join(here, 'minimatch-picomatch.cjs') },
  // chevrotain's CST declaration generator is a build-time tool
  { request: '@chevrotain/cst-dts-gen', from: 'node_modules/chevrotain/', shim: join(here, 'chevrotain-no-dts.cjs') },
];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

export const shimPlugin = {
  name: 'keepalived-tools-shims',
  setup(build) {
    for (const { request, from, shim } of SHIMS) {
      build.onResolve({ filter: new RegExp(`^${escape(request)}$`) }, (args) =>
        args.importer.replaceAll('\\', '/').includes(from) ? { path: shim } : undefined,
      );
    }
  },
};
