import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../server/src/analysis/analyze';
import type { FileSystem } from '../../server/src/analysis/diskFileSystem';
import { Workspace } from '../../server/src/analysis/workspace';
import { writeFlatDirector } from '../../bench/generate';
import { collectGarbage } from '../helpers/gc';

const heapMB = () => {
  collectGarbage();
  return process.memoryUsage().heapUsed / 1e6;
};

/**
 * Makes 300 one-character edits to a 20k-line file through the workspace, analysing after each, and checks
 * the heap did not grow with them. With `openBlock`, a block is first left open at the end of the file (in the
 * middle, keepalived would read the next block's '{' as ignored and its '}' as closing the open one) and the
 * edits fall inside its own lines and anywhere before it.
 */
function checkMemoryOverEdits(openBlock: boolean): void {
  const dir = mkdtempSync(join(tmpdir(), 'ka-memory-'));
  try {
    const path = writeFlatDirector(dir, 20_000).main;
    let text = readFileSync(path, 'utf8');
    const noDisk: FileSystem = { readFile: () => undefined, glob: () => [] };
    const workspace = new Workspace(noDisk);
    workspace.setText(path, text, true);
    analyze(workspace, [path]);
    if (openBlock) {
      text += 'virtual_server 10.9.9.9 80 {\n    delay_loop 6\n    lb_algo rr\n    lb_kind DR\n    protocol TCP\n    real_server 10.9.9.10 80 {\n        weight 1\n    }\n';
      workspace.setText(path, text, true);
      analyze(workspace, [path]);
      assert.ok(workspace.parsed(path)!.reparse?.open.size === 1, 'the block is left open, and the file stays re-parsable by region');
    }
    const before = heapMB();
    const edits = 300;
    let at = 0;
    for (let i = 0; i < edits; i++) {
      if (openBlock && i % 4 === 0) at = text.length - 60;
      else at = (at + 104_729) % (text.length - 1);
      const lineEnd = text.indexOf('\n', at);
      text = `${text.slice(0, lineEnd)}${i % 3 ? ' ' : '\n'}${text.slice(lineEnd)}`;
      workspace.setText(path, text, true);
      analyze(workspace, [path]);
    }
    if (openBlock) assert.ok(workspace.parsed(path)!.reparse?.open.size === 1, 'the block stayed open through the edits');
    const grown = heapMB() - before;
    // each version of the text is about 0.4 MB: keeping them would add about 120 MB
    const textMB = text.length / 1e6;
    assert.ok(grown < 10 * textMB, `the heap grew ${grown.toFixed(1)} MB over ${edits} edits of a ${textMB.toFixed(2)} MB text`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('editing a large file keeps memory flat: the statements an edit reuses hold no old version of the text', () => {
  checkMemoryOverEdits(false);
});

test('editing a large file while a block is left open keeps memory flat: no old version of the text stays alive', () => {
  checkMemoryOverEdits(true);
});
