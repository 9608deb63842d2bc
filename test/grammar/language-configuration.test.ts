import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const config = JSON.parse(readFileSync(new URL('../../language-configuration.json', import.meta.url), 'utf8'));
const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

test('the language contribution points at this configuration', () => {
  const language = manifest.contributes.languages.find((l: { id: string }) => l.id === 'keepalived');
  assert.equal(language.configuration, './language-configuration.json');
});

test('comment toggling uses #, braces are brackets and auto-close', () => {
  assert.equal(config.comments.lineComment, '#');
  assert.deepEqual(config.brackets, [['{', '}']]);
  assert.ok(config.autoClosingPairs.some((p: { open: string; close: string }) => p.open === '{' && p.close === '}'));
  assert.ok(config.surroundingPairs.some((p: string[]) => p[0] === '"' && p[1] === '"'));
});

test('indentation grows after an opening brace and shrinks at a closing one', () => {
  const increase = new RegExp(config.indentationRules.increaseIndentPattern);
  const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);
  for (const line of ['vrrp_instance VI_1 {', '    real_server 10.0.0.1 80 {  # web-1', 'global_defs {']) assert.match(line, increase);
  for (const line of ['    virtual_ipaddress { 10.0.0.10/24 }', '# a { in a comment', '    script "echo {"', '    state MASTER']) {
    assert.doesNotMatch(line, increase, line);
  }
  assert.match('    }', decrease);
  assert.doesNotMatch('    priority 100', decrease);
});

test('folding regions use # region / # endregion and a word covers a whole address', () => {
  assert.match('  # region directors', new RegExp(config.folding.markers.start));
  assert.match('# endregion', new RegExp(config.folding.markers.end));
  const word = new RegExp(config.wordPattern, 'g');
  assert.deepEqual('    virtual_ipaddress { 192.0.2.10/24 }'.match(word), ['virtual_ipaddress', '192.0.2.10/24']);
});
