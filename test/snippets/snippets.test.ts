import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { lintFiles } from '../../server/src/analysis/lint';
import { expandSnippet } from './expand-snippet';
import { KeepalivedOracle } from './keepalived-oracle';
import { ORACLE_BINARIES } from '../helpers/keepalived';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}
const snippets: Record<string, Snippet> = JSON.parse(readFileSync(new URL('../../snippets/keepalived.json', import.meta.url), 'utf8'));

const expand = (name: string): string => {
  assert.ok(snippets[name], `no snippet named "${name}"`);
  return `${expandSnippet(snippets[name].body)}\n`;
};

/** Puts `fragment` inside the last block of `host`, one level deeper. */
function nest(host: string, fragment: string): string {
  const close = host.lastIndexOf('}');
  const lines = fragment.trimEnd().split('\n').map((line) => (line ? `\t${line}` : line));
  const indent = /\n(\t*)[^\n]*$/.exec(host.slice(0, close))?.[1] ?? '';
  return `${host.slice(0, close)}${lines.map((l) => (l ? indent + l : l)).join('\n')}\n${indent}${host.slice(close)}`;
}

const globals = () => expand('global_defs with e-mail notification');
const masterInstance = () => expand('vrrp_instance MASTER');
const natService = () => expand('virtual_server NAT');
const realServerWith = (checker: string) => nest(natService(), nest(expand('real_server'), expand(checker)));
const secondInstance = () =>
  masterInstance().replace('VI_1', 'VI_2').replace('virtual_router_id 51', 'virtual_router_id 52').replace('192.168.200.16/24', '192.168.200.17/24');

/** For every snippet: a complete configuration that uses it where it belongs. */
const configUsing: Record<string, () => string> = {
  'global_defs with e-mail notification': () => globals(),
  'vrrp_instance MASTER': () => globals() + masterInstance(),
  'vrrp_instance BACKUP': () => globals() + expand('vrrp_instance BACKUP'),
  'virtual_server DR': () => globals() + expand('virtual_server DR'),
  'virtual_server NAT': () => globals() + natService(),
  real_server: () => globals() + nest(natService(), expand('real_server')),
  HTTP_GET: () => globals() + realServerWith('HTTP_GET'),
  TCP_CHECK: () => globals() + realServerWith('TCP_CHECK'),
  MISC_CHECK: () => globals() + realServerWith('MISC_CHECK'),
  vrrp_script: () => globals() + expand('vrrp_script'),
  track_script: () => globals() + expand('vrrp_script') + nest(masterInstance(), expand('track_script')),
  'unicast peers': () => globals() + nest(masterInstance(), expand('unicast peers')),
  vrrp_sync_group: () => globals() + masterInstance() + secondInstance() + expand('vrrp_sync_group'),
};

/** The seed's two directors, written only with snippets. */
function director(role: 'MASTER' | 'BACKUP'): string {
  const instance = role === 'MASTER' ? masterInstance() : expand('vrrp_instance BACKUP');
  let unicast = expand('unicast peers');
  if (role === 'BACKUP') unicast = unicast.replace('192.168.200.11', '@SELF').replace('192.168.200.12', '192.168.200.11').replace('@SELF', '192.168.200.12');
  const tracked = nest(nest(instance, expand('track_script')), unicast);
  const defs = role === 'MASTER' ? globals() : globals().replace('LVS_MASTER', 'LVS_BACKUP');
  return defs + expand('vrrp_script') + tracked + expand('virtual_server DR');
}

const oracle = new KeepalivedOracle();
/** every release we run as oracle, each in a namespace of its own */
const releases = ORACLE_BINARIES.map((b) => ({ version: b.version, oracle: b.version === '2.2.7' ? oracle : new KeepalivedOracle(b.binary) }));
before(() => releases.forEach((r) => r.oracle.start()));
after(() => releases.forEach((r) => r.oracle.stop()));

test('every snippet has a prefix, a description and a configuration that exercises it', () => {
  for (const [name, snippet] of Object.entries(snippets)) {
    assert.ok(snippet.prefix.length > 0 && snippet.description.length > 10, name);
    assert.ok(configUsing[name], `snippet "${name}" has no test configuration`);
  }
});

test('expansion resolves defaults, choices and mirrors', () => {
  assert.equal(expandSnippet('a ${1:x} ${2|rr,wlc|} $1 ${3:${4:in}ner} $4 \\$5 $0'), 'a x rr x inner in $5 ');
});

for (const name of Object.keys(configUsing)) {
  test(`keepalived -t (${releases.map((r) => r.version).join(' and ')}) accepts the snippet "${name}" expanded with its defaults`, () => {
    for (const { version, oracle: release } of releases) {
      const verdict = release.check(configUsing[name](), name.replace(/\W+/g, '_'));
      assert.deepEqual(verdict.messages, [], `${version}: ${readFileSync(verdict.file, 'utf8')}`);
      assert.equal(verdict.exitCode, 0, version);
    }
  });
}

test('the seed cluster written from snippets passes keepalived -t on both directors', () => {
  for (const role of ['MASTER', 'BACKUP'] as const) {
    const text = director(role);
    assert.match(text, new RegExp(`state ${role}`));
    const verdict = oracle.check(text, role.toLowerCase());
    assert.deepEqual(verdict.messages, [], text);
    assert.equal(verdict.exitCode, 0);
  }
});

test('the oracle rejects a broken snippet expansion (the check can fail)', () => {
  const verdict = oracle.check(globals() + masterInstance().replace('virtual_router_id 51', 'virtual_router_id 300'), 'broken');
  assert.notEqual(verdict.exitCode, 0);
  assert.ok(verdict.messages.some((m) => /outside range/.test(m)), verdict.messages.join('\n'));
});

test('the linter reports no error on any snippet configuration, nor on the two directors together', () => {
  for (const [name, make] of Object.entries(configUsing)) {
    const { file } = oracle.check(make(), `lint-${name.replace(/\W+/g, '_')}`);
    const errors = lintFiles([file]).filter((d) => d.severity === 'error');
    assert.deepEqual(errors, [], `${name}:\n${readFileSync(file, 'utf8')}`);
  }
  const pair = (['MASTER', 'BACKUP'] as const).map((role) => oracle.check(director(role), `pair-${role}`).file);
  // The two directors are the user's real cluster: they should not even draw a warning.
  assert.deepEqual(lintFiles(pair).filter((d) => d.severity === 'error' || d.severity === 'warning'), []);
});

test('the linter does see an error in a broken expansion (the check can fail)', () => {
  const { file } = oracle.check(globals() + masterInstance().replace('priority 100', 'priorty 100'), 'lint-broken');
  assert.ok(lintFiles([file]).some((d) => d.severity === 'error'));
});
