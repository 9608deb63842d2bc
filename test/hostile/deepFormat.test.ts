// Formatting a file of 20,000 nested blocks: indentation that grows with depth made the edits quadratic in
// the file's size (hundreds of megabytes of JSON, "Invalid string length"). Indentation stops growing at a
// fixed depth, so the answer is linear in the input.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { LspTestClient, uriOf } from '../lsp/lspClient';
import { RSS_BOUND_MB, stopWithin, TIME_BOUND_MS, watchMemory } from './bounds';

const dir = mkdtempSync(join(tmpdir(), 'ka-hostile-deep-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('formatting 20,000 nested blocks answers in bounded time and memory', async () => {
  const main = join(dir, 'keepalived.conf');
  const depth = 20_000;
  const text = 'virtual_server_group G {\n'.repeat(depth) + '}\n'.repeat(depth);
  const client = LspTestClient.start();
  const memory = watchMemory(client.process);
  try {
    await client.initialize(dir, {}, { settings: { validation: { enable: false } } });
    await client.open(main, text);
    const started = performance.now();
    const edits: TextEdit[] = await client.connection.sendRequest('textDocument/formatting', { textDocument: { uri: uriOf(main) }, options: { tabSize: 4, insertSpaces: true } });
    assert.ok(performance.now() - started < TIME_BOUND_MS);
    const size = edits.reduce((sum, e) => sum + e.newText.length, 0);
    assert.ok(size < 20 * text.length, `${size} characters of edits for ${text.length} of text`);
  } finally {
    const { peakMb, killed } = memory.stop();
    assert.equal(killed, false, `the server passed ${RSS_BOUND_MB} MB`);
    assert.equal(await stopWithin(client), 0);
    assert.ok(peakMb < RSS_BOUND_MB, `peak ${peakMb} MB`);
  }
});
