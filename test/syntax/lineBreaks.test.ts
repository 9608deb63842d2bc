// Positions follow LSP: CR LF, LF and a lone CR each end a line. An edited index must equal a fresh one,
// also where an edit joins or splits a CR LF pair.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { LineIndex } from '../../server/src/syntax/position';

const lineStarts = (index: LineIndex) => Array.from({ length: index.lineCount }, (_, line) => index.lineStart(line));

test('a lone CR, a LF and a CR LF each end one line', () => {
  const index = new LineIndex('a\rb\nc\r\nd');
  assert.deepEqual(lineStarts(index), [0, 2, 4, 7]);
  assert.deepEqual(index.positionAt(7), { line: 3, character: 0 });
});

test('property: an edited index equals the index of the edited text', () => {
  const text = fc.array(fc.constantFrom('a', ' ', '\r', '\n', '\r\n'), { maxLength: 30 }).map((parts) => parts.join(''));
  fc.assert(
    fc.property(text, text, fc.nat(), fc.nat(), (before, inserted, a, b) => {
      const from = Math.min(a, b) % (before.length + 1);
      const oldTo = Math.max(from, Math.max(a, b) % (before.length + 1));
      const after = before.slice(0, from) + inserted + before.slice(oldTo);
      const edited = new LineIndex(before).edited(after, from, oldTo, from + inserted.length);
      assert.deepEqual(lineStarts(edited), lineStarts(new LineIndex(after)));
    }),
    { numRuns: 3000 },
  );
});
