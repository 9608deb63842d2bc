import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CompletionItemTag, InsertTextFormat, type CompletionItem } from 'vscode-languageserver';
import { completion } from '../../server/src/features/completion';
import { positionOf, stateFor } from './state';

const CORPUS = '/work/shared/corpus/keepalived-samples';
const master = resolve('examples/master.conf');
const backup = resolve('examples/backup.conf');
const labels = (items: CompletionItem[]) => items.map((i) => i.label);

/** A copy of a fixture with one edit, so positions stand where a user would type. */
function edited(source: string, find: string, replace: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ka-completion-'));
  const path = join(dir, source.split('/').pop()!);
  writeFileSync(path, readFileSync(source, 'utf8').replace(find, replace));
  return path;
}

test('keywords offered are those of the block under the cursor, with docs and snippets for blocks', () => {
  const state = stateFor([master, backup]);
  const text = readFileSync(master, 'utf8');
  const inInstance = completion(state, master, positionOf(text, 'advert_int 1'));
  const names = labels(inInstance);
  assert.ok(names.includes('garp_master_delay') && names.includes('nopreempt') && names.includes('track_script'));
  assert.ok(!names.includes('lb_algo'), 'virtual_server keywords are not offered in vrrp_instance');
  assert.ok(!names.includes('priority') && !names.includes('virtual_router_id'), 'a one-off keyword already set is not offered again');
  // a keyword with a snippet of its own is offered once, as that snippet
  assert.equal(inInstance.filter((i) => i.filterText === 'track_script' || i.label === 'track_script').length, 1);
  const track = inInstance.find((i) => i.label === 'track_script')!;
  assert.equal(track.insertTextFormat, InsertTextFormat.Snippet);
  assert.equal(track.insertText, 'track_script {\n\t${1:chk_web}\n}$0');
  const sync = inInstance.find((i) => i.label === 'garp_master_delay')!;
  assert.match(JSON.stringify(sync.documentation), /MASTER/);

  const atTop = labels(completion(state, master, { line: 15, character: 0 }));
  assert.ok(atTop.includes('vrrp_instance MASTER') && atTop.includes('virtual_server DR') && !atTop.includes('state'));
  assert.ok(!atTop.includes('vrrp_instance'), 'the bare keyword would repeat its snippets');
  const group = completion(state, master, { line: 15, character: 0 }).find((i) => i.label === 'vrrp_sync_group')!;
  assert.equal(group.insertText, 'vrrp_sync_group ${1:VG_1} {\n\tgroup {\n\t\t${2:VI_1}\n\t\t${3:VI_2}\n\t}\n}$0');
  // top-level snippets are not offered inside a block
  assert.ok(!names.some((n) => /^(vrrp_instance|virtual_server|global_defs)\b/.test(String(n))), names.join(' '));

  const inRealServer = labels(completion(state, master, positionOf(text, 'weight 1')));
  assert.ok(inRealServer.includes('HTTP_GET') && inRealServer.includes('inhibit_on_failure') && !inRealServer.includes('lb_kind'));
});

test('deprecated keywords come last and carry the Deprecated tag', () => {
  const state = stateFor([master]);
  const items = completion(state, master, positionOf(readFileSync(master, 'utf8'), 'advert_int 1'));
  const deprecated = items.find((i) => i.label === 'lvs_sync_daemon_interface')!;
  assert.deepEqual(deprecated.tags, [CompletionItemTag.Deprecated]);
  const current = items.find((i) => i.label === 'garp_master_delay')!;
  assert.ok(deprecated.sortText! > current.sortText!);
});

test('enum, boolean and interface values', () => {
  const state = stateFor([master, backup]);
  const text = readFileSync(master, 'utf8');
  assert.deepEqual(labels(completion(state, master, positionOf(text, 'state MASTER', 6))), ['MASTER', 'BACKUP']);
  assert.deepEqual(labels(completion(state, master, positionOf(text, 'lb_algo rr', 8))), ['rr', 'wrr', 'lc', 'wlc', 'lblc', 'sh', 'mh', 'dh', 'fo', 'ovf', 'lblcr', 'sed', 'nq', 'twos']);
  assert.deepEqual(labels(completion(state, master, positionOf(text, 'lb_kind DR', 8))), ['NAT', 'DR', 'TUN']);
  assert.deepEqual(labels(completion(state, master, positionOf(text, 'auth_type PASS', 10))), ['PASS', 'AH']);
  assert.deepEqual(labels(completion(state, master, positionOf(text, 'interface eth0', 10))), ['eth0']);
  const smtp = edited(master, 'advert_int 1', 'advert_int 1\n    smtp_alert ');
  const items = completion(stateFor([smtp]), smtp, positionOf(readFileSync(smtp, 'utf8'), 'smtp_alert ', 11));
  assert.deepEqual(labels(items).sort(), ['false', 'no', 'off', 'on', 'true', 'yes']);
});

