// A lone CR: LSP (and the editor) end a line there, keepalived does not (it reads the CR as a blank; 2.2.7
// and 2.4.3 both accept `# comment<CR>keyword` as one comment line). Positions must follow LSP, a finding
// must say what keepalived does with the line, and formatting must not return edits that duplicate text.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspTestClient, uriOf } from '../lsp/lspClient';
import { stopWithin, TIME_BOUND_MS } from './bounds';

const dir = mkdtempSync(join(tmpdir(), 'ka-hostile-cr-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const TEXT = 'global_defs {\n    router_id lvs1 # old id\r    bogus_inner 1\n}\nbogus_top 1\n';

test('a lone CR: LSP positions, a finding on it, and formatting that keeps every word once', async () => {
  const main = join(dir, 'keepalived.conf');
  const client = LspTestClient.start();
  try {
    await client.initialize(dir, {}, { settings: { validation: { debounceMs: 0 } } });
    await client.open(main, TEXT);
    await client.waitFor('diagnostics', () => client.latest(main) !== undefined, TIME_BOUND_MS);
    const diagnostics = client.latest(main)!.diagnostics;
    const document = TextDocument.create(uriOf(main), 'keepalived', 1, TEXT);
    const top = diagnostics.find((d) => /bogus_top/.test(String(d.message)));
    assert.ok(top, JSON.stringify(diagnostics));
    assert.equal(document.getText(top.range), 'bogus_top');
    const cr = diagnostics.find((d) => d.code === 'lone-carriage-return');
    assert.ok(cr, JSON.stringify(diagnostics));
    assert.equal(document.offsetAt(cr.range.start), TEXT.indexOf('\r'));
    assert.match(String(cr.message), /part of the comment/);
    // keepalived reads `bogus_inner 1` as part of the comment: no finding may claim otherwise
    assert.ok(!diagnostics.some((d) => /bogus_inner/.test(String(d.message))), JSON.stringify(diagnostics));

    const edits: TextEdit[] = await client.connection.sendRequest('textDocument/formatting', { textDocument: { uri: uriOf(main) }, options: { tabSize: 4, insertSpaces: true } });
    const formatted = TextDocument.applyEdits(document, edits);
    const words = (text: string) => text.split(/\s+/).filter(Boolean).sort();
    assert.deepEqual(words(formatted), words(TEXT));
  } finally {
    await stopWithin(client);
  }
});
