'use strict';
// Stands in for minimatch (with brace-expansion, about 10 KB compressed). vscode-languageclient builds
// `new Minimatch(glob, options)` only for the file operation filters a server registers, and this server
// registers none (test/lsp/featureWiring.test.ts). Should one ever be registered, every pattern is refused
// (makeRe() false): the client then rejects the registration, rather than filter with a half matcher.
class Minimatch {
  makeRe() {
    return false;
  }

  match() {
    return false;
  }
}

module.exports = { minimatch: () => false, Minimatch };