test('names defined elsewhere where a reference is expected', () => {
  const localcheck = join(CORPUS, 'keepalived.conf.vrrp.localcheck');
  const text = readFileSync(localcheck, 'utf8');
  const state = stateFor([localcheck]);
  // the line being typed is cleared: every script but those tracked on the other lines is offered
  const typing = edited(localcheck, '       chk_http_port\n', '       \n');
  const items = completion(stateFor([typing]), typing, { line: 57, character: 7 });
  const names = labels(items);
  assert.deepEqual(names, ['chk_http_port'], 'names already tracked in the block are left out');
  assert.ok(labels(completion(state, localcheck, positionOf(text, 'chk_http_port\n'))).includes('chk_http_port'));
  assert.match(items[0].detail!, /vrrp_script/);

  const sync = join(CORPUS, 'keepalived.conf.vrrp.sync');
  const members = labels(completion(stateFor([sync]), sync, positionOf(readFileSync(sync, 'utf8'), 'VI_3\n', 0, 0)));
  assert.ok(members.includes('VI_3') && members.includes('VI_9') && !members.includes('VI_4'));
  // a second member on the line of another: that one is listed already
  const twoOnALine = edited(sync, 'VI_3\n', 'VI_3 \n');
  const afterFirst = labels(completion(stateFor([twoOnALine]), twoOnALine, positionOf(readFileSync(twoOnALine, 'utf8'), 'VI_3 \n', 'VI_3 '.length)));
  assert.ok(!afterFirst.includes('VI_3') && afterFirst.includes('VI_9'), afterFirst.join(', '));

  const vsg = join(CORPUS, 'keepalived.conf.virtual_server_group');
  const groups = labels(completion(stateFor([vsg]), vsg, positionOf(readFileSync(vsg, 'utf8'), 'virtual_server group VSG_1', 21)));
  assert.ok(groups.includes('VSG_1'));
});

test("a block keyword being typed, its '{' not yet: its arguments are offered on its line, its keywords on the next", () => {
  // keepalived opens the block without the '{' (the lines after go into it), but the keyword's line is still its own
  const typing = edited(master, 'vrrp_instance', 'virtual_server \nvrrp_instance');
  const state = stateFor([typing]);
  const text = readFileSync(typing, 'utf8');
  const afterKeyword = labels(completion(state, typing, positionOf(text, 'virtual_server ', 'virtual_server '.length)));
  assert.ok(afterKeyword.includes('group') && afterKeyword.includes('fwmark'), afterKeyword.join(', '));
  const group = edited(master, 'vrrp_instance', 'virtual_server group \nvrrp_instance');
  const groupText = readFileSync(group, 'utf8');
  assert.ok(!labels(completion(stateFor([group]), group, positionOf(groupText, 'virtual_server group ', 'virtual_server group '.length))).includes('lb_algo'));
});

test('keywords the target release does not know yet are not offered', () => {
  const text = readFileSync(master, 'utf8');
  const inInstance = (keepalivedVersion?: string) => labels(completion(stateFor([master], undefined, { keepalivedVersion }), master, positionOf(text, 'advert_int 1')));
  assert.ok(inInstance().includes('auth_hmac') && inInstance('2.4.3').includes('auth_hmac'));
  assert.ok(!inInstance('2.2.7').includes('auth_hmac'), 'auth_hmac came with 2.4.0');
  // the unicast peers snippet is typed as unicast_peer: unicast_src_ip keeps an item of its own
  assert.ok(inInstance().includes('unicast_src_ip') && inInstance().includes('unicast peers'));
  assert.ok(inInstance('2.2.7').includes('track_process'));
});

test('VIPs and interfaces used elsewhere in the cluster, and $ parameters', () => {
  const copy = edited(backup, '        192.168.18.200\n', '        \n');
  // the copy is in another directory: peers there are compared (and completed from) when declared
  const state = stateFor([master, copy], undefined, { clusters: [[master, copy]] });
  const text = readFileSync(copy, 'utf8');
  const at = positionOf(text, 'virtual_ipaddress {\n', 'virtual_ipaddress {\n'.length + 8);
  assert.deepEqual(labels(completion(state, copy, at)), ['192.168.18.200']);

  const params = edited(master, 'priority 100', 'priority $PRIO');
  writeFileSync(params, '$PRIO=150\n' + readFileSync(params, 'utf8'));
  const items = completion(stateFor([params]), params, positionOf(readFileSync(params, 'utf8'), '$PRIO', 2, 1));
  // the file's own parameters, then those keepalived defines itself (the newest only for a release that has them)
  assert.deepEqual(labels(items), ['$PRIO', '${_PWD}', '${_INSTANCE}', '${_RANDOM MIN MAX}', '${_ENV NAME}', '${_HASH}', '${_BANG}']);
  assert.match(JSON.stringify(items[0].documentation), /PRIO=150/);
  const env = items.find((i) => i.label === '${_ENV NAME}');
  assert.deepEqual([env?.textEdit && 'newText' in env.textEdit ? env.textEdit.newText : undefined, env?.insertTextFormat], ['\\${_ENV ${1:NAME}}', InsertTextFormat.Snippet]);
  const older = completion(stateFor([params], undefined, { keepalivedVersion: '2.1.3' }), params, positionOf(readFileSync(params, 'utf8'), '$PRIO', 2, 1));
  assert.deepEqual(labels(older), ['$PRIO', '${_PWD}', '${_INSTANCE}', '${_RANDOM MIN MAX}']);
});

test('nothing is offered inside a comment', () => {
  const seed = resolve('test/fixtures/seed/master.conf');
  const text = readFileSync(seed, 'utf8');
  assert.deepEqual(completion(stateFor([seed]), seed, positionOf(text, '# global_defs', 5)), []);
});
