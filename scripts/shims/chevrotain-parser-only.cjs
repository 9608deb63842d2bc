'use strict';
// What server/src/syntax/parser.ts takes from chevrotain, without the rest of its public API: the parser runs on
// tokens from the project's own scanner, so chevrotain's Lexer (its regular-expression analysis and
// regexp-to-ast, about 10 KB compressed) and the diagram renderer stay out of the bundles. Chevrotain's package
// exports only its index, so its files are reached by path here.
const { EmbeddedActionsParser } = require('../../node_modules/chevrotain/lib/src/parse/parser/parser.js');
const { createToken } = require('../../node_modules/chevrotain/lib/src/scan/tokens_public.js');
const { NOT_APPLICABLE } = require('./chevrotain-lexer-na.cjs');

module.exports = { EmbeddedActionsParser, createToken, Lexer: { NA: NOT_APPLICABLE } };
