import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { KeepalivedParser } from '../../server/src/syntax/parser';

// The parser in use skips Chevrotain's grammar checks to start faster; this is where they run.
describe('parser grammar', () => {
  it("passes Chevrotain's grammar validations (no ambiguity, left recursion or empty alternative)", () => {
    // with validations on, Chevrotain throws "Parser Definition Errors detected" from the constructor
    assert.doesNotThrow(() => new KeepalivedParser({ validateGrammar: true }));
  });

  it('skips the validations only when asked to', () => {
    assert.equal((new KeepalivedParser({ validateGrammar: true }) as unknown as { skipValidations: boolean }).skipValidations, false);
    assert.equal((new KeepalivedParser() as unknown as { skipValidations: boolean }).skipValidations, true);
  });
});
