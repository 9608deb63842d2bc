// The language server never waits on the disk on its only thread, and answers a request its client cancelled
// with RequestCancelled (issue 14, items 9 and 11).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import { LiveState } from '../../server/src/lsp/liveState';
import { LspTestClient, uriOf } from '../lsp/lspClient';
import { stopWithin } from './bounds';

const dir = mkdtempSync(join(tmpdir(), 'ka-nonblocking-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const GLOBAL = 'global_defs {\n    router_id lvs1\n}\n';

/** Event-loop turns taken while `work` was pending: 0 when it held the thread until it finished. */
async function turnsDuring<T>(work: () => Promise<T>): Promise<{ result: T; turns: number }> {
  let turns = 0;
  let pending = true;
  const spin = () => {
    if (!pending) return;
    turns++;
    setImmediate(spin);
  };
  setImmediate(spin);
  const result = await work();
  pending = false;
  return { result, turns };
}

// the included scripts are tracked by no instance here, which keepalived warns about (ineffective-setting): beside the point
const codesOf = (state: LiveState, path: string) => (state.analysis().diagnostics.get(path) ?? []).map((d) => d.code).filter((c) => c !== 'ineffective-setting');

describe('the server reads included files without blocking its thread', () => {
  const folder = mkdtempSync(join(dir, 'ws-'));
  const main = join(folder, 'keepalived.conf');
  mkdirSync(join(folder, 'conf.d'));
  writeFileSync(join(folder, 'conf.d/a.conf'), 'vrrp_script chk_a {\n    script "/bin/true"\n    interval 2\n}\n');
  writeFileSync(join(folder, 'conf.d/b.conf'), 'vrrp_script chk_b {\n    script "/bin/true"\n    no_such_keyword 1\n}\n');
  const state = new LiveState();
  state.folders = [folder];

  test('an include glob and /dev/zero: every finding once settled, and the thread turned while reading', async () => {
    state.openDocument(main, `${GLOBAL}include conf.d/*.conf\ninclude /dev/zero\n`);
    const { result, turns } = await turnsDuring(() => state.settle());
    assert.ok(turns >= 10, `only ${turns} event-loop turns while ~8 MiB of /dev/zero and two includes were read`);
    assert.ok(result.units.some((unit) => unit.files.includes(join(folder, 'conf.d/a.conf'))));
    assert.deepEqual(codesOf(state, join(folder, 'conf.d/b.conf')), ['unknown-keyword']);
    assert.deepEqual(codesOf(state, main), ['unreadable-include']);
  });

  test('a file appearing where the glob looks is read once the server hears of it', async () => {
    const added = join(folder, 'conf.d/c.conf');
    writeFileSync(added, 'vrrp_script chk_c {\n    script "/bin/true"\n    weight 300\n}\n');
    state.fileChangedOnDisk(added, 'created');
    await state.settle();
    assert.ok(codesOf(state, added).length > 0, 'the new include was not analysed');
  });

  test('an included file edited on disk is read again', async () => {
    const edited = join(folder, 'conf.d/b.conf');
    writeFileSync(edited, 'vrrp_script chk_b {\n    script "/bin/true"\n}\n');
    state.fileChangedOnDisk(edited, 'changed');
    await state.settle();
    assert.deepEqual(codesOf(state, edited), []);
  });
});

describe('cluster files and lint configs come through the same read-ahead', () => {
  test('a declared pair with different VRIDs is compared, and the lint config turns a rule off', async () => {
    const folder = mkdtempSync(join(dir, 'cluster-'));
    const director = (state: string, priority: number, vrid: number) =>
      `vrrp_instance VI_1 {\n    state ${state}\n    interface eth0\n    virtual_router_id ${vrid}\n    priority ${priority}\n    virtual_ipaddress {\n        192.0.2.10/24\n    }\n}\n`;
    writeFileSync(join(folder, 'a.conf'), director('MASTER', 100, 51));
    writeFileSync(join(folder, 'b.conf'), director('BACKUP', 90, 52));
    writeFileSync(join(folder, 'keepalived-cluster.json'), JSON.stringify({ directors: [{ name: 'a', host: '192.0.2.1', config: 'a.conf' }, { name: 'b', host: '192.0.2.2', config: 'b.conf' }] }));
    writeFileSync(join(folder, '.keepalived-lint.json'), JSON.stringify({ rules: { 'cluster-priority-tie': 'off' } }));
    const state = new LiveState();
    state.folders = [folder];
    state.setSettings(state.settings());
    state.setDiscovered([join(folder, 'a.conf'), join(folder, 'b.conf')]);
    await state.settle();
    assert.ok(codesOf(state, join(folder, 'b.conf')).includes('cluster-vrid-mismatch'), codesOf(state, join(folder, 'b.conf')).join());
    assert.equal(state.lintConfigs.forFile(join(folder, 'a.conf')).rules['cluster-priority-tie'], 'off');
    assert.equal(state.directorName(join(folder, 'b.conf')), 'b');
  });
});

describe('over stdio, a cancelled request gets RequestCancelled', () => {
  test('a hover cancelled while the server is busy analysing a large config', async () => {
    const folder = mkdtempSync(join(dir, 'cancel-'));
    const main = join(folder, 'keepalived.conf');
    const servers = Array.from({ length: 3000 }, (_, i) => `virtual_server 10.0.${i >> 8}.${i & 255} 80 {\n    lb_algo rr\n    lb_kind DR\n    protocol TCP\n    real_server 10.1.0.1 80 {\n        weight 1\n    }\n}\n`);
    const client = LspTestClient.start();
    try {
      await client.initialize(folder, {}, { settings: { validation: { debounceMs: 0 } } });
      await client.open(main, `${GLOBAL}${servers.join('')}`);
      const position = { line: 4, character: 6 };
      const source = new CancellationTokenSource();
      const cancelled = client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(main) }, position }, source.token);
      source.cancel();
      await assert.rejects(cancelled, (error: unknown) => error instanceof ResponseError && error.code === -32800);
      // the server goes on answering
      const hover = await client.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: uriOf(main) }, position });
      assert.match(hover?.contents.value ?? '', /lb_algo|scheduler/i);
    } finally {
      assert.equal(await stopWithin(client), 0);
    }
  });
});
