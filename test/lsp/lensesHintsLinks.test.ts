import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CodeLensRequest,
  DidChangeConfigurationNotification,
  DocumentLinkRequest,
  InlayHintRequest,
  type CodeLens,
  type InlayHint,
} from 'vscode-languageserver-protocol';
import { clusterConfigLinks } from '../../server/src/deploy/clusterLinks';
import { EXAMPLES } from '../helpers/paths';
import { LspTestClient, rangeOf, uriOf } from './lspClient';

/** Issue 18 items 3, 4 and 5 over the real server: document links, code lenses, inlay hints. */

const dir = mkdtempSync(join(tmpdir(), 'ka-lsp-lens-'));
const master = join(dir, 'master.conf');
const backup = join(dir, 'backup.conf');
const masterText =
  readFileSync(join(EXAMPLES, 'master.conf'), 'utf8').replace('    advert_int 1\n', '') +
  `
include conf.d/*.conf
vrrp_script chk_web {
    script "/etc/keepalived/scripts/check_web.sh --quiet"
    interval 2
}
$PORT=8080
~SEQ(n, 1, 3) vrrp_script chk_$n { script "/usr/bin/true" }
virtual_server 192.168.18.200 $PORT {
    real_server 192.168.18.201 $PORT {
    }
}
`;
// the backup's HTTP service weighs its first real server differently: one line differs
const backupText = readFileSync(join(EXAMPLES, 'backup.conf'), 'utf8').replace('weight 1', 'weight 2');
mkdirSync(join(dir, 'conf.d'));
mkdirSync(join(dir, 'scripts'));
writeFileSync(join(dir, 'conf.d/a.conf'), '# a\n');
writeFileSync(join(dir, 'conf.d/b.conf'), '# b\n');
writeFileSync(join(dir, 'scripts/check_web.sh'), '#!/bin/sh\nexit 0\n');
writeFileSync(master, masterText);
writeFileSync(backup, backupText);
writeFileSync(
  join(dir, 'keepalived-cluster.json'),
  JSON.stringify({ directors: [{ name: 'lvs-master', host: '192.0.2.1', config: 'master.conf' }, { name: 'lvs-slave', host: '192.0.2.2', config: 'backup.conf' }] }, null, 2),
);

let client: LspTestClient;
const doc = (path: string) => ({ textDocument: { uri: uriOf(path) } });

before(async () => {
  client = LspTestClient.start();
  await client.initialize(dir, { workspace: { workspaceFolders: true } });
  await client.open(master, masterText);
  await client.open(backup, backupText);
  await client.waitFor('diagnostics for master', () => client.latest(master) !== undefined);
});
after(async () => {
  await client.stop();
});

test('document links: every match of an include glob, and a script that exists beside the config', async () => {
  const links = await client.connection.sendRequest(DocumentLinkRequest.type, doc(master));
  const targets = (links ?? []).map((l) => l.target);
  assert.deepEqual(
    targets.filter((t) => t?.includes('conf.d')),
    [uriOf(join(dir, 'conf.d/a.conf')), uriOf(join(dir, 'conf.d/b.conf'))],
  );
  // /etc/keepalived/scripts/check_web.sh is found at scripts/check_web.sh beside the config; the link covers the path only
  const script = links!.find((l) => l.target === uriOf(join(dir, 'scripts/check_web.sh')))!;
  assert.deepEqual(script.range, rangeOf(masterText, '/etc/keepalived/scripts/check_web.sh'));
  // /usr/bin/true exists, but outside the workspace: no link
  assert.ok(!targets.some((t) => t?.endsWith('/usr/bin/true')), JSON.stringify(targets));
});

test('document links of keepalived-cluster.json: each director\'s config', () => {
  const text = readFileSync(join(dir, 'keepalived-cluster.json'), 'utf8');
  const links = clusterConfigLinks(text, dir);
  assert.deepEqual(links.map((l) => [text.slice(l.start, l.end), l.path]), [['master.conf', master], ['backup.conf', backup]]);
});

