// Wildcard includes are matched from the pattern's fixed leading directories; the result must be what the
// globber gives for the whole absolute pattern.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { globSync } from 'tinyglobby';
import { diskFileSystem } from '../../server/src/analysis/diskFileSystem';
import { splitAtWildcard } from '../../server/src/analysis/globPattern';

describe('wildcard include resolution', () => {
  let root = '';
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'ka-glob-'));
    for (const file of ['a.conf', 'b.conf', 'c.txt', 'sub/x.conf', 'sub/deeper/y.conf', 'other/z.conf', 'we ird/w.conf']) {
      mkdirSync(join(root, file, '..'), { recursive: true });
      writeFileSync(join(root, file), '');
    }
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const cases: [string, string[]][] = [
    ['*.conf', ['a.conf', 'b.conf']],
    ['*/x.conf', ['sub/x.conf']],
    ['{sub,other}/*.conf', ['other/z.conf', 'sub/x.conf']],
    ['sub/*', ['sub/x.conf']],
    ['sub/**/*.conf', ['sub/deeper/y.conf', 'sub/x.conf']],
    ['we ird/?.conf', ['we ird/w.conf']],
    ['[ab].conf', ['a.conf', 'b.conf']],
    ['nothing/*.conf', []],
    ['a.conf', ['a.conf']],
  ];
  for (const [pattern, expected] of cases) {
    it(`${pattern}: the expected files, as the whole absolute pattern gives them`, () => {
      const found = diskFileSystem.glob(`${root}/${pattern}`);
      assert.deepEqual(found, expected.map((f) => join(root, f)));
      if (/[*?[{]/.test(pattern)) {
        const whole = globSync(`${root}/${pattern}`, { absolute: true, onlyFiles: true, expandDirectories: false }).sort();
        assert.deepEqual(found, whole);
      }
    });
  }

  it('splits a pattern at its first directory with a wildcard or an escape', () => {
    assert.deepEqual(splitAtWildcard('/etc/keepalived/conf.d/*.conf'), { base: '/etc/keepalived/conf.d', rest: '*.conf' });
    assert.deepEqual(splitAtWildcard('/*.conf'), { base: '/', rest: '*.conf' });
    assert.deepEqual(splitAtWildcard('/etc/*/conf.d/x.conf'), { base: '/etc', rest: '*/conf.d/x.conf' });
    assert.deepEqual(splitAtWildcard('/etc/a\\ b/*.conf'), { base: '/etc', rest: 'a\\ b/*.conf' });
    assert.deepEqual(splitAtWildcard('/etc/{a,b}/x.conf'), { base: '/etc', rest: '{a,b}/x.conf' });
  });
});
