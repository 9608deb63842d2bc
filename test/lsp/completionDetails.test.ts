import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompletionRequest, CompletionResolveRequest, HoverRequest, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver-protocol';
import { keywordUsageSource, OUTPUT } from '../../scripts/keyword-usage';
import { LspTestClient, rangeOf, uriOf } from './lspClient';

/** Issue 18 items 8 and 10 over the real server: what completion offers, in which order, and hover's words. */

const dir = mkdtempSync(join(tmpdir(), 'ka-lsp-completion-'));
const path = join(dir, 'lb.conf');
const text = `vrrp_instance VI_1 {
    state BACKUP
    interface eth0
    virtual_router_id 51
    nopreempt
    virtual_ipaddress {
        192.0.2.10/24
    }

}

virtual_server_group WEB {

}

virtual_server 192.0.2.10 80 {
    lvs_sched wrr
    lb_kind DR
    protocol TCP
    real_server 192.0.2.21 80 {
        TCP_CHECK {
            retry 3

        }
    }

}
`;
let client: LspTestClient;

before(async () => {
  client = LspTestClient.start();
  await client.initialize(dir, {});
  await client.open(path, text);
  await client.waitFor('diagnostics', () => client.latest(path) !== undefined);
});
after(async () => {
  await client.stop();
});

/** The empty line after the first line that contains `needle`. */
function lineAfter(needle: string): Position {
  return { line: rangeOf(text, needle).end.line + 1, character: 0 };
}
const IN_INSTANCE = '        192.0.2.10/24\n    }';
const IN_GROUP = 'virtual_server_group WEB';
const IN_CHECKER = 'retry 3';
const IN_SERVICE = '        }\n    }';

async function complete(position: Position): Promise<CompletionItem[]> {
  const result = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uriOf(path) }, position });
  const items = Array.isArray(result) ? result : (result as CompletionList | null)?.items ?? [];
  return items.sort((a, b) => (a.sortText ?? String(a.label)).localeCompare(b.sortText ?? String(b.label)));
}
const labels = (items: CompletionItem[]) => items.map((i) => String(i.label));

test('a keyword written under one name is not offered under its other name, nor its opposite', async () => {
  const instance = labels(await complete(lineAfter(IN_INSTANCE)));
  assert.ok(!instance.includes('preempt'), 'preempt after nopreempt');
  assert.ok(instance.includes('priority') && instance.includes('track_script'), instance.join(' '));
  const service = labels(await complete(lineAfter(IN_SERVICE)));
  assert.ok(!service.includes('lb_algo') && !service.includes('lvs_method') && !service.includes('lvs_sched') && !service.includes('lb_kind'), service.join(' '));
  assert.ok(service.includes('delay_loop'));
  const checker = labels(await complete(lineAfter(IN_CHECKER)));
  assert.ok(!checker.includes('nb_get_retry') && !checker.includes('retry'), checker.join(' '));
  assert.ok(checker.includes('connect_timeout'));
});

test('a virtual_server_group offers its member forms, fwmark included, and the VIPs', async () => {
  const members = await complete(lineAfter(IN_GROUP));
  assert.deepEqual(labels(members), ['192.0.2.10', 'fwmark', 'IP PORT', 'IP-RANGE PORT']);
  assert.equal(members.find((m) => m.label === 'fwmark')!.textEdit!.newText, 'fwmark ${1:1}');
});

test('inside vrrp_instance, what configurations use most comes first, the rest alphabetically after', async () => {
  const names = labels(await complete(lineAfter(IN_INSTANCE)));
  // the first ones are those the corpus uses most and this instance lacks
  assert.deepEqual(names.slice(0, 4), ['virtual_ipaddress', 'priority', 'advert_int', 'authentication']);
  assert.ok(names.indexOf('track_script') < 10, `track_script at ${names.indexOf('track_script')}`);
  assert.ok(names.indexOf('track_script') < names.indexOf('garp_master_delay'));
  // deprecated names last
  assert.ok(names.indexOf('lvs_sync_daemon_interface') > names.indexOf('use_vmac'));
});

test('each scheduler and forwarding method says what it does', async () => {
  const schedulers = await complete({ line: rangeOf(text, 'lvs_sched wrr').start.line, character: 14 });
  // the list goes out without documentation; the editor resolves the item it shows
  const docOf = async (items: CompletionItem[], label: string) =>
    JSON.stringify((await client.connection.sendRequest(CompletionResolveRequest.type, items.find((i) => i.label === label)!)).documentation);
  assert.match(await docOf(schedulers, 'wrr'), /Weighted round robin/);
  assert.match(await docOf(schedulers, 'sh'), /hash of the client's address/);
  const methods = await complete({ line: rangeOf(text, 'lb_kind DR').start.line, character: 12 });
  assert.match(await docOf(methods, 'DR'), /Direct routing/);
  assert.match(await docOf(methods, 'TUN'), /tunnelling/);
  const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf(path) }, position: rangeOf(text, 'DR').start });
  assert.match(JSON.stringify(hover?.contents), /Direct routing/);
});

test('top-level snippets are offered at the top level only, each once', async () => {
  const top = labels(await complete({ line: text.split('\n').length - 1, character: 0 }));
  assert.ok(top.includes('vrrp_instance MASTER') && top.includes('virtual_server NAT'), top.join(' '));
  assert.equal(top.filter((l) => /^(vrrp_instance|global_defs)\b/.test(l)).length, 3, top.join(' '));
  const inside = labels(await complete(lineAfter(IN_INSTANCE)));
  assert.ok(!inside.some((l) => /^(vrrp_instance|virtual_server|global_defs|vrrp_script)\b/.test(l)), inside.join(' '));
});

test('hover on nopreempt says what keepalived does with an initial state MASTER', async () => {
  const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf(path) }, position: rangeOf(text, 'nopreempt').start });
  const value = JSON.stringify(hover?.contents);
  assert.match(value, /initial state must not be MASTER/);
  assert.doesNotMatch(value, /only with `state BACKUP`/);
});

test('the usage table completion ranks by is what scripts/keyword-usage.ts counts (npm run generate:keyword-usage)', () => {
  assert.equal(readFileSync(OUTPUT, 'utf8'), keywordUsageSource());
});
