// Protocol hygiene over the real server's stdio: requests out of turn are refused as LSP says, ill-formed
// params answer InvalidParams (not an internal error with a JavaScript message), and the editor's
// formatting options decide the indentation unless the user set keepalived.format.indentWidth.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { ResponseError } from 'vscode-jsonrpc';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { LspTestClient, uriOf } from '../lsp/lspClient';
import { stopWithin, TIME_BOUND_MS } from './bounds';

const dir = mkdtempSync(join(tmpdir(), 'ka-hostile-protocol-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const main = join(dir, 'keepalived.conf');
const TEXT = 'global_defs {\nrouter_id lvs1\n}\n';

/** the error a request is answered with (fails when it is answered normally) */
async function errorOf(client: LspTestClient, method: string, params: unknown): Promise<ResponseError<unknown>> {
  try {
    const result = await client.connection.sendRequest(method, params);
    assert.fail(`${method} answered ${JSON.stringify(result)}`);
  } catch (error) {
    assert.ok(error instanceof ResponseError, String(error));
    return error;
  }
}

describe('requests out of turn', () => {
  test('before initialize: -32002 ServerNotInitialized; after shutdown: -32600 InvalidRequest', async () => {
    const client = LspTestClient.start();
    try {
      const early = await errorOf(client, 'textDocument/hover', { textDocument: { uri: uriOf(main) }, position: { line: 0, character: 0 } });
      assert.equal(early.code, -32002);
      await client.initialize(dir, {});
      await client.open(main, TEXT);
      const symbols = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uriOf(main) } });
      assert.ok(Array.isArray(symbols) && symbols.length === 1);
      await client.connection.sendRequest('shutdown');
      const late = await errorOf(client, 'textDocument/documentSymbol', { textDocument: { uri: uriOf(main) } });
      assert.equal(late.code, -32600);
    } finally {
      await stopWithin(client);
    }
  });
});

describe('ill-formed params', () => {
  for (const [method, params] of [
    ['textDocument/hover', {}],
    ['textDocument/hover', { textDocument: { uri: 'file:///x.conf' }, position: { line: -1, character: 'a' } }],
    ['textDocument/completion', { textDocument: {} }],
    ['textDocument/formatting', { textDocument: { uri: 'file:///x.conf' } }],
    ['textDocument/rangeFormatting', { textDocument: { uri: 'file:///x.conf' }, options: {}, range: { start: 1 } }],
    ['textDocument/references', { textDocument: { uri: 'file:///x.conf' }, position: { line: 0, character: 0 } }],
    ['workspace/symbol', {}],
  ] as const) {
    test(`${method} ${JSON.stringify(params)}: -32602 InvalidParams, and the server goes on`, async () => {
      const client = LspTestClient.start();
      try {
        await client.initialize(dir, {});
        const error = await errorOf(client, method, params);
        assert.equal(error.code, -32602, error.message);
        assert.doesNotMatch(error.message, /Cannot read properties|TypeError|undefined/);
        await client.open(main, TEXT);
        const symbols = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uriOf(main) } });
        assert.ok(Array.isArray(symbols));
      } finally {
        assert.equal(await stopWithin(client, TIME_BOUND_MS), 0);
      }
    });
  }
});

describe("the editor's formatting options", () => {
  const format = async (initializationOptions: unknown, options: { tabSize: number; insertSpaces: boolean }) => {
    const client = LspTestClient.start();
    try {
      await client.initialize(dir, {}, initializationOptions);
      await client.open(main, TEXT);
      const edits: TextEdit[] = await client.connection.sendRequest('textDocument/formatting', { textDocument: { uri: uriOf(main) }, options });
      return edits.find((e) => e.range.start.line === 1)?.newText;
    } finally {
      await stopWithin(client);
    }
  };

  test('decide the indentation when the user did not set keepalived.format.indentWidth', async () => {
    assert.equal(await format({}, { tabSize: 2, insertSpaces: true }), '  router_id lvs1');
    assert.equal(await format({}, { tabSize: 8, insertSpaces: false }), '\trouter_id lvs1');
  });

  test('give way to keepalived.format.indentWidth when the user set it', async () => {
    assert.equal(await format({ settings: { keepalived: { format: { indentWidth: 3 } } } }, { tabSize: 2, insertSpaces: true }), '   router_id lvs1');
  });
});