test('code lens: the peer\'s state and priority above the instance, with a jump; same or differs above each service', async () => {
  const masterLenses = (await client.connection.sendRequest(CodeLensRequest.type, doc(master))) as CodeLens[];
  const instance = masterLenses.find((l) => l.range.start.line === rangeOf(masterText, 'vrrp_instance VI_1').start.line)!;
  assert.equal(instance.command!.title, 'BACKUP in backup.conf · priority 90');
  assert.equal(instance.command!.command, 'keepalived.openPeer');
  assert.deepEqual(instance.command!.arguments, [uriOf(backup), rangeOf(backupText, 'vrrp_instance')]);

  const http = masterLenses.find((l) => l.range.start.line === rangeOf(masterText, 'virtual_server 192.168.18.200 80').start.line)!;
  assert.equal(http.command!.title, 'differs on lvs-slave: 2 lines');
  assert.equal(http.command!.command, 'keepalived.diffBlocks');
  assert.deepEqual(http.command!.arguments!.map((a: { label: string }) => a.label), ['master.conf', 'backup.conf']);
  const alt = masterLenses.find((l) => l.range.start.line === rangeOf(masterText, 'virtual_server 192.168.18.200 $PORT').start.line)!;
  assert.equal(alt.command!.title, 'not on lvs-slave');

  const backupLenses = (await client.connection.sendRequest(CodeLensRequest.type, doc(backup))) as CodeLens[];
  assert.ok(backupLenses.some((l) => l.command?.title === 'MASTER in master.conf · priority 100'), JSON.stringify(backupLenses));
});

test('code lens: an identical service says "same on" and the director\'s name from the cluster file', async () => {
  const sameText = backupText.replace('weight 2', 'weight 1');
  const same = join(dir, 'backup.conf');
  await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uriOf(same), version: 2 }, contentChanges: [{ text: sameText }] });
  await client.waitFor('re-analysis', () => client.published.filter((p) => p.uri === uriOf(master)).length >= 2, 10_000).catch(() => undefined);
  const lenses = (await client.connection.sendRequest(CodeLensRequest.type, doc(master))) as CodeLens[];
  assert.ok(lenses.some((l) => l.command?.title === 'same on lvs-slave'), JSON.stringify(lenses.map((l) => l.command?.title)));
});

test('inlay hints: the defaults an instance leaves to keepalived, and what $NAME and ~SEQ expand to; off by kind', async () => {
  const range = { start: { line: 0, character: 0 }, end: { line: masterText.split('\n').length, character: 0 } };
  const hints = (await client.connection.sendRequest(InlayHintRequest.type, { ...doc(master), range })) as InlayHint[];
  const labels = hints.map((h) => `${h.position.line}:${h.label}`);
  const instanceLine = rangeOf(masterText, 'vrrp_instance VI_1').start.line;
  // advert_int was removed; priority and preempt: priority is set, nopreempt is not
  assert.ok(labels.includes(`${instanceLine}:advert_int 1 · preempt`), labels.join('\n'));
  const portUse = rangeOf(masterText, 'virtual_server 192.168.18.200 $PORT').start.line;
  assert.ok(labels.includes(`${portUse}:= 8080`), labels.join('\n'));
  const seq = rangeOf(masterText, '~SEQ').start.line;
  assert.ok(labels.includes(`${seq}:→ 3 lines: vrrp_script chk_1 | vrrp_script chk_2 | vrrp_script chk_3`), labels.join('\n'));

  await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { keepalived: { inlayHints: { defaults: false, expansions: true } } } });
  const fewer = (await client.connection.sendRequest(InlayHintRequest.type, { ...doc(master), range })) as InlayHint[];
  assert.ok(!fewer.some((h) => String(h.label).includes('preempt')), JSON.stringify(fewer));
  assert.ok(fewer.some((h) => h.label === '= 8080'));
});
