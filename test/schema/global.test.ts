import { after, before, describe, test } from 'node:test';
import { lintFiles } from '../../server/src/analysis/lint';
import assert from 'node:assert/strict';
import { blockSpec, keywordSpec, rootBlockSpec, type BlockSpec, type KeywordSpec } from '../../server/src/schema/index';
import { globalBlocks } from '../../server/src/schema/global';
import { KeepalivedOracle, ORACLE_BINARIES, showMessage as show } from '../helpers/keepalived';
import { fixtureRows, knownIn } from '../helpers/schemaFixtures';

const upstream = fixtureRows('upstream-keywords-global.txt');
const upstreamSince = new Map(fixtureRows('upstream-since-global.txt').map(([block, kw, v]) => [`${block} ${kw}`, v]));

const ownBlocks = new Map(globalBlocks.map((b) => [b.id, b]));

function merged(id: string): BlockSpec {
  const block = id === 'root' ? rootBlockSpec() : blockSpec(id);
  assert.ok(block, `block ${id} is in the schema`);
  return block;
}

/** [block id, keyword] for every keyword this domain declares. */
function ownKeywords(): [string, KeywordSpec][] {
  return globalBlocks.flatMap((b) => b.keywords.map((kw): [string, KeywordSpec] => [b.id, kw]));
}

test('the fixture lists the upstream keyword set (root, global_defs, bfd_instance)', () => {
  const count = (id: string) => upstream.filter(([b]) => b === id).length;
  assert.ok(count('global_defs') >= 140, `global_defs has ${count('global_defs')} keywords`);
  assert.ok(count('bfd_instance') >= 15);
  assert.ok(upstream.some(([b, kw]) => b === 'root' && kw === 'global_defs'));
});

test('every upstream keyword is in the merged schema, in the block where upstream registers it', () => {
  const missing = upstream.filter(([id, kw]) => !keywordSpec(merged(id), kw)).map((p) => p.join(' '));
  assert.deepEqual(missing, []);
});

test('the domain declares no keyword that upstream does not register', () => {
  const known = new Set(upstream.map((p) => p.join(' ')));
  const extra = ownKeywords().map(([id, kw]) => `${id} ${kw.name}`).filter((pair) => !known.has(pair));
  assert.deepEqual(extra, []);
});

test('no keyword is declared twice in one block', () => {
  for (const block of globalBlocks) {
    const names = block.keywords.map((kw) => kw.name);
    assert.deepEqual(names.filter((n, i) => names.indexOf(n) !== i), [], block.id);
  }
});

