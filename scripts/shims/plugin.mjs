// An esbuild plugin that swaps dependency modules for the smaller stand-ins in this folder. Each entry names the
// module as it is required and the package it is required from, so nothing else with a similar name is touched.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

// chevrotain imports lodash function by function; the ones lodash-subset.cjs provides come from there
export const LODASH_SUBSET = join(here, 'lodash-subset.cjs');
const lodashSubset = new Set(Object.keys(createRequire(import.meta.url)(LODASH_SUBSET)));
const LODASH_USERS = ['node_modules/chevrotain/', 'node_modules/@chevrotain/'];

// vscode-languageclient feature modules for requests the server never answers; the test that guards this list
// (test/package/vsix.test.ts) names the server capability each one stands for
export const UNUSED_CLIENT_FEATURES = [
  'notebook', 'diagnostic', 'callHierarchy', 'typeHierarchy', 'linkedEditingRange', 'fileOperations', 'textDocumentContent',
  'inlineCompletion', 'inlineValue', 'signatureHelp', 'documentHighlight', 'typeDefinition', 'implementation',
  'colorProvider', 'declaration', 'executeCommand',
];
const UNUSED_FEATURES_SHIM = join(here, 'languageclient-unused-features.cjs');
// vscode-languageserver's handler mixins for the same kind of requests, on the server side
const UNUSED_SERVER_FEATURES = ['fileOperations', 'callHierarchy', 'typeHierarchy', 'moniker', 'inlineValue', 'inlineCompletion', 'linkedEditingRange', 'diagnostic', 'textDocumentContent', 'showDocument'];

