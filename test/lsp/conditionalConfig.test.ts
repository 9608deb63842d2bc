/** A conditional config over stdio: checked as each id it names, or as the ids the configIds setting names. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { LspTestClient } from './lspClient';

describe('conditional configs in the language server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ka-lsp-cond-'));
  const path = join(dir, 'keepalived.conf');
  // both directors in one file, tied on priority; VRID only on @id lines (not missing for either)
  const text = `vrrp_instance VI_1 {\n    interface eth0\n@master    virtual_router_id 51\n@backup    virtual_router_id 51\n@master    state MASTER\n@backup    state BACKUP\n    priority 100\n    virtual_ipaddress {\n        192.0.2.100\n    }\n}\n`;
  writeFileSync(path, text);
  let client: LspTestClient;
  const codes = () => (client.latest(path)?.diagnostics ?? []).map((d) => String(d.code));

  before(async () => {
    client = LspTestClient.start();
    await client.initialize(dir, { workspace: { workspaceFolders: true, configuration: false } }, { settings: { validation: { debounceMs: 20 } } });
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('as the ids it names: the two directors are compared, nothing is missing', async () => {
    await client.waitFor('the tie between -i master and -i backup', () => codes().includes('cluster-master-priority'));
    assert.ok(!codes().includes('missing-required'), codes().join());
  });

  test('the configIds setting chooses the view: one director alone has no peer to compare', async () => {
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { keepalived: { configIds: ['master'], validation: { debounceMs: 20 } } } });
    await client.waitFor('no cluster finding as -i master alone', () => !!client.latest(path) && !codes().some((c) => c.startsWith('cluster-')));
    assert.ok(!codes().includes('missing-required'), codes().join());
  });
});
