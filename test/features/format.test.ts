import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { formatDocument, formatRange, formatSettings, formatText } from '../../server/src/features/format';
import { applyEdits, meaningOf } from './formatHelpers';

const CORPUS = '/work/shared/corpus/keepalived-samples';
const corpusFiles = readdirSync(CORPUS).filter((f) => f.startsWith('keepalived.conf')).map((f) => join(CORPUS, f));
const localFiles = ['examples/master.conf', 'examples/backup.conf', 'test/fixtures/seed/master.conf', 'test/fixtures/seed/backup.conf'];
const four = formatSettings({ indentWidth: 4, indentWidthSet: true });

test('every corpus and example file keeps its meaning and is stable under formatting', () => {
  assert.ok(corpusFiles.length >= 20);
  for (const path of [...corpusFiles, ...localFiles]) {
    const text = readFileSync(path, 'utf8');
    const once = formatText(text, four);
    assert.deepEqual(meaningOf(once), meaningOf(text), path);
    assert.deepEqual(meaningOf(once, 'high'), meaningOf(text, 'high'), `${path} with -i high`);
    assert.equal(formatText(once, four), once, `${path} formats to itself`);
    assert.equal(applyEdits(text, formatDocument(text, four)), once, `${path}: edits give the formatted text`);
  }
});

test('indentation follows nesting and the configured width; one statement per line', () => {
  const text = 'vrrp_instance VI_1 {\nstate MASTER\n      virtual_ipaddress { 192.0.2.1/24   dev eth0 }\n  track_script {\n chk   # main check\n}\n}\n';
  assert.equal(
    formatText(text, formatSettings({ indentWidth: 2, indentWidthSet: true })),
    'vrrp_instance VI_1 {\n  state MASTER\n  virtual_ipaddress {\n    192.0.2.1/24 dev eth0\n  }\n  track_script {\n    chk # main check\n  }\n}\n',
  );
  assert.equal(formatText('a {\nb\n}\n', formatSettings({ indentWidth: 4, indentWidthSet: false }, { insertSpaces: false })), 'a {\n\tb\n}\n');
});

test('comments and blank-line groups are kept; runs of blank lines shrink to one', () => {
  const text = '\n\n# header\n\nglobal_defs {\n   router_id A\n\n\n\n   # about scripts\n   script_user root\n}\n\n\n';
  assert.equal(formatText(text, four), '# header\n\nglobal_defs {\n    router_id A\n\n    # about scripts\n    script_user root\n}\n');
});

test('preprocessor lines are re-indented but never split', () => {
  const text = 'vrrp_instance X {\n@high priority 150 { }\n  $P=a { b }\n~SEQ(i,1,2) item$i\n  $Q=one \\\n two\n}\n';
  const out = formatText(text, four);
  assert.match(out, /\n {4}@high priority 150 \{ \}\n/);
  assert.match(out, /\n {4}\$P=a \{ b \}\n/);
  assert.match(out, /\n {8}two\n/);
  assert.deepEqual(meaningOf(out), meaningOf(text));
});

test('an escaped trailing blank is part of the word and stays', () => {
  const text = 'a b\\ \n';
  assert.equal(formatText(text, four), text);
});

test('range formatting touches only the lines of the range, with whole-document indentation', () => {
  const text = 'a {\nb {\nc\n}\nd\n}\n';
  const edits = formatRange(text, { start: { line: 2, character: 0 }, end: { line: 3, character: 1 } }, four);
  assert.deepEqual(edits.map((e) => e.range.start.line), [2, 3]);
  assert.equal(applyEdits(text, edits), 'a {\nb {\n        c\n    }\nd\n}\n');
});

test('CRLF files keep CRLF', () => {
  assert.equal(formatText('a {\r\nb\r\n}\r\n', four), 'a {\r\n    b\r\n}\r\n');
});

const word = fc.oneof(
  fc.constantFrom('vrrp_instance', 'state', 'MASTER', 'virtual_ipaddress', '192.0.2.1/24', 'weight', '-20', 'VI_1', 'eth0'),
  fc.stringMatching(/^[a-z0-9_.\/-]{1,6}$/),
  fc.constantFrom('"a b"', '"x{y}"', "'q r'", "'s{t'", 'a\\ b', 'q"uo"te', '"open', 'x\\', '$P', '${P}', 'a#b', 'c!d'),
);
const piece = fc.oneof(
  { weight: 6, arbitrary: word },
  { weight: 2, arbitrary: fc.constantFrom('{', '}') },
  { weight: 1, arbitrary: fc.constantFrom('# note', '! bang', '#') },
  { weight: 2, arbitrary: fc.constantFrom('\n', '\n\n', '\n\n\n', '\r\n') },
  { weight: 1, arbitrary: fc.constantFrom('\n$P=val\n', '\n$M=one \\\n  two { \\\n three\n', '\n@high ', '\n@^low ', '\n~SEQ(i,1,3) w$i\n', '\n  \t\n') },
);
const separator = fc.constantFrom(' ', '  ', '\t', '', ' \t ');
const generated = fc.array(fc.tuple(piece, separator), { maxLength: 60 }).map((parts) => parts.map(([p, s]) => p + s).join(''));

test('property: formatting generated input keeps its meaning and is idempotent', () => {
  fc.assert(
    fc.property(generated, fc.integer({ min: 1, max: 8 }), (text, width) => {
      const settings = formatSettings({ indentWidth: width, indentWidthSet: true });
      const once = formatText(text, settings);
      assert.deepEqual(meaningOf(once), meaningOf(text));
      assert.deepEqual(meaningOf(once, 'high'), meaningOf(text, 'high'));
      assert.equal(formatText(once, settings), once);
      assert.equal(applyEdits(text, formatDocument(text, settings)), once);
    }),
    { numRuns: 600 },
  );
});

test('a quote that $NAME leaves open to the end of the line keeps its trailing blanks (found by the property test)', () => {
  const text = "\n$P=val\n 's{t' ${P} ";
  const settings = formatSettings({ indentWidth: 1, indentWidthSet: true });
  const once = formatText(text, settings);
  assert.deepEqual(meaningOf(once), meaningOf(text));
  assert.equal(formatText(once, settings), once);
});

test('a quote left open before a CR LF keeps its meaning when a brace moves to the next line (found by the property test)', () => {
  const text = "\r\n x\\'q r' } ";
  const settings = formatSettings({ indentWidth: 1, indentWidthSet: true });
  const once = formatText(text, settings);
  assert.equal(once, "x\\'q r' \r\n}");
  assert.deepEqual(meaningOf(once), meaningOf(text));
});
