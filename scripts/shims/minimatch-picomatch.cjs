'use strict';
// Stands in for minimatch (with brace-expansion, about 10 KB compressed). vscode-languageclient builds
// `new Minimatch(glob, options)` and calls makeRe() and match(path) to filter file operations and documents by
// glob. picomatch, already in the bundle for the server's file search, matches the same glob syntax.
const picomatch = require('picomatch');

class Minimatch {
  constructor(pattern, options = {}) {
    this.pattern = pattern;
    this.options = options;
    try {
      this.regexp = picomatch.makeRe(pattern, {
        dot: options.dot === true,
        nocase: options.nocase === true,
        noextglob: options.noext === true,
      });
    } catch {
      // minimatch reports an invalid pattern as makeRe() === false
      this.regexp = false;
    }
  }

  makeRe() {
    return this.regexp;
  }

  match(path) {
    return this.regexp !== false && this.regexp.test(path);
  }
}

function minimatch(path, pattern, options) {
  return new Minimatch(pattern, options).match(path);
}

module.exports = { minimatch, Minimatch };
