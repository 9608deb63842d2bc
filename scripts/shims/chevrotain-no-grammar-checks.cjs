'use strict';
// Stands in for chevrotain's grammar/checks.js: the grammar validations (ambiguities, left recursion, empty
// alternatives) that a parser built with skipValidations never runs. The bundled parser is built that way
// (server/src/syntax/parser.ts); test/syntax/grammarValidation.test.ts runs the real checks from the sources.
const notBundled = () => {
  throw new Error("chevrotain's grammar validations are not part of the keepalived-tools bundles");
};
module.exports = {
  validateGrammar: notBundled,
  validateLookahead: notBundled,
  validateRuleIsOverridden: notBundled,
  validateNoLeftRecursion: notBundled,
  validateEmptyOrAlternative: notBundled,
  validateAmbiguousAlternationAlternatives: notBundled,
  validateSomeNonEmptyLookaheadPath: notBundled,
};
