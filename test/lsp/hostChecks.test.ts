import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { normalizeSettings } from '../../server/src/lsp/settings';
import { LspTestClient } from './lspClient';

const codes = (list: Diagnostic[] | undefined) => (list ?? []).map((d) => String(d.code));
const CAPS = { workspace: { didChangeWatchedFiles: { dynamicRegistration: false }, workspaceFolders: true } };

test('keepalived.hostChecks.enable is read in both shapes, and is off by default', () => {
  assert.equal(normalizeSettings({ hostChecks: { enable: true } }).hostChecks, true);
  assert.equal(normalizeSettings({ hostChecks: true }).hostChecks, true);
  assert.equal(normalizeSettings({ hostChecks: { enable: 'yes' } }).hostChecks, undefined);
  assert.equal(normalizeSettings({}).hostChecks, undefined);
});

describe('the language server with keepalived.hostChecks.enable', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ka-lsp-host-'));
  const config = join(dir, 'keepalived.conf');
  // an interface and a script no machine running this test has
  writeFileSync(
    config,
    [
      'global_defs {',
      '    enable_script_security',
      '    script_user root',
      '}',
      'vrrp_script chk {',
      `    script "${join(dir, 'missing.sh')}"`,
      '}',
      'vrrp_instance VI_1 {',
      '    interface kahostnone0',
      '    virtual_router_id 51',
      '    virtual_ipaddress {',
      '        192.0.2.10/24',
      '    }',
      '    track_script {',
      '        chk',
      '    }',
      '}',
      '',
    ].join('\n'),
  );
  let client: LspTestClient;
  before(async () => {
    client = LspTestClient.start();
    await client.initialize(dir, CAPS, { settings: { keepalived: { hostChecks: { enable: true }, validation: { debounceMs: 20 } } } });
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
    rmSync(dir, { recursive: true, force: true });
  });

  test('publishes the machine findings, and drops them when the setting is turned off', async () => {
    await client.waitFor('host findings published', () => {
      const found = codes(client.latest(config)?.diagnostics);
      return found.includes('host-interface-missing') && found.includes('host-script-missing');
    });
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { keepalived: { hostChecks: { enable: false }, validation: { debounceMs: 20 } } } });
    await client.waitFor('host findings gone', () => {
      const list = client.latest(config)?.diagnostics;
      return list !== undefined && !codes(list).some((c) => c.startsWith('host-'));
    });
  });
});
