// Stand-ins the bundles use for vscode-languageclient's semver and minimatch (scripts/shims/): semver's answers for
// what the client asks of it; minimatch's only caller (file operation filters) is never reached.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
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

test('the minimatch stand-in refuses every pattern, so a file operation filter is rejected, never half matched', () => {
  const shim = shimFor('minimatch') as { Minimatch: new (pattern: string, options?: object) => { makeRe(): unknown; match(path: string): boolean }; minimatch: (path: string, pattern: string) => boolean };
  for (const pattern of ['**/*.conf', '/etc/keepalived/*']) {
    const matcher = new shim.Minimatch(pattern, { dot: true });
    assert.equal(matcher.makeRe(), false, pattern);
    assert.equal(matcher.match('/etc/keepalived/keepalived.conf'), false, pattern);
    assert.equal(shim.minimatch('/etc/keepalived/keepalived.conf', pattern), false, pattern);
  }
});
