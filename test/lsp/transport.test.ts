import assert from 'node:assert/strict';
import { fork, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import type { InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { ROOT } from '../helpers/paths';

const MAIN = join(ROOT, 'server/src/lsp/main.ts');

test('node-ipc (the VS Code client transport): initialize, then diagnostics for an untitled buffer', async () => {
  const child = fork(MAIN, ['--node-ipc'], { execArgv: ['--import', 'tsx'], cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  const published: PublishDiagnosticsParams[] = [];
  let wake = () => undefined as void;
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    wake();
  });
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  try {
    const result = (await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null })) as InitializeResult;
    assert.equal(result.serverInfo?.name, 'keepalived-language-server');
    assert.deepEqual((result.capabilities.textDocumentSync as { change: number }).change, 2);
    await connection.sendNotification('initialized', {});
    const uri = 'untitled:Untitled-1';
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'keepalived', version: 1, text: 'vrrp_instance VI_1 {\n    advert_intt 1\n}\n' },
    });
    const deadline = Date.now() + 10_000;
    while (!published.some((p) => p.uri === uri && p.diagnostics.length > 0) && Date.now() < deadline) {
      await new Promise<void>((resolve) => ((wake = resolve), setTimeout(resolve, 200)));
    }
    const mine = published.filter((p) => p.uri === uri).at(-1);
    assert.ok(mine?.diagnostics.some((d) => d.range.start.line === 1 && /advert_intt/.test(String(d.message))), JSON.stringify(published));
    await connection.sendRequest('shutdown');
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    await connection.sendNotification('exit');
    assert.equal(await exited, 0);
  } finally {
    connection.dispose();
    child.kill();
  }
});

test('without a transport the server explains its usage and exits 2', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', MAIN], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /--stdio/);
});
