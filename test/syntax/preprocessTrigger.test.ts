import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { NEEDS_PREPROCESSING, needsPreprocessing } from '../../server/src/syntax/preprocess';

// the pieces the expression looks at, the line terminators JavaScript's ^ knows, and filler
const piece = fc.constantFrom(
  '@', '$', '~', '{', '_', '\n', '\r', '\u2028', '\u2029', ' ', '\t', 'x', '1', '@id ', '$NAME', '${_PWD}', '$_INSTANCE', '${_HASH', '~SEQ', '~LST', 'SEQ', 'PWDX', '_RANDOMx', '${_ENV X}', '_ENVY', 'BANG', 'HASH', 'a@b',
);

describe('preprocess: which texts need it', () => {
  it('the line-by-line search answers as the expression on the whole text does', () => {
    fc.assert(fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
      const text = parts.join('');
      assert.equal(needsPreprocessing(text), NEEDS_PREPROCESSING.test(text), JSON.stringify(text));
    }), { numRuns: 20000 });
  });

  it('finds each trigger on a later line and after a lone CR', () => {
    for (const trigger of ['@id x', '  $NAME=1', '~SEQ(x,1,2)', 'a ${_PWD}/b', 'x $_INSTANCE', 'router_id ${_ENV HOST}']) {
      assert.ok(needsPreprocessing(`mail a@b\nx $5\n~~\n${trigger}\n`), trigger);
      assert.ok(needsPreprocessing(`mail a@b\rx ~\r${trigger}`), trigger);
    }
    for (const plain of ['notification_email admin@example.com', 'x $5 ~y', 'a ${_PWDX}', '\t x @id']) assert.ok(!needsPreprocessing(`${plain}\n`), plain);
  });
});
