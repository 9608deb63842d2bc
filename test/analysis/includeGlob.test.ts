// The pattern pieces behind includes (keepalived's glob: test/oracle/includeGlob.test.ts holds it to both
// releases), the lint config's ignore patterns and the walks over a folder.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { pathMatcher } from '../../server/src/analysis/glob/pathPattern';
import { filesUnder } from '../../server/src/analysis/glob/walk';
import { braceAlternatives, splitAtWildcard } from '../../server/src/analysis/globPattern';

describe('brace alternatives, in glibc order', () => {
  it('expands nested, single and empty alternatives; leaves unclosed and escaped braces', () => {
    assert.deepEqual(braceAlternatives('/a/{c,b{e,d}}/{x}.conf'), ['/a/c/x.conf', '/a/be/x.conf', '/a/bd/x.conf']);
    assert.deepEqual(braceAlternatives('{a,b}{1,2}'), ['a1', 'a2', 'b1', 'b2']);
    assert.deepEqual(braceAlternatives('x{}y'), ['xy']);
    assert.deepEqual(braceAlternatives('{a,b'), ['{a,b']);
    assert.deepEqual(braceAlternatives('\\{a,b}'), ['\\{a,b}']);
    assert.deepEqual(braceAlternatives('{a\\,b,c}'), ['a\\,b', 'c']);
  });

  it('stops at 256 alternatives, however many the pattern stands for', () => {
    assert.equal(braceAlternatives('{a,b}'.repeat(30)).length, 256);
  });

  it('never throws, and keeps a pattern without braces as it is', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('{', '}', ',', '\\', 'a', '/') }), (pattern) => {
        const alternatives = braceAlternatives(pattern);
        assert.ok(alternatives.length >= 1 && alternatives.length <= 256);
        if (!pattern.includes('{')) assert.deepEqual(alternatives, [pattern]);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('ignore patterns over whole paths', () => {
  const cases: [string, string[], string[]][] = [
    ['/r/old/**', ['/r/old', '/r/old/a.conf', '/r/old/x/y.conf'], ['/r/older/a.conf', '/r/old/.git/a.conf', '/r/a.conf']],
    ['/r/**/*.conf', ['/r/a.conf', '/r/x/a.conf', '/r/x/y/a.conf'], ['/r/x/.a.conf', '/r/.x/a.conf', '/r/a.txt', '/s/a.conf']],
    ['/r/generated/*.conf', ['/r/generated/a.conf'], ['/r/generated/x/a.conf', '/r/generated/.a.conf']],
    ['/r/{a,b}/lb?.conf', ['/r/a/lb1.conf', '/r/b/lb2.conf'], ['/r/c/lb1.conf', '/r/a/lb10.conf']],
    ['/r/[!x]*.conf', ['/r/a.conf'], ['/r/x.conf']],
  ];
  for (const [pattern, matched, missed] of cases) {
    it(pattern, () => {
      const matches = pathMatcher(pattern);
      for (const path of matched) assert.ok(matches(path), `${pattern} should match ${path}`);
      for (const path of missed) assert.ok(!matches(path), `${pattern} should not match ${path}`);
    });
  }
});

describe('walking a folder', () => {
  let root = '';
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'ka-walk-'));
    for (const file of ['a.conf', 'sub/b.conf', 'sub/deeper/c.conf.j2', '.hidden/d.conf', 'node_modules/e.conf', 'dist/f.conf', 'g.txt']) {
      mkdirSync(join(root, file, '..'), { recursive: true });
      writeFileSync(join(root, file), '');
    }
    symlinkSync(root, join(root, 'sub', 'loop'));
    symlinkSync(join(root, 'a.conf'), join(root, 'link.conf'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('finds the configs, passing by hidden and dependency folders, listing links without following them', () => {
    const found = filesUnder(root, (path) => /\.conf(\.j2)?$/.test(path) || path.endsWith('/loop'));
    assert.deepEqual(found, ['a.conf', 'link.conf', 'sub/b.conf', 'sub/deeper/c.conf.j2', 'sub/loop'].map((f) => join(root, f)));
  });
});

it('splits a pattern at its first directory with a wildcard or an escape', () => {
  assert.deepEqual(splitAtWildcard('/etc/keepalived/conf.d/*.conf'), { base: '/etc/keepalived/conf.d', rest: '*.conf' });
  assert.deepEqual(splitAtWildcard('/*.conf'), { base: '/', rest: '*.conf' });
  assert.deepEqual(splitAtWildcard('/etc/*/conf.d/x.conf'), { base: '/etc', rest: '*/conf.d/x.conf' });
  assert.deepEqual(splitAtWildcard('/etc/a\\ b/*.conf'), { base: '/etc', rest: 'a\\ b/*.conf' });
  assert.deepEqual(splitAtWildcard('/etc/{a,b}/x.conf'), { base: '/etc', rest: '{a,b}/x.conf' });
});
