'use strict';
// Stands in for chevrotain's errors_public.js, whose providers word the messages of parse errors and grammar
// problems: the bundled parser's grammar is total (it never reports a parse error) and unchecked at run time
// (see chevrotain-no-grammar-checks.cjs), so a reached provider means a bug, reported in plain words.
const plain = (what) => () => `chevrotain ${what} (its full messages are not part of the keepalived-tools bundles)`;

module.exports = {
  defaultParserErrorProvider: {
    buildMismatchTokenMessage: plain('token mismatch'),
    buildNotAllInputParsedMessage: plain('input left unparsed'),
    buildNoViableAltMessage: plain('no viable alternative'),
    buildEarlyExitMessage: plain('early exit'),
  },
  defaultGrammarResolverErrorProvider: { buildRuleNotFoundError: plain('rule not found') },
  defaultGrammarValidatorErrorProvider: new Proxy({}, { get: (_, name) => plain(`grammar problem (${String(name)})`) }),
};