export const SHIMS = [
  ...UNUSED_CLIENT_FEATURES.map((name) => ({
    request: `./${name}`,
    from: 'node_modules/vscode-languageclient/lib/common/',
    shim: UNUSED_FEATURES_SHIM,
  })),
  // the client's view of a server's work-done progress: the server reports none
  { request: './progressPart', from: 'node_modules/vscode-languageclient/lib/common/', shim: join(here, 'languageclient-no-progress-part.cjs') },
  // the server's notebook synchronization and its helpers for global node modules, which it never uses
  { request: './notebook', from: 'node_modules/vscode-languageserver/lib/common/', shim: join(here, 'languageserver-no-notebooks.cjs') },
  // and of the protocol's notebook module, the message types only
  { request: './protocol.notebook', from: 'node_modules/vscode-languageserver-protocol/lib/common/', shim: join(here, 'protocol-notebook-types.cjs') },
  { request: './files', from: 'node_modules/vscode-languageserver/lib/node/', shim: join(here, 'languageserver-no-files.cjs') },
  { request: './progress', from: 'node_modules/vscode-languageserver/lib/common/', shim: join(here, 'languageserver-no-progress.cjs') },
  ...UNUSED_SERVER_FEATURES.map((name) => ({ request: `./${name}`, from: 'node_modules/vscode-languageserver/lib/common/', shim: join(here, 'languageserver-unused-features.cjs') })),
  // bcrypt-pbkdf (passphrase-protected OpenSSH keys) needs only tweetnacl's SHA-512
  { request: 'tweetnacl', from: 'node_modules/bcrypt-pbkdf/', shim: join(here, 'tweetnacl-sha512.cjs') },
  // only the chacha20-poly1305 cipher needs ssh2's Emscripten poly1305 module, and deploy offers AES only
  { request: './crypto/poly1305.js', from: 'node_modules/ssh2/lib/protocol/', shim: join(here, 'ssh2-no-chacha.cjs') },
  // and no compression: the plain packet reader and writer without zlib's streams
  { request: './zlib.js', from: 'node_modules/ssh2/lib/protocol/', shim: join(here, 'ssh2-no-zlib.cjs') },
  // deploy moves files over exec channels, not SFTP
  { request: './protocol/SFTP.js', from: 'node_modules/ssh2/lib/', shim: join(here, 'ssh2-no-sftp.cjs') },
  // vscode-languageclient's version check needs only a caret range
  { request: 'semver/functions/parse', from: 'node_modules/vscode-languageclient/', shim: join(here, 'semver-parse.cjs') },
  { request: 'semver/functions/satisfies', from: 'node_modules/vscode-languageclient/', shim: join(here, 'semver-satisfies.cjs') },
  // vscode-languageclient's glob filters for file operations, which this server does not register
  { request: 'minimatch', from: 'node_modules/vscode-languageclient/', shim: join(here, 'minimatch-refused.cjs') },
  // chevrotain's CST declaration generator is a build-time tool
  { request: '@chevrotain/cst-dts-gen', from: 'node_modules/chevrotain/', shim: join(here, 'chevrotain-no-dts.cjs') },
  // the parser reads tokens from the project's own scanner: chevrotain's parser without its Lexer
  { request: 'chevrotain', from: 'server/src/syntax/', shim: join(here, 'chevrotain-parser-only.cjs') },
  // grammar validations, which the bundled parser skips
  { request: './checks', from: 'node_modules/chevrotain/lib/src/parse/grammar/', shim: join(here, 'chevrotain-no-grammar-checks.cjs') },
  { request: '../checks', from: 'node_modules/chevrotain/lib/src/parse/grammar/gast/', shim: join(here, 'chevrotain-no-grammar-checks.cjs') },
  { request: '../grammar/checks', from: 'node_modules/chevrotain/lib/src/parse/parser/', shim: join(here, 'chevrotain-no-grammar-checks.cjs') },
  { request: '../../grammar/checks', from: 'node_modules/chevrotain/lib/src/parse/parser/traits/', shim: join(here, 'chevrotain-no-grammar-checks.cjs') },
  { request: './lexer_public', from: 'node_modules/chevrotain/lib/src/scan/', shim: join(here, 'chevrotain-lexer-na.cjs') },
  // error recovery, the CST and the wording of errors: a parser without recovery that builds no CST and meets no errors
  { request: './traits/recoverable', from: 'node_modules/chevrotain/lib/src/parse/parser/', shim: join(here, 'chevrotain-no-recovery.cjs') },
  { request: './recoverable', from: 'node_modules/chevrotain/lib/src/parse/parser/traits/', shim: join(here, 'chevrotain-no-recovery.cjs') },
  { request: './traits/tree_builder', from: 'node_modules/chevrotain/lib/src/parse/parser/', shim: join(here, 'chevrotain-no-cst.cjs') },
  ...['../../grammar/interpreter', './interpreter'].map((request) => ({ request, from: 'node_modules/chevrotain/lib/src/parse/', shim: join(here, 'chevrotain-paths-only.cjs') })),
  ...['./traits/context_assist', './traits/perf_tracer'].map((request) => ({ request, from: 'node_modules/chevrotain/lib/src/parse/parser/', shim: join(here, 'chevrotain-quiet-traits.cjs') })),
  ...['../errors_public', '../../errors_public', '../../../errors_public'].map((request) => ({ request, from: 'node_modules/chevrotain/lib/src/parse/', shim: join(here, 'chevrotain-plain-errors.cjs') })),
  { request: '../../../scan/lexer_public', from: 'node_modules/chevrotain/lib/src/parse/parser/traits/', shim: join(here, 'chevrotain-lexer-na.cjs') },
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
    build.onResolve({ filter: /^lodash\/\w+$/ }, (args) => {
      const name = args.path.slice('lodash/'.length);
      const importer = args.importer.replaceAll('\\', '/');
      if (!lodashSubset.has(name) || !LODASH_USERS.some((user) => importer.includes(user))) return undefined;
      return { path: name, namespace: 'lodash-subset' };
    });
    build.onLoad({ filter: /.*/, namespace: 'lodash-subset' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(LODASH_SUBSET)}).${args.path};`,
      resolveDir: here,
      loader: 'js',
    }));
  },
};