test('`since` is the first release tag that registers the keyword', () => {
  const wrong: string[] = [];
  for (const [id, kw] of ownKeywords()) {
    const expected = upstreamSince.get(`${id} ${kw.name}`);
    if (expected === 'unreleased') {
      if (knownIn(kw.since, '2.4.3')) wrong.push(`${id} ${kw.name}: ${kw.since} should be after 2.4.3`);
    } else if (kw.since !== expected) {
      wrong.push(`${id} ${kw.name}: ${kw.since} != ${expected}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('block keywords open blocks that exist; value blocks have item specs', () => {
  for (const [id, kw] of ownKeywords()) {
    if (!kw.block) continue;
    const target = blockSpec(kw.block);
    assert.ok(target, `${id} ${kw.name} opens ${kw.block}`);
    assert.ok(target.keywords.length > 0 || target.items, `${kw.block} has keywords or items`);
  }
  assert.equal(blockSpec('global_defs.notification_email')?.items?.args[0].type.kind, 'email');
});

test('deprecated keywords name a replacement in the same block', () => {
  for (const [id, kw] of ownKeywords()) {
    const replacement = kw.deprecated?.replacement;
    if (replacement) assert.ok(ownBlocks.get(id)?.keywords.some((k) => k.name === replacement), `${kw.name} -> ${replacement}`);
  }
});

test('docs are present and examples start with their keyword', () => {
  for (const [id, kw] of ownKeywords()) {
    assert.ok(kw.doc.length > 15, `${id} ${kw.name} has a doc`);
    if (kw.example) assert.equal(kw.example.split(/\s+/)[0], kw.name, `${id} ${kw.name} example`);
    for (const arg of kw.args.slice(0, -1)) assert.ok(!arg.variadic, `${kw.name}: only the last argument may be variadic`);
  }
});

// ---- both real keepalived releases as the oracle -------------------------------------------------------------

interface Assembled {
  text: string;
  /** line number (1-based) -> "block keyword" whose example sits there */
  lines: Map<number, string>;
}

/** One config holding every example of a keyword that release `version` knows, each inside its block. */
function assembleExamples(version: string): Assembled {
  const out: string[] = [];
  const lines = new Map<number, string>();
  const emit = (text: string, owner?: string) => {
    out.push(text);
    if (owner) lines.set(out.length, owner);
  };
  const testable = (kw: KeywordSpec) => kw.example && knownIn(kw.since, version);
  const items = blockSpec('global_defs.notification_email')!.items!;

  for (const kw of ownBlocks.get('root')!.keywords) if (!kw.block && testable(kw)) emit(kw.example!, `root ${kw.name}`);
  emit('global_defs {', 'root global_defs');
  for (const kw of ownBlocks.get('global_defs')!.keywords) {
    if (!testable(kw)) continue;
    if (kw.block) {
      emit(`  ${kw.example} {`, `global_defs ${kw.name}`);
      emit(`    ${items.example}`, `${kw.block} item`);
      emit('  }');
    } else emit(`  ${kw.example}`, `global_defs ${kw.name}`);
  }
  emit('}');
  // keepalived drops a bfd_instance without a neighbour address; the block's own examples supply one.
  const bfd = ownBlocks.get('root')!.keywords.find((kw) => kw.name === 'bfd_instance')!;
  emit(`${bfd.example} {`, 'root bfd_instance');
  for (const kw of ownBlocks.get('bfd_instance')!.keywords) if (testable(kw)) emit(`  ${kw.example}`, `bfd_instance ${kw.name}`);
  emit('}');
  return { text: out.join('\n') + '\n', lines };
}

/** The smallest config that holds one example in its block. */
function aloneInItsBlock(id: string, kw: KeywordSpec): string {
  const neighbour = '  neighbor_ip 192.0.2.2\n';
  if (id === 'global_defs' && kw.block) {
    return `global_defs {\n  ${kw.example} {\n    ${blockSpec(kw.block)!.items!.example}\n  }\n}\n`;
  }
  if (id === 'global_defs') return `global_defs {\n  ${kw.example}\n}\n`;
  if (id === 'bfd_instance') return `bfd_instance BFD_1 {\n${neighbour}  ${kw.example}\n}\n`;
  if (kw.block === 'bfd_instance') return `${kw.example} {\n${neighbour}}\n`;
  if (kw.block) return `${kw.example} {\n}\n`;
  return `${kw.example}\n`;
}

for (const binary of ORACLE_BINARIES) describe(`keepalived ${binary.version} as the oracle`, () => {
  let oracle: KeepalivedOracle;
  before(() => (oracle = new KeepalivedOracle(binary)));
  after(() => oracle.dispose());
  const ORACLE_VERSION = binary.version;

  test(`keepalived ${ORACLE_VERSION} accepts every example of the keywords it knows`, async (t) => {
    const config = assembleExamples(ORACLE_VERSION);
    const covered = [...config.lines.values()].filter((owner) => !owner.endsWith(' item')).length;
    assert.ok(covered >= 120, `examples cover ${covered} keywords`);
    const [{ exitCode, messages }] = await oracle.checkAll([config.text]);

    const unknown = messages.filter((m) => m.text.includes('Unknown keyword')).map(show);
    assert.deepEqual(unknown, [], 'no Unknown keyword');
    const aboutExamples = messages.filter((m) => config.lines.has(m.line ?? -1)).map((m) => `${config.lines.get(m.line!)}: ${show(m)}`);
    assert.deepEqual(aboutExamples, [], 'no complaint about an example line');
    assert.deepEqual(messages.map(show), [], 'no complaint at all');
    assert.equal(exitCode, 0);
    t.diagnostic(`keepalived ${ORACLE_VERSION} -t accepted ${covered} keyword examples of the GLOBAL domain`);
  });

  // keepalived says nothing about the example's line; a line-less warning (script security) may remain.
  test(`keepalived ${ORACLE_VERSION} accepts each example alone in its block`, async () => {
    const cases = ownKeywords().filter(([, kw]) => kw.example && knownIn(kw.since, ORACLE_VERSION));
    const configs = cases.map(([id, kw]) => aloneInItsBlock(id, kw));
    const results = await oracle.checkAll(configs);
    const complaints = results.flatMap((r, i) => {
      const exampleLine = configs[i].split('\n').findIndex((l) => l.trim().startsWith(cases[i][1].example!)) + 1;
      return r.messages
        .filter((m) => m.text.includes('Unknown keyword') || m.line === exampleLine)
        .map((m) => `${cases[i][0]} ${cases[i][1].name}: ${show(m)}`);
    });
    assert.deepEqual(complaints, []);
    assert.ok(cases.length >= 120);
  });

  // Only where the schema dates global keywords after the release (set_supplementary_groups is newer than 2.4.3).
  const newer = ownKeywords().filter(([, kw]) => kw.example && !knownIn(kw.since, ORACLE_VERSION));
  if (newer.length > 0) test(`keepalived ${ORACLE_VERSION} does not know the global keywords the schema dates after it, and the linter says so`, async () => {
    const configs = newer.map(([id, kw]) => aloneInItsBlock(id, kw));
    const results = await oracle.checkAll(configs);
    const accepted = newer.filter((_, i) => !results[i].messages.some((m) => m.text.includes('Unknown keyword'))).map(([id, kw]) => `${id} ${kw.name}`);
    assert.deepEqual(accepted, [], `keywords dated after ${ORACLE_VERSION} that it accepts`);
    const unflagged = newer.filter((_, i) => !lintFiles([results[i].path], { keepalivedVersion: ORACLE_VERSION }).some((d) => d.code === 'newer-keyword')).map(([id, kw]) => `${id} ${kw.name}`);
    assert.deepEqual(unflagged, [], 'newer keywords the linter does not report against the chosen version');
  });
  if (ORACLE_VERSION === '2.2.7') test('the oracle does complain: a keyword newer than 2.2.7 and a broken example are reported on their lines', async () => {
    const text = 'global_defs {\n  vrrp_owner_ignore_adverts\n  vrrp_version 4\n}\n';
    const [{ exitCode, messages }] = await oracle.checkAll([text]);
    assert.notEqual(exitCode, 0);
    assert.ok(messages.some((m) => m.line === 2 && m.text.includes('Unknown keyword')), messages.map(show).join('\n'));
    assert.ok(messages.some((m) => m.line === 3), messages.map(show).join('\n'));
  });
});
