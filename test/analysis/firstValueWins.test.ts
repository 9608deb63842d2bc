// Keywords keepalived reads once: set twice, it keeps the first and says it ignores the second
// (vrrp_parser.c: notify scripts, a sync group's member list). Everything else keeps the last value.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintTexts } from '../helpers/lint';

const INSTANCE = (lines: string) => `vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n${lines}    virtual_ipaddress {\n        192.0.2.10/24\n    }\n}\n`;

test('a notify script set twice: the message says keepalived keeps the first', () => {
  const found = lintTexts({ 'k.conf': INSTANCE('    notify_master "/bin/true"\n    notify_master "/bin/false"\n') });
  const duplicate = found.find((d) => d.code === 'duplicate-keyword');
  assert.equal(duplicate?.range.start.line, 4);
  assert.match(duplicate!.message, /ignores this one and keeps the first/);
});

test('priority set twice: the message says the last value wins', () => {
  const found = lintTexts({ 'k.conf': INSTANCE('    priority 100\n    priority 90\n') });
  assert.match(found.find((d) => d.code === 'duplicate-keyword')?.message ?? '', /keeps the last value/);
});

test("a sync group's members come from its first group block, as keepalived reads them", () => {
  const group = 'vrrp_sync_group G1 {\n    group {\n        VI_1\n        VI_2\n    }\n    group {\n        VI_9\n    }\n}\n';
  const second = INSTANCE('').replace('VI_1', 'VI_2').replace('51', '52').replace('192.0.2.10', '192.0.2.11');
  const found = lintTexts({ 'k.conf': INSTANCE('') + second + group });
  // VI_9 is in the skipped block: no unknown member; VI_1 and VI_2 make a group of two. The skip ends the
  // sync group at that block's '}', so keepalived reads the last '}' at the top level
  assert.deepEqual(found.filter((d) => d.code !== 'duplicate-keyword').map((d) => `${d.code} ${d.range.start.line + 1}`), ['extra-close-brace 23']);
  assert.equal(found.filter((d) => d.code === 'duplicate-keyword').length, 1);
});

test('state MASTER then BACKUP: the message says keepalived keeps MASTER, the role the director starts in', () => {
  const found = lintTexts({ 'k.conf': INSTANCE('    state MASTER\n    state BACKUP\n') });
  assert.match(found.find((d) => d.code === 'duplicate-keyword')?.message ?? '', /keeps MASTER and ignores this BACKUP/);
  // the other way round the last one wins, as for any other keyword
  const reversed = lintTexts({ 'k.conf': INSTANCE('    state BACKUP\n    state MASTER\n') });
  assert.match(reversed.find((d) => d.code === 'duplicate-keyword')?.message ?? '', /keeps the last value/);
});
