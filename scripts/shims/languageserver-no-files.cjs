'use strict';
// Stands in for vscode-languageserver's node/files module (about 4 KB of the bundle): helpers that locate global
// npm and yarn modules, re-exported as `Files`, which the keepalived language server never calls.
const unsupported = () => {
  throw new Error('vscode-languageserver Files helpers are not bundled');
};
module.exports = { uriToFilePath: unsupported, resolveGlobalNodePath: unsupported, resolveGlobalYarnPath: unsupported, resolve: unsupported, resolveModulePath: unsupported };
