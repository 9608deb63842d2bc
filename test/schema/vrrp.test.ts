import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { blockSpec, type BlockSpec, type KeywordSpec } from '../../server/src/schema/index';
import { vrrpBlocks } from '../../server/src/schema/vrrp';
import { KeepalivedOracle, ORACLE_BINARIES, showMessage as show } from '../helpers/keepalived';
import { fixtureRows, knownIn, lookup, ownKeywords as domainKeywords } from '../helpers/schemaFixtures';

const upstream = fixtureRows('upstream-keywords-vrrp.txt');
const upstreamValueBlocks = new Set(fixtureRows('upstream-value-blocks-vrrp.txt').map((p) => p.join(' ')));
const upstreamSince = new Map(fixtureRows('upstream-since-vrrp.txt').map(([b, k, v]) => [`${b} ${k}`, v]));

const ownKeywords = () => domainKeywords(vrrpBlocks);

test('the fixture lists the VRRP keywords upstream registers', () => {
  assert.ok(upstream.length >= 120, `only ${upstream.length} keywords in the fixture`);
  assert.ok(upstream.some(([b, k]) => b === 'vrrp_instance' && k === 'virtual_router_id'));
});

test('every keyword upstream registers is in the schema, in its block', () => {
  const missing = upstream.filter(([b, k]) => !lookup(b, k)).map((p) => p.join(' '));
  assert.deepEqual(missing, []);
});

test('the schema has no VRRP keyword that upstream does not register', () => {
  const known = new Set(upstream.map((p) => p.join(' ')));
  const invented = [...ownKeywords()].map(([b, kw]) => `${b.id} ${kw.name}`).filter((pair) => !known.has(pair));
  assert.deepEqual(invented, []);
});

test('keywords whose handler reads a value block open an items block, the others a keyword block', () => {
  for (const [block, kw] of ownKeywords()) {
    if (!kw.block) {
      assert.ok(!upstreamValueBlocks.has(`${block.id} ${kw.name}`), `${block.id} ${kw.name} should open a value block`);
      continue;
    }
    const target = blockSpec(kw.block);
    assert.ok(target, `${block.id} ${kw.name} opens unknown block ${kw.block}`);
    const isValueBlock = upstreamValueBlocks.has(`${block.id} ${kw.name}`);
    assert.equal(!!target.items, isValueBlock, `${block.id} ${kw.name} -> ${kw.block}: items expected ${isValueBlock}`);
    if (!isValueBlock) assert.ok(target.keywords.length > 0, `${kw.block} has no keywords`);
  }
});

test('`since` is the first release tag that registers the keyword', () => {
  for (const [block, kw] of ownKeywords()) {
    const pair = `${block.id} ${kw.name}`;
    assert.equal(kw.since, upstreamSince.get(pair), `since of ${pair}`);
  }
});

test('block ids are unique and every keyword has a doc and an example that starts with its name', () => {
  const ids = vrrpBlocks.map((b) => b.id);
  assert.deepEqual(ids, [...new Set(ids)]);
  for (const [block, kw] of ownKeywords()) {
    assert.ok(kw.doc.length > 20, `${block.id} ${kw.name} doc`);
    assert.ok(kw.example?.split(/\s+/)[0] === kw.name, `${block.id} ${kw.name} example: ${kw.example}`);
    const required = kw.args.filter((a) => !a.optional).length;
    assert.ok(kw.example!.split(/\s+/).length - 1 >= required, `${block.id} ${kw.name} example lacks arguments`);
  }
  for (const block of vrrpBlocks) if (block.items) assert.ok(block.items.example, `${block.id} items example`);
});

