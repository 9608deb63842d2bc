// The parts a many-config lint is split into must keep together what one check compares or combines.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { partitionFiles, type PartitionInput } from '../../server/src/cli/partition';

function input(texts: Record<string, string>, extra: Partial<PartitionInput> = {}): PartitionInput {
  return {
    files: Object.keys(texts),
    textOf: (f) => texts[f],
    glob: (pattern) => Object.keys(texts).filter((f) => f === pattern || (pattern.endsWith('/*.conf') && f.startsWith(pattern.slice(0, -6)))),
    clusters: [],
    weightOf: (f) => texts[f].length,
    ...extra,
  };
}

const partOf = (parts: string[][], file: string) => parts.findIndex((p) => p.includes(file));
const many = { parts: 8, maxWeight: 1 };

describe('partitionFiles', () => {
  it('splits unrelated directories, as many parts as asked, each in the files order', () => {
    const parts = partitionFiles(input({ '/r/a/m.conf': 'x', '/r/b/m.conf': 'x', '/r/c/m.conf': 'x', '/r/d/m.conf': 'x' }), { parts: 2, maxWeight: 100 });
    assert.equal(parts.length, 2);
    assert.deepEqual(parts.flat().sort(), ['/r/a/m.conf', '/r/b/m.conf', '/r/c/m.conf', '/r/d/m.conf']);
    for (const part of parts) assert.deepEqual(part, [...part].sort());
  });

  it('makes more parts than threads when the text is heavier than a part may be', () => {
    const texts = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`/r/d${i}/k.conf`, 'x'.repeat(100)]));
    assert.equal(partitionFiles(input(texts), { parts: 1, maxWeight: 250 }).length, 4);
    assert.equal(partitionFiles(input(texts), { parts: 1, maxWeight: 10_000 }).length, 1);
  });

  it('keeps one directory together: undeclared MASTER/BACKUP pairs are found within a directory', () => {
    const parts = partitionFiles(input({ '/r/a/master.conf': 'x', '/r/a/backup.conf': 'x', '/r/b/master.conf': 'x' }), many);
    assert.equal(partOf(parts, '/r/a/master.conf'), partOf(parts, '/r/a/backup.conf'));
    assert.equal(parts.length, 2);
  });

  it('keeps a declared cluster together across directories', () => {
    const parts = partitionFiles(input({ '/r/lb1/k.conf': 'x', '/r/lb2/k.conf': 'x', '/r/lb3/k.conf': 'x' }, { clusters: [['/r/lb1/k.conf', '/r/lb3/k.conf']] }), many);
    assert.equal(partOf(parts, '/r/lb1/k.conf'), partOf(parts, '/r/lb3/k.conf'));
    assert.notEqual(partOf(parts, '/r/lb1/k.conf'), partOf(parts, '/r/lb2/k.conf'));
  });

  it('keeps a config with what it includes, and configs including one file together', () => {
    const texts = {
      '/r/a/main.conf': 'global_defs {\n}\ninclude ../conf.d/*.conf\n',
      '/r/conf.d/one.conf': 'x',
      '/r/b/main.conf': '@lb2 include /r/shared/common.conf\n',
      '/r/c/main.conf': '  include /r/shared/common.conf # the same\n',
      '/r/d/main.conf': 'x',
    };
    const parts = partitionFiles(input(texts), many);
    assert.equal(partOf(parts, '/r/a/main.conf'), partOf(parts, '/r/conf.d/one.conf'));
    assert.equal(partOf(parts, '/r/b/main.conf'), partOf(parts, '/r/c/main.conf'));
    assert.equal(parts.length, 3);
  });

  it('does not split when an include path is built from parameters', () => {
    const texts = { '/r/a/main.conf': '$DIR=/r/b\ninclude ${DIR}/x.conf\n', '/r/b/x.conf': 'x', '/r/c/k.conf': 'x' };
    assert.deepEqual(partitionFiles(input(texts), many), [Object.keys(texts)]);
  });
});
