import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { CodeLensRequest, HoverRequest, InlayHintRequest, type InitializeResult } from 'vscode-languageserver-protocol';
import { FAILOVER_TABLE_REQUEST, SHOW_FAILOVER_TABLE } from '../../server/src/features/failoverCommand';
import { LspTestClient, rangeOf, uriOf } from './lspClient';

/** The failover hover, code lens and inlay hints over the real server's stdio, on a two-director cluster. */

const config = (state: string, priority: number) => `vrrp_script chk_web {
    script "/usr/bin/true"
    interval 1
    weight -30
}
vrrp_script chk_db {
    script "/usr/bin/true"
    weight -5
}
vrrp_instance VI_1 {
    state ${state}
    interface eth0
    virtual_router_id 51
    priority ${priority}
    advert_int 1
    virtual_ipaddress {
        192.168.18.100/24
    }
    track_script {
        chk_web
        chk_db
    }
}
`;

const dir = mkdtempSync(join(tmpdir(), 'ka-lsp-failover-'));
const master = join(dir, 'lvs-master.conf');
const backup = join(dir, 'lvs-backup.conf');
const masterText = config('MASTER', 150);
const backupText = config('BACKUP', 130);
writeFileSync(master, masterText);
writeFileSync(backup, backupText);

let client: LspTestClient;
let init: InitializeResult;
const doc = (path: string) => ({ textDocument: { uri: uriOf(path) } });

before(async () => {
  client = LspTestClient.start();
  init = await client.initialize(dir, { workspace: { workspaceFolders: true } });
  await client.open(master, masterText);
  await client.open(backup, backupText);
  await client.waitFor('diagnostics for master', () => client.latest(master) !== undefined);
});

after(async () => {
  await client.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('the server announces code lenses and inlay hints', () => {
  assert.ok(init.capabilities.codeLensProvider);
  assert.ok(init.capabilities.inlayHintProvider);
});

test('hover on vrrp_instance shows the failover table: chk_db down leaves the VIP on the master, chk_web moves it', async () => {
  const hover = await client.connection.sendRequest(HoverRequest.type, { ...doc(master), position: rangeOf(masterText, 'vrrp_instance').start });
  const value = (hover!.contents as { value: string }).value;
  assert.match(value, /script chk_web down on lvs-master\.conf \| 120 +\| 130 +\| lvs-backup\.conf/);
  assert.match(value, /script chk_db down on lvs-master\.conf +\| 145 +\| 130 +\| lvs-master\.conf/);
  assert.match(value, /lvs-master\.conf stopped +\| STOPPED +\| 130 +\| lvs-backup\.conf/);
});

test('a code lens above the instance summarises it and opens the full table', async () => {
  const lenses = await client.connection.sendRequest(CodeLensRequest.type, doc(master));
  const lens = lenses!.find((l) => l.command?.command === SHOW_FAILOVER_TABLE);
  assert.ok(lens, JSON.stringify(lenses));
  assert.equal(lens.range.start.line, rangeOf(masterText, 'vrrp_instance').start.line);
  assert.equal(lens.command!.title, 'failover: script chk_db down: VIP stays on lvs-master.conf');
  const table = await client.connection.sendRequest<{ markdown: string | null }>(FAILOVER_TABLE_REQUEST, { uri: lens.command!.arguments![0], instance: lens.command!.arguments![1] });
  assert.match(table.markdown!, /# Failover of vrrp_instance VI_1/);
  assert.match(table.markdown!, /eth0 down on lvs-master\.conf +\| FAULT/);
});

test('inlay hints after each tracked script give the priority its failure leaves and the VIP holder', async () => {
  const hints = await client.connection.sendRequest(InlayHintRequest.type, { ...doc(master), range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } } });
  const byLine = new Map(hints!.map((h) => [h.position.line, typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')]));
  assert.equal(byLine.get(rangeOf(masterText, '        chk_web').start.line), ' down → priority 120, VIP on lvs-backup.conf');
  assert.equal(byLine.get(rangeOf(masterText, '        chk_db').start.line), ' down → priority 145, VIP on lvs-master.conf');
});

test('a config in no cluster gets no failover lens or hint', async () => {
  const alone = join(mkdtempSync(join(tmpdir(), 'ka-lsp-alone-')), 'alone.conf');
  const text = config('MASTER', 150).replace('virtual_router_id 51', 'virtual_router_id 99').replace('192.168.18.100', '10.9.9.9').replace('VI_1', 'OTHER');
  writeFileSync(alone, text);
  await client.open(alone, text);
  const lenses = await client.connection.sendRequest(CodeLensRequest.type, doc(alone));
  assert.deepEqual((lenses ?? []).filter((l) => l.command?.command === SHOW_FAILOVER_TABLE), []);
});

test('an edit to a priority updates the lens (the model is not kept past a change to its instances)', async () => {
  await client.edit(master, rangeOf(masterText, 'priority 150'), 'priority 125');
  const lenses = await client.connection.sendRequest(CodeLensRequest.type, doc(master));
  const lens = lenses!.find((l) => l.command?.command === SHOW_FAILOVER_TABLE)!;
  // chk_db on the backup now leaves it at 125, equal to the master's: a tie never preempts
  assert.equal(lens.command!.title, 'failover: script chk_db down: VIP stays on lvs-backup.conf');
});

test('hover on vrrp_sync_group shows the table of each member', async () => {
  const group = (priority: number) => `vrrp_sync_group G {
    group {
        SG_A
        SG_B
    }
}
${['SG_A', 'SG_B'].map((name, i) => `vrrp_instance ${name} {
    interface eth0
    virtual_router_id ${61 + i}
    priority ${priority}
    virtual_ipaddress {
        10.1.1.${1 + i}
    }
}
`).join('')}`;
  const one = join(dir, 'sg-one.conf');
  const two = join(dir, 'sg-two.conf');
  await client.open(one, group(200));
  await client.open(two, group(100));
  const hover = await client.connection.sendRequest(HoverRequest.type, { ...doc(one), position: { line: 0, character: 3 } });
  const value = (hover!.contents as { value: string }).value;
  assert.match(value, /vrrp_instance SG_A \(sync group G\)/);
  assert.match(value, /vrrp_instance SG_B \(sync group G\)/);
  assert.match(value, /^sg-one\.conf stopped +\| STOPPED +\| 100 +\| sg-two\.conf$/m);
});