test('ranges, enums, refs and required flags follow upstream', () => {
  const vrid = lookup('vrrp_instance', 'virtual_router_id')!;
  assert.deepEqual(vrid.args[0].type, { kind: 'int', min: 1, max: 255 });
  assert.equal(vrid.required, true);
  assert.deepEqual(lookup('vrrp_instance', 'priority')!.args[0].type, { kind: 'int', min: 1, max: 255 });
  assert.deepEqual(lookup('vrrp_instance', 'state')!.args[0].type, { kind: 'enum', values: ['MASTER', 'BACKUP'] });
  assert.deepEqual(lookup('vrrp_instance.authentication', 'auth_type')!.args[0].type, { kind: 'enum', values: ['PASS', 'AH'] });
  assert.equal(lookup('vrrp_instance.authentication', 'auth_pass')!.required, true);
  assert.deepEqual(blockSpec('vrrp_instance.track_script')!.items!.args[0].type, { kind: 'ref', symbol: 'vrrp_script' });
  assert.deepEqual(blockSpec('vrrp_sync_group.group')!.items!.args[0].type, { kind: 'ref', symbol: 'vrrp_instance' });
  assert.equal(lookup('vrrp_sync_group', 'track_script')!.block, lookup('vrrp_instance', 'track_script')!.block);
  assert.equal(lookup('root', 'vrrp_track_file')!.deprecated?.replacement, 'track_file');
  assert.equal(lookup('vrrp_instance', 'vmac_garp_intvl')!.deprecated?.replacement, 'garp_extra_if');
  for (const [block, kw] of ownKeywords()) {
    const replacement = kw.deprecated?.replacement;
    if (replacement) assert.ok(lookup(block.id, replacement), `${kw.name} -> ${replacement} is not in ${block.id}`);
  }
});

// ---- both real keepalived releases (2.2.7, 2.4.3) as the oracle for the examples -------------------------------------------

/** Keywords whose example cannot pass here for reasons outside the schema. */
const ENVIRONMENT_LIMITED: Record<string, string> = {
  'vrrp_instance vrf': 'this kernel cannot create a VRF device, so keepalived warns that it does not exist',
};

/** Objects the examples refer to but that other domains define. */
const PREAMBLE = ['bfd_instance bfd_peer {', '  neighbor_ip 192.0.2.2', '}'];

interface Config {
  lines: string[];
  /** line number (1-based) -> `block keyword` whose example produced it */
  origin: Map<number, string>;
}

function emit(config: Config, text: string, origin?: string): void {
  config.lines.push(text);
  if (origin) config.origin.set(config.lines.length, origin);
}

function emitKeyword(config: Config, block: BlockSpec, kw: KeywordSpec, indent: string, version: string): void {
  const origin = `${block.id} ${kw.name}`;
  if (!kw.block) return emit(config, indent + kw.example, origin);
  emit(config, `${indent}${kw.example} {`, origin);
  emitBody(config, blockSpec(kw.block)!, `${indent}  `, version);
  emit(config, `${indent}}`);
}

function emitBody(config: Config, block: BlockSpec, indent: string, version: string): void {
  if (block.items?.example) emit(config, indent + block.items.example, `${block.id} (item)`);
  for (const kw of block.keywords) if (knownIn(kw.since, version)) emitKeyword(config, block, kw, indent, version);
}

/**
 * One config holding every example that release `version` knows. vrrp_instance keywords get an instance each (with a
 * minimal base), because several of them legitimately exclude each other (native_ipv6 vs IPv4 VIPs, ...).
 */
function buildConfig(version: string): Config {
  const known = (kw: KeywordSpec) => knownIn(kw.since, version);
  const config: Config = { lines: [], origin: new Map() };
  for (const line of PREAMBLE) emit(config, line);
  const root = vrrpBlocks.find((b) => b.id === 'root')!;
  const instance = blockSpec('vrrp_instance')!;
  let vrid = 1;
  const emitInstance = (name: string, tested?: KeywordSpec) => {
    emit(config, `vrrp_instance ${name} {`, 'root vrrp_instance');
    if (tested) emitKeyword(config, instance, tested, '  ', version);
    if (tested?.name !== 'interface' && tested?.name !== 'vrf') emit(config, '  interface eth0');
    if (tested?.name !== 'virtual_router_id') emit(config, `  virtual_router_id ${vrid}`);
    if (tested?.name !== 'virtual_ipaddress') {
      emit(config, '  virtual_ipaddress {');
      emit(config, `    192.0.2.${100 + vrid}/24`);
      emit(config, '  }');
    }
    emit(config, '}');
    vrid++;
  };
  emitInstance('VI_1');
  // keepalived resolves track_* names while parsing, so the tracked objects must come first.
  const usersLast = (kw: KeywordSpec) => (kw.name === 'vrrp_instance' || kw.name === 'vrrp_sync_group' ? 1 : 0);
  for (const kw of [...root.keywords].sort((a, b) => usersLast(a) - usersLast(b))) {
    if (!known(kw)) continue;
    if (kw.name === 'vrrp_instance') {
      for (const tested of instance.keywords) if (known(tested)) emitInstance(`VI_${tested.name}`, tested);
      continue;
    }
    emitKeyword(config, root, kw, '', version);
  }
  return config;
}

