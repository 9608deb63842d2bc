import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { LspTestClient, uriOf } from './lspClient';

// The feature handlers are another module's; this only proves the server wires them to the live state
// and that a diagnostic's fix survives the trip through the client (Diagnostic.data) into a quick fix.
test('initialize advertises the editor features, and a published fix comes back as a quick fix', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ka-lsp-features-'));
  const file = join(dir, 'keepalived.conf');
  const text = 'vrrp_instance VI_1 {\n    state MASTER\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    advert_intt 1\n    virtual_ipaddress {\n        192.0.2.1\n    }\n}\n';
  const client = LspTestClient.start();
  try {
    const init = await client.initialize(dir, { textDocument: { publishDiagnostics: { relatedInformation: true } } });
    assert.equal(init.capabilities.hoverProvider, true);
    assert.ok(init.capabilities.completionProvider);
    assert.ok(init.capabilities.codeActionProvider);
    assert.equal((init.capabilities.textDocumentSync as { change: number }).change, 2, 'document sync stays incremental');
    // the bundled client's minimatch is a stand-in that refuses every pattern (scripts/shims/minimatch-refused.cjs)
    assert.equal(init.capabilities.workspace?.fileOperations, undefined, 'no file operation filters');

    await client.open(file, text);
    await client.waitFor('typo diagnostic', () => !!client.latest(file)?.diagnostics.some((d) => d.range.start.line === 5));
    const typo = client.latest(file)!.diagnostics.find((d) => d.range.start.line === 5) as Diagnostic;
    assert.ok((typo.data as { fix?: unknown[] } | undefined)?.fix?.length, `fix carried in data: ${JSON.stringify(typo)}`);

    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uriOf(file) },
      range: typo.range,
      context: { diagnostics: [typo] },
    })) as CodeAction[];
    const edits = actions.flatMap((a) => a.edit?.changes?.[uriOf(file)] ?? []);
    assert.ok(edits.some((e) => e.newText === 'advert_int'), JSON.stringify(actions));

    const hover = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: uriOf(file) },
      position: { line: 3, character: 6 },
    })) as Hover | null;
    assert.match(JSON.stringify(hover?.contents ?? ''), /virtual_router_id/);
  } finally {
    assert.equal(await client.stop(), 0);
    rmSync(dir, { recursive: true, force: true });
  }
});
