import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HoverRequest } from 'vscode-languageserver-protocol';
import { shouldBeKeepalived } from '../../client/src/recognise';
import { maskTemplate } from '../../server/src/syntax/template';
import { FIXTURES, EXAMPLES } from '../helpers/paths';
import { LspTestClient, rangeOf, uriOf } from './lspClient';

/** Issue 18 item 9: Jinja templates of keepalived configs, and files VS Code would open as something else. */

const template = readFileSync(join(FIXTURES, 'templates/keepalived.conf.j2'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'ka-j2-'));
let client: LspTestClient;

before(async () => {
  client = LspTestClient.start();
  await client.initialize(dir, {});
});
after(async () => {
  await client.stop();
});

test('an Ansible keepalived.conf.j2 template has no finding about the values its variables fill in', async () => {
  const path = join(dir, 'roles/lb/templates/keepalived.conf.j2');
  await client.open(path, template);
  await client.waitFor('diagnostics of the template', () => client.latest(path) !== undefined);
  assert.deepEqual(client.latest(path)!.diagnostics.map((d) => `${d.range.start.line + 1}: ${d.message}`), []);
  // hover still works on its literal keywords
  const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf(path) }, position: rangeOf(template, 'delay_loop').start });
  assert.match(JSON.stringify(hover?.contents), /delay_loop/);
});

test('a template still gets the findings about its literal text', async () => {
  const path = join(dir, 'broken/keepalived.conf.j2');
  const broken = template.replace('lb_kind DR', 'lb_kind DRR').replace('advert_int 1', 'advert_int x');
  await client.open(path, broken);
  await client.waitFor('diagnostics of the broken template', () => (client.latest(path)?.diagnostics.length ?? 0) >= 2);
  const lines = client.latest(path)!.diagnostics.map((d) => d.range.start.line);
  assert.ok(lines.includes(rangeOf(broken, 'lb_kind DRR').start.line), JSON.stringify(client.latest(path)));
  assert.ok(lines.includes(rangeOf(broken, 'advert_int x').start.line), JSON.stringify(client.latest(path)));
});

test('the template mask keeps every offset, and keeps only the first branch of an if', () => {
  const masked = maskTemplate(template);
  assert.equal(masked.length, template.length);
  assert.deepEqual([...masked.matchAll(/\n/g)].map((m) => m.index), [...template.matchAll(/\n/g)].map((m) => m.index));
  assert.match(masked, /state MASTER/);
  assert.doesNotMatch(masked, /state BACKUP/);
  assert.doesNotMatch(masked, /\{\{|\{%/);
});

test('files opened as Properties or plain text switch to Keepalived by name, cluster file or content', () => {
  const master = readFileSync(join(EXAMPLES, 'master.conf'), 'utf8');
  const none = new Set<string>();
  const cases: [string, string, string, boolean][] = [
    ['properties', '/srv/repo/examples/master.conf', master, true],
    ['properties', '/etc/conf.d/lb.conf', master, true],
    ['properties', '/srv/keepalived-lb1.conf', '', true],
    ['plaintext', '/srv/samples/keepalived.conf.SMTP_CHECK', '', true],
    ['plaintext', '/srv/roles/lb/templates/keepalived.conf.j2', '', true],
    ['plaintext', '/srv/roles/lb/templates/lb.conf.j2', template, true],
    ['properties', '/etc/nginx/conf.d/site.conf', 'server {\n  listen 80;\n}\n', false],
    ['properties', '/etc/sysctl.conf', 'net.ipv4.ip_forward = 1\n', false],
    // a language the user or another extension chose stays
    ['nginx', '/srv/keepalived-lb1.conf', master, false],
  ];
  for (const [languageId, path, text, expected] of cases) {
    assert.equal(shouldBeKeepalived({ languageId, path, text }, none), expected, `${languageId} ${path}`);
  }
  assert.equal(shouldBeKeepalived({ languageId: 'properties', path: '/srv/site/lb-a.conf', text: '' }, new Set(['/srv/site/lb-a.conf'])), true);
});
