import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { collectKeywordLists, renderGrammar } from '../../scripts/grammar/build-grammar';
import { GRAMMAR_FILE, PROJECT_ROOT, snapshotCases, stageCases } from '../../scripts/grammar/snapshot-cases';

const bin = (name: string) => join(PROJECT_ROOT, 'node_modules/.bin', name);

function run(tool: string, args: string[]) {
  const result = spawnSync(bin(tool), args, { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

test('the committed grammar is what the schema generates (run `npm run generate:grammar`)', () => {
  assert.equal(readFileSync(GRAMMAR_FILE, 'utf8'), renderGrammar());
});

test('the grammar colours the keywords the seed cluster uses, taken from the schema', () => {
  const lists = collectKeywordLists();
  for (const name of ['vrrp_instance', 'vrrp_script', 'vrrp_sync_group']) assert.ok(lists.namedBlocks.includes(name), name);
  for (const name of ['global_defs', 'virtual_server', 'real_server', 'HTTP_GET', 'TCP_CHECK', 'MISC_CHECK', 'authentication', 'virtual_ipaddress']) {
    assert.ok(lists.blocks.includes(name), name);
  }
  for (const name of ['state', 'priority', 'virtual_router_id', 'lb_kind', 'lb_algo', 'weight']) assert.ok(lists.keywords.includes(name), name);
  for (const value of ['MASTER', 'BACKUP', 'DR', 'NAT', 'TUN', 'PASS']) {
    assert.ok(lists.constants.includes(value) || lists.constantsAnyCase.includes(value.toLowerCase()), value);
  }
  for (const value of ['rr', 'wlc']) assert.ok(lists.constants.includes(value) || lists.constantsAnyCase.includes(value), value);
  assert.ok(lists.includes.includes('include'));
});

test('scope assertions in test/grammar/fixtures hold (vscode-tmgrammar-test)', () => {
  const { status, output } = run('vscode-tmgrammar-test', ['-c', '-g', GRAMMAR_FILE, 'test/grammar/fixtures/*.test.keepalived']);
  assert.equal(status, 0, output);
});

test('a wrong scope assertion makes vscode-tmgrammar-test fail', () => {
  const { status, output } = run('vscode-tmgrammar-test', ['-c', '-g', GRAMMAR_FILE, 'test/grammar/broken/*.keepalived']);
  assert.notEqual(status, 0, output);
  assert.match(output, /Missing required scopes/);
});

test('real configurations tokenize as their snapshots say (vscode-tmgrammar-snap)', () => {
  const cases = snapshotCases();
  for (const { source, snapshot } of cases) {
    assert.ok(existsSync(source), `missing configuration ${source}`);
    // The tool silently writes a missing snapshot and passes: demand that each one is committed.
    assert.ok(existsSync(snapshot), `missing snapshot ${snapshot} (run \`npm run update:grammar-snapshots\`)`);
  }
  const dir = stageCases(cases);
  try {
    const files = cases.map(({ source }) => join(dir, basename(source)));
    const { status, output } = run('vscode-tmgrammar-snap', ['-g', GRAMMAR_FILE, '-s', 'source.keepalived', ...files]);
    assert.equal(status, 0, `${output}\n(if the change is intended: npm run update:grammar-snapshots)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
