import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isDecimal, isDigits, isInteger } from '../../server/src/syntax/numbers';

// strings made of the characters that matter to a number, and some that do not
const numberish = fc.array(fc.constantFrom('0', '1', '7', '9', 'x', 'X', 'a', 'F', 'g', '+', '-', '.', ' ', '٣'), { maxLength: 8 }).map((parts) => parts.join(''));
const texts = fc.oneof(numberish, fc.string({ maxLength: 6 }));

/** The hand-written tests, each with the regular expression it stands for. */
const oracles: [string, (text: string) => boolean, RegExp][] = [
  ['digits', isDigits, /^\d+$/],
  ['whole numbers', isInteger, /^[-+]?(?:0x[0-9a-fA-F]+|\d+)$/],
  ['decimals', isDecimal, /^[-+]?\d+(\.\d+)?$/],
];

describe('number tests on word texts', () => {
  for (const [what, test, pattern] of oracles) {
    it(`${what}: accepts exactly what ${pattern} accepts`, () => {
      fc.assert(fc.property(texts, (text) => test(text) === pattern.test(text)), { numRuns: 20000 });
    });
  }
});
