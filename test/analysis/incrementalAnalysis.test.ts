import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../server/src/analysis/analyze';
import type { FileSystem } from '../../server/src/analysis/diskFileSystem';
import { Workspace } from '../../server/src/analysis/workspace';
import { CORPUS, EXAMPLES } from '../helpers/paths';

const samples = [
  ...readdirSync(EXAMPLES).filter((f) => f.endsWith('.conf')).map((f) => join(EXAMPLES, f)),
  ...readdirSync(CORPUS).filter((f) => f.startsWith('keepalived.conf')).map((f) => join(CORPUS, f)),
].map((f) => readFileSync(f, 'utf8'));

const PATH = '/virtual/keepalived.conf';
const noDisk: FileSystem = { readFile: () => undefined, glob: () => [] };

/** Pieces that make and break findings: duplicates, unknown keywords, bad numbers, new lines above them. */
const piece = fc.constantFrom('\n', '\n\n', ' ', '{', '}', 'x', '9', 'priority 300\n', 'priority 100\n', 'weight 0\n', 'virtual_router_id 51\n', 'bogus 1\n', 'auth_pass 123456789\n', 'quorum 99\n');
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 30 }), insert: fc.array(piece, { maxLength: 3 }) });

function diagnosticsOf(workspace: Workspace) {
  return analyze(workspace, [PATH]).diagnostics.get(PATH);
}

describe('analysis after incremental re-parsing', () => {
  it('reports what a fresh analysis of the same text reports, over chains of edits', () => {
    fc.assert(
      fc.property(fc.nat({ max: samples.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 5 }), (sample, edits) => {
        const live = new Workspace(noDisk);
        let text = samples[sample];
        live.setText(PATH, text, true);
        diagnosticsOf(live);
        for (const e of edits) {
          const at = Math.floor(e.at * text.length);
          text = text.slice(0, at) + e.insert.join('') + text.slice(at + e.remove);
          live.setText(PATH, text, true);
          const fresh = new Workspace(noDisk);
          fresh.setText(PATH, text, true);
          assert.deepEqual(diagnosticsOf(live), diagnosticsOf(fresh));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('moves a remembered finding, and the line number in its message, with its statement', () => {
    const text = 'vrrp_instance A {\n  state MASTER\n  interface eth0\n  virtual_router_id 1\n  priority 100\n  priority 101\n}\n';
    const live = new Workspace(noDisk);
    live.setText(PATH, `global_defs {\n}\n${text}`, true);
    const before = diagnosticsOf(live)!.find((d) => d.code === 'duplicate-keyword')!;
    live.setText(PATH, `global_defs {\n  router_id a\n}\n\n${text}`, true);
    const after = diagnosticsOf(live)!.find((d) => d.code === 'duplicate-keyword')!;
    assert.equal(after.range.start.line, before.range.start.line + 2);
    assert.match(after.message, new RegExp(`line ${before.range.start.line + 2}\\b`));
  });
});
