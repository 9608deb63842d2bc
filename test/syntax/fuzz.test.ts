import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkAgainstSchema } from '../../server/src/analysis/schemaCheck';
import { parseConfig } from '../../server/src/syntax';
import { viewOf } from '../../server/src/syntax/views';
import { collectGarbage } from '../helpers/gc';
import { CORPUS } from '../helpers/paths';

const samples = readdirSync(CORPUS)
  .filter((f) => f.startsWith('keepalived.conf'))
  .map((f) => readFileSync(join(CORPUS, f), 'utf8'));

/** Pieces that exercise every lexical rule, so random input hits the interesting paths often. */
const piece = fc.constantFrom(
  '{', '}', '\n', ' ', '\t', '#', '!', '"', "'", '\\', '$', '${', '@', '@^', '~SEQ(', ')', ',', '=', 'x', 'vrrp_instance',
  'virtual_server', 'real_server', 'include', '$A=', '$B= \\\n', '~SEQ(i,1,3) ', '192.0.2.1', '/24', '300', '-1', 'é',
);

function analyseAll(text: string): void {
  const file = parseConfig(text, { configId: 'x' });
  checkAgainstSchema(file);
  viewOf(file);
}

describe('parser: property tests', () => {
  it('never throws on arbitrary input built from keepalived syntax pieces', () => {
    fc.assert(fc.property(fc.array(piece, { maxLength: 200 }), (parts) => analyseAll(parts.join(''))), { numRuns: 2000 });
  });

  it('never throws on arbitrary unicode text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 500 }), (text) => analyseAll(text)), { numRuns: 1000 });
  });

  it('never throws on mutated corpus files (characters inserted, deleted, replaced)', () => {
    const mutation = fc.record({
      sample: fc.nat({ max: samples.length - 1 }),
      edits: fc.array(fc.record({ at: fc.nat(), remove: fc.nat({ max: 5 }), insert: fc.array(piece, { maxLength: 3 }) }), { minLength: 1, maxLength: 8 }),
    });
    fc.assert(
      fc.property(mutation, ({ sample, edits }) => {
        let text = samples[sample];
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.insert.join('') + text.slice(at + e.remove);
        }
        analyseAll(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps the rest of a file understood when one line breaks: one diagnostic per broken line', () => {
    const base = samples.find((s) => s.includes('vrrp_instance'))!;
    const lines = base.split('\n');
    const baseline = parseConfig(base);
    const baselineCount = countStatements(baseline.statements);
    fc.assert(
      fc.property(fc.nat({ max: lines.length - 1 }), fc.constantFrom('"', '{ {', '} }', '$X=\\'), (line, junk) => {
        if (!lines[line].trim() || /[{}]/.test(lines[line])) return;
        const broken = [...lines.slice(0, line), lines[line] + ' ' + junk, ...lines.slice(line + 1)].join('\n');
        const file = parseConfig(broken);
        // statements outside the damaged line survive
        assert.ok(countStatements(file.statements) >= baselineCount - 2, `lost statements after breaking line ${line + 1}`);
      }),
      { numRuns: 200 },
    );
  });

  it('parses in time linear in the input (8x the text costs well under the 64x of quadratic growth)', () => {
    const unit = samples.join('\n');
    // CPU time of this process, not wall time, so that other work on the machine does not count; each
    // run starts from a collected heap so that garbage left by earlier tests is not charged to it
    const cpu = (text: string) => {
      let best = Infinity;
      for (let i = 0; i < 9; i++) {
        collectGarbage();
        const before = process.cpuUsage();
        parseConfig(text);
        const used = process.cpuUsage(before);
        best = Math.min(best, used.user + used.system);
      }
      return best;
    };
    cpu(unit.repeat(2)); // warm up
    const small = cpu(unit.repeat(8));
    const large = cpu(unit.repeat(64));
    // Linear work gives 8, a quadratic parser 64; measured here from a collected heap: 4.4-7.4.
    assert.ok(large / small < 24, `8x input took ${(large / small).toFixed(1)}x the CPU time`);
  });
});

function countStatements(list: ReturnType<typeof parseConfig>['statements']): number {
  return list.reduce((n, s) => n + 1 + (s.block ? countStatements(s.block.statements) : 0), 0);
}
