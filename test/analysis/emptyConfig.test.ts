// A main config that declares nothing is linted as a warning (deploying it stops a director serving);
// a config with any statement, even global_defs alone, is not.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { codes, lintTexts } from '../helpers/lint';

test('an empty or comments-only main config: one empty-config warning at its start', () => {
  for (const text of ['', '# to be written\n! later\n\n']) {
    const found = lintTexts({ 'main.conf': text });
    assert.deepEqual(codes(found), ['empty-config'], JSON.stringify(found));
    assert.equal(found[0].severity, 'warning');
    assert.deepEqual(found[0].range.start, { line: 0, character: 0 });
  }
});

test('twins: global_defs alone, or an include of a comments-only file, are not flagged', () => {
  assert.deepEqual(codes(lintTexts({ 'main.conf': 'global_defs {\n    router_id A\n}\n' })), []);
  const found = lintTexts({ 'main.conf': 'include part.conf\n', 'part.conf': '# empty part\n' }, { lint: ['main.conf'] });
  assert.equal(codes(found).includes('empty-config'), false, JSON.stringify(found));
});
