// Stand-ins the bundles use for vscode-languageclient's semver and minimatch (scripts/shims/): the same answers as
// the real modules for what the client asks of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { minimatch as realMinimatch, Minimatch as RealMinimatch, type MinimatchOptions } from 'minimatch';
import { SHIMS } from '../../scripts/shims/plugin.mjs';

const requireHere = createRequire(import.meta.filename);
const shimFor = (request: string) => requireHere(SHIMS.find((s) => s.request === request)!.shim);

interface Version {
  major: number;
  minor: number;
  patch: number;
  prerelease: readonly (string | number)[];
}
// semver (a dependency of the language client) ships no typings
const realParse = requireHere('semver/functions/parse') as (version: string) => Version | null;
const realSatisfies = requireHere('semver/functions/satisfies') as (version: Version, range: string) => boolean;

test('the semver shim parses and checks caret ranges as semver does, the way the language client calls it', () => {
  // each module is the function itself, as the client requires it
  const shim = {
    parse: shimFor('semver/functions/parse') as typeof realParse,
    satisfies: shimFor('semver/functions/satisfies') as typeof realSatisfies,
  };
  const versions = ['1.91.0', '1.91.1', '1.92.0-insider', '1.100.2', '1.90.9', '2.0.0', '0.2.5', '0.3.0', '0.0.3', '0.0.4', 'v1.95.0', '1.91.0+build.7'];
  const ranges = ['^1.91.0', '^1.82.0', '^0.2.3', '^0.0.3', '^2.0.0'];
  for (const text of versions) {
    const real = realParse(text)!;
    const mine = shim.parse(text)!;
    assert.deepEqual([mine.major, mine.minor, mine.patch, [...mine.prerelease].map(String)], [real.major, real.minor, real.patch, real.prerelease.map(String)], text);
    // the client clears an insider build's prerelease before checking
    real.prerelease = [];
    mine.prerelease = [];
    for (const range of ranges) assert.equal(shim.satisfies(mine, range), realSatisfies(real, range), `${text} ${range}`);
  }
  for (const bad of ['1.2', 'abc', '', '1.2.3.4', '01.2.3']) assert.equal(shim.parse(bad), realParse(bad), bad);
  assert.throws(() => shim.satisfies(shim.parse('1.2.3')!, '>=1.0.0'), /unsupported range/);
});

test('the minimatch shim matches globs as minimatch does, with the options the language client passes', () => {
  const shim = shimFor('minimatch') as { Minimatch: typeof RealMinimatch; minimatch: typeof realMinimatch };
  const patterns = ['**/*.conf', '*.conf', '/etc/keepalived/**', '/etc/**/*.{conf,json}', '**/keepalived/?.conf', '/etc/[kx]*/*.conf', '**/.git/**', '**/*.CONF', '/etc/keepalived/*', '**/*.+(conf|json)', '**/[[]x]'];
  const paths = ['/etc/keepalived/keepalived.conf', '/etc/keepalived/a.conf', '/etc/keepalived/sub/b.json', '/home/u/.git/config', '/home/u/.hidden.conf', 'keepalived.conf', '/etc/keepalived/KEEPALIVED.CONF', '/etc/x/y.conf', '/etc/keepalived/', '/srv/a.json'];
  const optionSets: MinimatchOptions[] = [{ dot: true }, { dot: true, nocase: true }, { noext: true }];
  for (const options of optionSets) {
    for (const pattern of patterns) {
      const real = new RealMinimatch(pattern, options);
      const mine = new shim.Minimatch(pattern, options);
      assert.equal(mine.makeRe() === false, real.makeRe() === false, `${pattern} valid? ${JSON.stringify(options)}`);
      for (const path of paths) {
        assert.equal(mine.match(path), real.match(path), `${pattern} on ${path} ${JSON.stringify(options)}`);
        assert.equal(shim.minimatch(path, pattern, options), realMinimatch(path, pattern, options));
      }
    }
  }
});
