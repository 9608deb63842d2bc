// Includes and config paths that name something other than a small regular file: a FIFO (reading waits for
// a writer for ever), a character device (/dev/zero never ends), a file of hundreds of megabytes. The linter
// and the language server must answer within a bound, in bounded memory, with a warning on the include.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { LspTestClient, uriOf } from '../lsp/lspClient';
import { describeRun, lintBounded, runBounded, RSS_BOUND_MB, stopWithin, TIME_BOUND_MS, watchMemory } from './bounds';

const dir = mkdtempSync(join(tmpdir(), 'ka-hostile-files-'));
const fifo = join(dir, 'fifo.conf');
execFileSync('mkfifo', [fifo]);
// sparse: 300 MB that take no disk
const huge = join(dir, 'huge.conf');
writeFileSync(huge, '');
truncateSync(huge, 300 * 1024 * 1024);
after(() => rmSync(dir, { recursive: true, force: true }));

const GLOBAL = 'global_defs {\n    router_id lvs1\n}\n';
const including = (name: string, target: string) => {
  const path = join(dir, `${name}.conf`);
  writeFileSync(path, `${GLOBAL}include ${target}\n`);
  return path;
};

describe('keepalived-lint on includes that are not small regular files', () => {
  for (const [name, target, says] of [
    ['fifo', fifo, 'is a FIFO'],
    ['zero', '/dev/zero', 'character device giving over'],
    ['huge', huge, 'too large'],
  ] as const) {
    test(`include of ${name}: a warning on the include, in bounded time and memory`, async () => {
      const run = await lintBounded([including(`includes-${name}`, target)]);
      assert.equal(run.killedFor, undefined, describeRun(run));
      assert.match(run.stdout, new RegExp(`includes-${name}\\.conf:4:9: warning: .*${says}.*\\[unreadable-include\\]`), describeRun(run));
      assert.ok(run.peakMb < RSS_BOUND_MB, describeRun(run));
    });
  }

  test('--cache records an include of a FIFO as unread, and the next run answers from the cache', async () => {
    const main = including('cached-fifo', fifo);
    const args = ['--import', 'tsx', 'test/hostile/lintWithCache.script.ts', '--cache-location', join(dir, 'cache'), main];
    const first = await runBounded(process.execPath, args);
    assert.equal(first.killedFor, undefined, describeRun(first));
    const second = await runBounded(process.execPath, args);
    assert.equal(second.killedFor, undefined, describeRun(second));
    assert.match(second.stderr, /unchanged since the cached run/, describeRun(second));
    assert.equal(second.stdout, first.stdout);
  });

  test('a config file given on the command line that is too large is refused with a message', async () => {
    const run = await lintBounded([huge]);
    assert.equal(run.killedFor, undefined, describeRun(run));
    assert.equal(run.status, 2, describeRun(run));
    assert.match(run.stderr, /too large/, describeRun(run));
  });
});

describe('the language server on includes that are not small regular files', () => {
  test('an open config including a FIFO, /dev/zero and a huge file gets three warnings and the server keeps answering', async () => {
    const folder = mkdtempSync(join(dir, 'ws-'));
    const main = join(folder, 'keepalived.conf');
    const client = LspTestClient.start();
    const memory = watchMemory(client.process);
    try {
      await client.initialize(folder, {}, { settings: { validation: { debounceMs: 0 } } });
      await client.open(main, `${GLOBAL}include ${fifo}\ninclude /dev/zero\ninclude ${huge}\n`);
      await client.waitFor('unreadable-include warnings', () => (client.latest(main)?.diagnostics ?? []).filter((d) => d.code === 'unreadable-include').length === 3, TIME_BOUND_MS);
      const symbols = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uriOf(main) } });
      assert.ok(Array.isArray(symbols));
    } finally {
      const { peakMb, killed } = memory.stop();
      assert.equal(killed, false, `the server passed ${RSS_BOUND_MB} MB`);
      assert.ok(peakMb < RSS_BOUND_MB, `peak ${peakMb} MB`);
      assert.equal(await stopWithin(client), 0);
    }
  });
});
