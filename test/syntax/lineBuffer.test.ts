// keepalived's 1023-byte line buffer (syntax/lineBuffer.ts): where it cuts a line, found without scanning the
// whole text character by character, and each piece read as a line of its own.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { hasLongLine, lineCuts, longLines } from '../../server/src/syntax/lineBuffer';
import { parseConfig } from '../../server/src/syntax';

describe('the line buffer', () => {
  it('cuts after every 1023 bytes while 1023 or more remain, counting UTF-8 bytes', () => {
    assert.deepEqual(lineCuts('a'.repeat(1022), 0, 1022), []);
    assert.deepEqual(lineCuts('a'.repeat(1023), 0, 1023), [1023]);
    assert.deepEqual(lineCuts('a'.repeat(1500), 0, 1500), [1023]);
    assert.deepEqual(lineCuts('a'.repeat(2046), 0, 2046), [1023, 2046]);
    // 341 characters of 3 bytes: 1023 bytes
    assert.deepEqual(lineCuts('中'.repeat(340), 0, 340), []);
    assert.deepEqual(lineCuts('中'.repeat(341), 0, 341), [341]);
    assert.deepEqual(lineCuts('中'.repeat(400), 0, 400), [341]);
  });

  it('finds exactly the lines of 1023 bytes or more', () => {
    const line = fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('a'.repeat(1022), 'a'.repeat(1023), 'é'.repeat(511), 'é'.repeat(512), '中'.repeat(341), '😀'.repeat(256)));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        const text = lines.join('\n');
        const long = text.split('\n').map((l, i) => [i, Buffer.byteLength(l)] as const).filter(([, bytes]) => bytes >= 1023);
        assert.equal(hasLongLine(text), long.length > 0);
        assert.equal([...longLines(text)].length, long.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the text after a cut as a statement of its own, where keepalived reads it', () => {
    const text = `global_defs {\n    router_id ${'x'.repeat(1100)}\n}\n`;
    const file = parseConfig(text);
    const inside = file.statements[0].block!.statements.map((s) => s.name);
    assert.deepEqual(inside, ['router_id', 'x'.repeat(1100 - (1023 - 'router_id '.length - 4))]);
    const tail = file.statements[0].block!.statements[1];
    assert.equal(tail.keyword.range.start.line, 1);
    assert.equal(tail.keyword.range.start.character, 1023);
  });
});
