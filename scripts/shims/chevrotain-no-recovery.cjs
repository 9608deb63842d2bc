'use strict';
// Stands in for chevrotain's Recoverable trait (parse/parser/traits/recoverable.js): the bundled parser is built
// with recoveryEnabled: false (server/src/syntax/parser.ts), and its grammar accepts every token sequence, so
// no recovery ever runs. What the recognizer reads on its way stays: the trait's fields and the no-op hook.
class Recoverable {
  initRecoverable(config) {
    if (config.recoveryEnabled) throw new Error("chevrotain's error recovery is not part of the keepalived-tools bundles");
    this.firstAfterRepMap = {};
    this.resyncFollows = {};
    this.recoveryEnabled = false;
  }

  attemptInRepetitionRecovery() {}
}

module.exports = { Recoverable, EOF_FOLLOW_KEY: {}, IN_RULE_RECOVERY_EXCEPTION: 'InRuleRecoveryException' };