for (const binary of ORACLE_BINARIES) describe(`keepalived ${binary.version} as the oracle`, () => {
  let oracle: KeepalivedOracle;
  before(() => (oracle = new KeepalivedOracle(binary)));
  after(() => oracle.dispose());
  const version = binary.version;

  test(`keepalived ${version} accepts the example of every VRRP keyword it knows`, () => {
    const config = buildConfig(version);
    const { messages } = oracle.check(config.lines.join('\n') + '\n');
    if (process.env.VRRP_SCHEMA_DEBUG) console.log(config.lines.join('\n') + '\n----\n' + messages.map(show).join('\n'));

    const unknown = messages.filter((m) => /Unknown keyword/.test(m.text)).map(show);
    assert.deepEqual(unknown, [], `keywords ${version} does not know`);

    const complaints: string[] = [];
    for (const message of messages) {
      const origin = message.line && config.origin.get(message.line);
      if (!origin) continue;
      const [blockId, name] = origin.split(' ');
      const kw = lookup(blockId, name);
      if (kw?.deprecated || ENVIRONMENT_LIMITED[origin]) continue;
      complaints.push(`${origin}: ${config.lines[message.line! - 1].trim()} -> ${message.text}`);
    }
    assert.deepEqual(complaints, [], 'examples keepalived complains about');

    const covered = new Set(config.origin.values());
    const notCovered = [...ownKeywords()]
      .filter(([, kw]) => knownIn(kw.since, version))
      .map(([block, kw]) => `${block.id} ${kw.name}`)
      .filter((pair) => !covered.has(pair) && !pair.startsWith('vrrp_instance.auth_hmac '));
    assert.deepEqual(notCovered, [], 'keywords whose example was not tried');
    const keywordsTried = [...covered].filter((o) => !o.endsWith('(item)')).length;
    console.log(`# keepalived ${version} accepted ${keywordsTried} keyword examples and ${covered.size - keywordsTried} item examples`);
  });

  // Only where the schema dates VRRP keywords after the release (none is newer than 2.4.3).
  const newer = (block: BlockSpec) => block.keywords.filter((kw) => !knownIn(kw.since, version));
  if (vrrpBlocks.some((block) => newer(block).length > 0)) test(`keepalived ${version} does not know the VRRP keywords the schema dates after it`, () => {
    const config: Config = { lines: [], origin: new Map() };
    const root = vrrpBlocks.find((b) => b.id === 'root')!;
    const emitNewer = (block: BlockSpec, indent: string) => {
      for (const kw of newer(block)) {
        emit(config, indent + kw.example + (kw.block ? ' {' : ''), `${block.id} ${kw.name}`);
        if (kw.block) emit(config, `${indent}}`);
      }
    };
    emitNewer(root, '');
    emit(config, 'vrrp_instance VI_1 {');
    emit(config, '  interface eth0');
    emit(config, '  virtual_router_id 1');
    emitNewer(blockSpec('vrrp_instance')!, '  ');
    emit(config, '}');
    const unknownAt = new Set<number>();
    for (const m of oracle.check(config.lines.join('\n') + '\n').messages) {
      if (m.line && m.text.startsWith('Unknown keyword')) unknownAt.add(m.line);
    }
    const accepted = [...config.origin].filter(([line]) => !unknownAt.has(line)).map(([, origin]) => origin);
    assert.ok(config.origin.size >= 5, `only ${config.origin.size} newer keywords tried`);
    assert.deepEqual(accepted, [], `keywords dated after ${version} that ${version} accepts`);
  });
});
