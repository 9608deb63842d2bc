import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkArgument, INTEGER, isDigits, isInteger } from '../../server/src/analysis/argTypes';

// strings made of the characters that matter to a whole number, and some that do not
const numberish = fc.array(fc.constantFrom('0', '1', '7', '9', 'x', 'X', 'a', 'F', 'g', '+', '-', '.', ' ', '٣'), { maxLength: 8 }).map((parts) => parts.join(''));

describe('whole numbers', () => {
  it('the hand-written test accepts exactly what the regular expression accepts', () => {
    fc.assert(fc.property(fc.oneof(numberish, fc.string({ maxLength: 6 })), (text) => isInteger(text) === INTEGER.test(text)), { numRuns: 20000 });
  });

  it('the digits-only test accepts exactly what /^\\d+$/ accepts', () => {
    fc.assert(fc.property(fc.oneof(numberish, fc.string({ maxLength: 6 })), (text) => isDigits(text) === /^\d+$/.test(text)), { numRuns: 20000 });
  });

  it('says why a value is not a whole number, or out of range', () => {
    const port = { kind: 'port' } as const;
    assert.equal(checkArgument(port, '8080'), undefined);
    assert.match(checkArgument(port, '80x') ?? '', /not a whole number/);
    assert.match(checkArgument(port, '70000') ?? '', /outside range \[0, 65535\]/);
    assert.equal(checkArgument({ kind: 'int', min: -5, max: 5 }, '-0x5'), undefined);
  });
});
