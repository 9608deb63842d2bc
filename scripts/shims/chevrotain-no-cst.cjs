'use strict';
// Stands in for chevrotain's TreeBuilder trait (parse/parser/traits/tree_builder.js, with the CST and its
// visitors): the bundled parser is an EmbeddedActionsParser (server/src/syntax/parser.ts), which builds no CST.
// What the recognizer calls on every rule stays: the rule-stack lookups, and the CST hooks as no-ops.
const noop = () => {};

class TreeBuilder {
  initTreeBuilder(config) {
    if (config.outputCst) throw new Error("chevrotain's CST building is not part of the keepalived-tools bundles");
    this.CST_STACK = [];
    this.outputCst = false;
    this.cstInvocationStateUpdate = noop;
    this.cstFinallyStateUpdate = noop;
    this.cstPostTerminal = noop;
    this.cstPostNonTerminal = noop;
    this.cstPostRule = noop;
  }

  getLastExplicitRuleShortName() {
    const ruleStack = this.RULE_STACK;
    return ruleStack[ruleStack.length - 1];
  }

  getPreviousExplicitRuleShortName() {
    const ruleStack = this.RULE_STACK;
    return ruleStack[ruleStack.length - 2];
  }

  getLastExplicitRuleOccurrenceIndex() {
    const occurrenceStack = this.RULE_OCCURRENCE_STACK;
    return occurrenceStack[occurrenceStack.length - 1];
  }
}

module.exports = { TreeBuilder };
