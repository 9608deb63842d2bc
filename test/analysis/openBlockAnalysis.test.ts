import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../server/src/analysis/analyze';
import type { FileSystem } from '../../server/src/analysis/diskFileSystem';
import { Workspace } from '../../server/src/analysis/workspace';
import { EXAMPLES } from '../helpers/paths';

const samples = readdirSync(EXAMPLES).filter((f) => f.endsWith('.conf')).map((f) => readFileSync(join(EXAMPLES, f), 'utf8'));

const PATH = '/virtual/keepalived.conf';
const noDisk: FileSystem = { readFile: () => undefined, glob: () => [] };
const OPEN_BLOCK = 'virtual_server 10.9.9.9 80 {\n';

/** Lines that make and break findings, typed while the block stays open (no '}' of their own). */
const line = fc.constantFrom('\n', 'bogus 1\n', 'priority 300\n', 'weight 0\n', 'lb_algo rr\n', 'include /nowhere/*.conf\n', 'real_server 10.0.0.9 80 {\nweight 1\n}\n', 'delay_loop 5\n', OPEN_BLOCK);
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), removeLine: fc.boolean(), insert: fc.array(line, { maxLength: 2 }) });

function diagnosticsOf(workspace: Workspace) {
  return analyze(workspace, [PATH]).diagnostics.get(PATH);
}

describe('analysis while a block is left open', () => {
  it('reports what a fresh analysis reports, for edits before, inside and after the open block', () => {
    fc.assert(
      fc.property(fc.nat({ max: samples.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.array(edit, { minLength: 1, maxLength: 5 }), (sample, where, edits) => {
        const live = new Workspace(noDisk);
        let text = samples[sample];
        live.setText(PATH, text, true);
        diagnosticsOf(live);
        const opening = text.lastIndexOf('\n', Math.floor(where * text.length) - 1) + 1;
        text = text.slice(0, opening) + OPEN_BLOCK + text.slice(opening);
        live.setText(PATH, text, true);
        diagnosticsOf(live);
        for (const e of edits) {
          const at = text.lastIndexOf('\n', Math.floor(e.at * text.length) - 1) + 1;
          const removed = e.removeLine ? text.indexOf('\n', at) + 1 - at : 0;
          text = text.slice(0, at) + e.insert.join('') + text.slice(at + Math.max(0, removed));
          live.setText(PATH, text, true);
          const fresh = new Workspace(noDisk);
          fresh.setText(PATH, text, true);
          assert.deepEqual(diagnosticsOf(live), diagnosticsOf(fresh));
        }
      }),
      { numRuns: 300 },
    );
  });
});
