'use strict';
// Stands in for chevrotain's grammar/interpreter.js. Of it the bundled parser needs only possiblePathsFrom, with
// which chevrotain computes its lookahead at start-up; the "next terminal" walkers serve error recovery and the
// rest content assist, neither of which the bundled parser has (see chevrotain-no-recovery.cjs). Written here
// from what possiblePathsFrom returns; test/package/chevrotainShims.test.ts holds it to chevrotain's own.
const { Alternation, Alternative, NonTerminal, Option, Repetition, RepetitionMandatory, RepetitionMandatoryWithSeparator, RepetitionWithSeparator, Terminal } = require('../../node_modules/@chevrotain/gast/lib/src/api.js');

/**
 * Every way the productions `definition` can begin, as far as `maxLength` tokens: a list of { partialPath (the
 * token types read, after those of `prefix`), suffixDef (the productions left once they are read) }. An optional
 * production gives the paths through it and then the paths that skip it; a mandatory one ends the walk at its own.
 */
function possiblePathsFrom(definition, maxLength, prefix = []) {
  const path = [...prefix];
  let found = [];
  const through = (inner, i) => possiblePathsFrom([...inner, ...definition.slice(i + 1)], maxLength, path);
  let i = 0;
  for (; path.length < maxLength && i < definition.length; i++) {
    const prod = definition[i];
    if (prod instanceof Terminal) {
      path.push(prod.terminalType);
    } else if (prod instanceof Alternative || prod instanceof NonTerminal) {
      return [...found, ...through(prod.definition, i)];
    } else if (prod instanceof RepetitionMandatory) {
      return [...found, ...through([...prod.definition, new Repetition({ definition: prod.definition })], i)];
    } else if (prod instanceof RepetitionMandatoryWithSeparator) {
      const again = new Repetition({ definition: [new Terminal({ terminalType: prod.separator }), ...prod.definition] });
      return [...found, ...through([new Alternative({ definition: prod.definition }), again], i)];
    } else if (prod instanceof Alternation) {
      for (const alternative of prod.definition) if (alternative.definition.length > 0) found = [...found, ...through(alternative.definition, i)];
      return found;
    } else if (prod instanceof Option) {
      found = [...found, ...through(prod.definition, i)];
    } else if (prod instanceof RepetitionWithSeparator) {
      const again = new Repetition({ definition: [new Terminal({ terminalType: prod.separator }), ...prod.definition] });
      found = [...found, ...through([...prod.definition, again], i)];
    } else if (prod instanceof Repetition) {
      found = [...found, ...through([...prod.definition, new Repetition({ definition: prod.definition })], i)];
    } else {
      throw new Error('unknown grammar production');
    }
  }
  found.push({ partialPath: path, suffixDef: definition.slice(i) });
  return found;
}

/** the recognizer hands these to the recovery hook, a no-op in the bundles */
class RecoveryWalker {}

module.exports = {
  possiblePathsFrom,
  NextTerminalAfterManyWalker: RecoveryWalker,
  NextTerminalAfterManySepWalker: RecoveryWalker,
  NextTerminalAfterAtLeastOneWalker: RecoveryWalker,
  NextTerminalAfterAtLeastOneSepWalker: RecoveryWalker,
};
