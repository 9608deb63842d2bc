/** The merged schema is consistent: every reference resolves and every keyword is documented. */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { allBlockSpecs, blockSpec, includeDirectives, keywordSpec } from '../../server/src/schema';

describe('keyword schema (all domains together)', () => {
  const blocks = [...allBlockSpecs()];

  it('resolves every block a keyword opens, and reaches every block from the top level', () => {
    const reachable = new Set<string>(['root']);
    const queue = ['root'];
    while (queue.length) {
      const block = blockSpec(queue.shift()!)!;
      for (const kw of block.keywords) {
        if (!kw.block) continue;
        assert.ok(blockSpec(kw.block), `${block.id} ${kw.name} opens unknown block '${kw.block}'`);
        if (!reachable.has(kw.block)) reachable.add(kw.block), queue.push(kw.block);
      }
    }
    assert.deepEqual(blocks.map((b) => b.id).filter((id) => !reachable.has(id)), []);
  });

  it('nests no block inside a block of its own kind, however deep (the schema check keeps one tally per kind)', () => {
    const cycles: string[] = [];
    const visit = (id: string, path: string[]) => {
      if (path.includes(id)) return cycles.push([...path, id].join(' > '));
      for (const kw of blockSpec(id)!.keywords) if (kw.block) visit(kw.block, [...path, id]);
    };
    visit('root', []);
    assert.deepEqual(cycles, []);
  });

  it('has no keyword twice in one block, and each has a doc and arguments described', () => {
    for (const block of blocks) {
      const names = block.keywords.map((k) => k.name);
      assert.deepEqual(names.filter((n, i) => names.indexOf(n) !== i), [], `duplicates in ${block.id}`);
      for (const kw of block.keywords) {
        assert.ok(kw.doc && kw.doc.length >= 20, `${block.id} ${kw.name} lacks a doc`);
        assert.ok(Array.isArray(kw.args), `${block.id} ${kw.name} lacks args`);
      }
    }
  });

  it('names replacements that exist in the same block', () => {
    for (const block of blocks) {
      for (const kw of block.keywords) {
        const replacement = kw.deprecated?.replacement;
        if (replacement) assert.ok(keywordSpec(block, replacement), `${block.id} ${kw.name} → missing ${replacement}`);
      }
    }
  });

  it('covers the size of upstream: about 400 keyword registrations', () => {
    const total = blocks.reduce((n, b) => n + b.keywords.length, 0) + includeDirectives.length;
    assert.ok(total >= 400, `only ${total} keywords`);
  });

  it('gives every since a release number', () => {
    for (const block of blocks) for (const kw of block.keywords) if (kw.since) assert.match(kw.since, /^\d+\.\d+\.\d+$/, `${block.id} ${kw.name}`);
  });
});
