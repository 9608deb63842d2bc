// Preprocessor expansion without a budget: nested ~SEQ (each level under its own cap) and a long parameter
// used on many lines built every line before any total was checked (gigabytes, a minute, ~100,000
// findings). One budget for the whole expansion, counted as it grows, and a cap on findings per file.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { MAX_DIAGNOSTICS_PER_FILE } from '../../server/src/analysis/diagnosticCap';
import { LspTestClient } from '../lsp/lspClient';
import { describeRun, lintBounded, RSS_BOUND_MB, stopWithin, TIME_BOUND_MS, watchMemory } from './bounds';

const dir = mkdtempSync(join(tmpdir(), 'ka-hostile-expansion-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const NESTED_SEQ = '~SEQ(a, 1, 1000) ~SEQ(b, 1, 1000) ~SEQ(c, 1, 1000) bogus_kw_${a}_${b}_${c}\n';
// a 500-byte value twice on each of 100,000 lines: 100 MB of text once expanded (each line under the 1023 bytes
// keepalived reads of a line)
const WIDE_PARAMETER = `$HALF=${'y'.repeat(500)}\n~SEQ(i, 1, 100000) bogus_$i $HALF $HALF\n`;

const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('keepalived-lint on expansions that grow without bound', () => {
  for (const [name, text] of [
    ['nested-seq.conf', NESTED_SEQ],
    ['wide-parameter.conf', WIDE_PARAMETER],
  ] as const) {
    test(`${name}: stops at the budget with expansion-too-large, at most ${MAX_DIAGNOSTICS_PER_FILE} findings and a note of the rest`, async () => {
      const run = await lintBounded([write(name, text)]);
      assert.equal(run.killedFor, undefined, describeRun(run));
      assert.match(run.stdout, /\[expansion-too-large\]/, describeRun(run));
      const findings = run.stdout.split('\n').filter((l) => l.startsWith(dir)).length;
      assert.ok(findings <= MAX_DIAGNOSTICS_PER_FILE + 1, `${findings} findings printed`);
      assert.ok(run.peakMb < RSS_BOUND_MB, describeRun(run));
    });
  }
});

describe('the language server on expansions that grow without bound', () => {
  test('nested ~SEQ in an open document: one bounded publish, with a note of the findings left out', async () => {
    const main = join(dir, 'keepalived.conf');
    const client = LspTestClient.start();
    const memory = watchMemory(client.process);
    try {
      await client.initialize(dir, {}, { settings: { validation: { debounceMs: 0 } } });
      await client.open(main, NESTED_SEQ);
      await client.waitFor('diagnostics of the nested ~SEQ', () => client.latest(main) !== undefined, TIME_BOUND_MS);
      const published = client.latest(main)!.diagnostics;
      assert.ok(published.length <= MAX_DIAGNOSTICS_PER_FILE + 1, `${published.length} diagnostics published`);
      assert.ok(published.some((d) => d.code === 'expansion-too-large'));
      assert.ok(published.some((d) => d.code === 'too-many-diagnostics'));
    } finally {
      const { peakMb, killed } = memory.stop();
      assert.equal(killed, false, `the server passed ${RSS_BOUND_MB} MB`);
      assert.ok(peakMb < RSS_BOUND_MB, `peak ${peakMb} MB`);
      assert.equal(await stopWithin(client), 0);
    }
  });
});
