/**
 * The language server checks against the keepalived on its PATH unless keepalived.keepalivedVersion pins a
 * release, as the CLI does: a keyword newer than the target is reported, on a real server over stdio.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { DidChangeConfigurationNotification, type Diagnostic } from 'vscode-languageserver-protocol';
import { oracleBinary } from '../helpers/keepalived';
import { pathWithKeepalived } from '../helpers/pathWith';
import { LspTestClient } from './lspClient';

const CAPS = { workspace: { workspaceFolders: true } };
const TEXT = 'global_defs {\n    vrrp_owner_ignore_adverts\n}\n';
const newerAt = (list: Diagnostic[] | undefined) => (list ?? []).filter((d) => d.code === 'newer-keyword').map((d) => d.range.start.line);

describe('the language server picks the release to check against', () => {
  for (const version of ['2.2.7', '2.4.3']) {
    test(`keepalived ${version} on PATH: vrrp_owner_ignore_adverts (2.3.3) is ${version === '2.2.7' ? '' : 'not '}reported; pinning the other release flips it`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'ka-lsp-version-'));
      const file = join(dir, 'keepalived.conf');
      const client = LspTestClient.start({ ...process.env, PATH: pathWithKeepalived(oracleBinary(version).binary) });
      try {
        await client.initialize(dir, CAPS, { settings: { validation: { debounceMs: 10 } } });
        await client.open(file, TEXT);
        await client.waitFor('diagnostics', () => client.latest(file) !== undefined);
        assert.deepEqual(newerAt(client.latest(file)!.diagnostics), version === '2.2.7' ? [1] : []);

        const pinned = version === '2.2.7' ? '2.4.3' : '2.2.7';
        const before = client.published.length;
        await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { keepalived: { keepalivedVersion: pinned, validation: { debounceMs: 10 } } } });
        await client.waitFor('diagnostics after pinning', () => client.published.slice(before).some((p) => p.uri.endsWith('keepalived.conf')));
        assert.deepEqual(newerAt(client.latest(file)!.diagnostics), pinned === '2.2.7' ? [1] : []);
      } finally {
        assert.equal(await client.stop(), 0);
      }
    });
  }
});
