import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { blockSpec, type KeywordSpec } from '../../server/src/schema/index';
import { checkBlocks } from '../../server/src/schema/check';
import { KeepalivedOracle, ORACLE_BINARIES, showMessage } from '../helpers/keepalived';
import { fixtureRows, knownIn, lookup, ownKeywords as domainKeywords } from '../helpers/schemaFixtures';

/** `block keyword` pairs that upstream HEAD registers (scripts/upstream-keywords-check.ts). */
const upstream = fixtureRows('upstream-keywords-check.txt');
const upstreamSince = new Map(fixtureRows('upstream-since-check.txt').map(([b, k, v]) => [`${b} ${k}`, v]));
const upstreamParents = new Set(upstream.map(([b]) => b));

const ownKeywords = () => domainKeywords(checkBlocks);

test('the fixture holds the LVS keywords upstream registers', () => {
  assert.ok(upstream.length >= 200, `only ${upstream.length} pairs`);
  for (const pair of ['virtual_server lvs_sched', 'real_server HTTP_GET', 'HTTP_GET.url path', 'SSL_GET tls_compliant', 'SMTP_CHECK.host connect_ip']) {
    assert.ok(upstream.some((p) => p.join(' ') === pair), pair);
  }
  assert.ok(!upstream.some((p) => p.join(' ') === 'HTTP_GET tls_compliant'), 'tls_compliant is SSL_GET only');
});

test('every keyword upstream registers is in the schema, in its block', () => {
  const missing = upstream.filter(([b, k]) => !lookup(b, k)).map((p) => p.join(' '));
  assert.deepEqual(missing, []);
});

test('the schema has no LVS keyword that upstream does not register', () => {
  const known = new Set(upstream.map((p) => p.join(' ')));
  const invented = [...ownKeywords()].map(([b, kw]) => `${b.id} ${kw.name}`).filter((pair) => !known.has(pair));
  assert.deepEqual(invented, []);
});

test('keywords that open an upstream sub-level open the block of that id; value blocks use items', () => {
  for (const [block, kw] of ownKeywords()) {
    const childId = block.id === 'root' || block.id === 'virtual_server' || block.id === 'real_server' ? kw.name : `${block.id}.${kw.name}`;
    if (upstreamParents.has(childId)) {
      assert.equal(kw.block, childId, `${block.id} ${kw.name}`);
      assert.ok(blockSpec(childId)!.keywords.length > 0, `${childId} is empty`);
    } else if (kw.block) {
      assert.equal(kw.name, 'virtual_server_group', `${block.id} ${kw.name} opens ${kw.block} but upstream has no sub-level`);
      assert.ok(blockSpec(kw.block)?.items, 'virtual_server_group is a value block');
    }
  }
});

test('`since` is the first release tag that registers the keyword in that block', () => {
  for (const [block, kw] of ownKeywords()) {
    const pair = `${block.id} ${kw.name}`;
    assert.equal(kw.since, upstreamSince.get(pair), `since of ${pair}`);
  }
});

test('block ids are unique; every keyword has a doc and an example that starts with its name', () => {
  const ids = checkBlocks.filter((b) => b.id !== 'root').map((b) => b.id);
  assert.deepEqual(ids, [...new Set(ids)]);
  for (const [block, kw] of ownKeywords()) {
    assert.ok(kw.doc.length > 20, `${block.id} ${kw.name} doc`);
    const words = kw.example?.split(/\s+/) ?? [];
    assert.equal(words[0], kw.name, `${block.id} ${kw.name} example: ${kw.example}`);
    assert.ok(words.length - 1 >= kw.args.filter((a) => !a.optional).length, `${block.id} ${kw.name} example lacks arguments`);
  }
});

test('ranges, enums, aliases and refs follow the handlers', () => {
  const sched = lookup('virtual_server', 'lvs_sched')!.args[0].type;
  assert.equal(sched.kind, 'enum');
  assert.deepEqual(sched.kind === 'enum' && [...sched.values], ['rr', 'wrr', 'lc', 'wlc', 'lblc', 'sh', 'mh', 'dh', 'fo', 'ovf', 'lblcr', 'sed', 'nq', 'twos']);
  assert.deepEqual(lookup('virtual_server', 'lb_algo')!.args, lookup('virtual_server', 'lvs_sched')!.args);
  assert.deepEqual(lookup('virtual_server', 'protocol')!.args[0].type, { kind: 'enum', values: ['TCP', 'UDP', 'SCTP'], caseInsensitive: true });
  assert.deepEqual(lookup('real_server', 'lvs_method')!.args[0].type, { kind: 'enum', values: ['NAT', 'DR', 'TUN'] });
  assert.deepEqual(lookup('real_server', 'weight')!.args[0].type, { kind: 'int', min: 0, max: 2147483647 });
  assert.deepEqual(lookup('virtual_server', 'weight')!.args[0].type, { kind: 'int', min: 1, max: 2147483647 });
  assert.deepEqual(lookup('TCP_CHECK', 'retry')!.args[0].type, { kind: 'int', min: 0, max: 4294967295 });
  assert.deepEqual(lookup('virtual_server', 'retry')!.args[0].type, { kind: 'int', min: 1, max: 4294967295 });
  assert.deepEqual(lookup('FILE_CHECK', 'track_file')!.args[0].type, { kind: 'ref', symbol: 'track_file' });
  assert.deepEqual(lookup('BFD_CHECK', 'name')!.args[0].type, { kind: 'ref', symbol: 'bfd_instance' });
  assert.equal(lookup('HTTP_GET', 'nb_get_retry')!.deprecated?.replacement, 'retry');
  // keepalived accepts the old names without a warning, so the linter must not call them deprecated
  assert.equal(lookup('virtual_server', 'lb_kind')!.deprecated, undefined);
  assert.equal(lookup('virtual_server', 'lb_algo')!.deprecated, undefined);
  assert.equal(lookup('virtual_server', 'real_server')!.required, true);
  assert.equal(lookup('HTTP_GET', 'url')!.required, true);
  assert.equal(lookup('SSL_GET', 'sni_name')!.since, '2.4.4');
  for (const [block, kw] of ownKeywords()) {
    const replacement = kw.deprecated?.replacement;
    if (replacement) assert.ok(lookup(block.id, replacement), `${kw.name} -> ${replacement} is not in ${block.id}`);
  }
});

// ---- both real keepalived releases (2.2.7, 2.4.3) as the oracle for the examples -------------------------------------------

/** Objects that examples refer to; script security on so that /bin/true runs without warnings. */
function preamble(dir: string): string[] {
  writeFileSync(join(dir, 'weight'), '5\n');
  return [
    'global_defs {', '  script_user root', '  enable_script_security', '}',
    'track_file tf1 {', `  file ${join(dir, 'weight')}`, '}',
    'bfd_instance bfd1 {', '  neighbor_ip 192.0.2.50', '}',
  ];
}

/** What a block needs inside it to be accepted at all; one statement per entry (a sub-block spans lines). */
const MINIMAL_BODY: Record<string, string[]> = {
  virtual_server: ['protocol TCP', 'lvs_sched rr', 'lvs_method NAT'],
  virtual_server_group: ['192.0.2.200 80'],
  MISC_CHECK: ['misc_path /bin/true'],
  HTTP_GET: ['url {\n  path /\n}'],
  SSL_GET: ['url {\n  path /\n}'],
  'HTTP_GET.url': ['path /'],
  'SSL_GET.url': ['path /'],
  FILE_CHECK: ['track_file tf1'],
  BFD_CHECK: ['name bfd1'],
};

/** Lines an example depends on, written just before it. */
const PREREQUISITES: Record<string, string[]> = {
  'virtual_server sorry_server_inhibit': ['sorry_server 192.0.2.30 80'],
  'virtual_server sorry_server_lvs_method': ['sorry_server 192.0.2.30 80'],
  'virtual_server hashed': ['lvs_sched sh'],
  'virtual_server sh-port': ['lvs_sched sh'],
  'virtual_server sh-fallback': ['lvs_sched sh'],
  'virtual_server mh-port': ['lvs_sched mh'],
  'virtual_server mh-fallback': ['lvs_sched mh'],
  'virtual_server ops': ['protocol UDP'],
  'virtual_server hysteresis': ['quorum 2'],
  ...Object.fromEntries(
    ['HTTP_GET.url', 'SSL_GET.url'].flatMap((b) =>
      ['regex_no_match', 'regex_options', 'regex_min_offset', 'regex_max_offset', 'regex_stack'].map((k) => [`${b} ${k}`, ['regex "^OK"']]),
    ),
  ),
};

/** Upstream logs these on purpose: the keyword works but is on its way out. */
const EXPECTED_COMPLAINTS: Record<string, RegExp> = {
  'HTTP_GET nb_get_retry': /nb_get_retry is deprecated/,
  'SSL_GET nb_get_retry': /nb_get_retry is deprecated/,
};

/** Parent chain of each block, outermost first (root excluded). */
const PARENT: Record<string, string> = {
  SSL: 'root', virtual_server_group: 'root', virtual_server: 'root', real_server: 'virtual_server',
  'HTTP_GET.url': 'HTTP_GET', 'SSL_GET.url': 'SSL_GET', 'SMTP_CHECK.host': 'SMTP_CHECK',
};
const parentOf = (id: string) => PARENT[id] ?? 'real_server';

interface Config { lines: string[]; origin: Map<number, string> }

/** Blocks keepalived allows once: all their examples share one. */
const SHARED_CONTEXT = new Set(['SSL']);

/** Every example gets a service of its own; 198.18.0.0/15 is reserved for tests and has room for them. */
const serviceAddress = (serial: number) => `198.18.${serial >> 8}.${serial & 255}`;

/** Real server every service gets, with enough weight for the quorum examples. */
const filler = (indent: string) => [`${indent}real_server 192.0.2.13 80 {`, `${indent}  weight 2`, `${indent}}`];

/** Minimal body of a block, leaving out the line the example itself supplies. */
const minimalBody = (id: string, except?: string) =>
  (MINIMAL_BODY[id] ?? []).filter((statement) => statement.split(' ')[0] !== except).flatMap((statement) => statement.split('\n'));

/** The opening line keepalived sees for a block used as context (not under test). */
function contextOpener(id: string, serial: number): string {
  if (id === 'virtual_server') return `virtual_server ${serviceAddress(serial)} 80`;
  if (id === 'real_server') return 'real_server 192.0.2.12 80';
  if (id === 'virtual_server_group') return `virtual_server_group G${serial}`;
  return id.includes('.') ? id.split('.').pop()! : id;
}

/** Writes `inner` wrapped in every enclosing block of `id` (a fresh virtual_server per example). */
function wrap(config: Config, id: string, serial: number, inner: (indent: string) => void, except?: string, indent = ''): void {
  if (id === 'root') return inner(indent);
  wrap(config, parentOf(id), serial, (ind) => {
    config.lines.push(`${ind}${contextOpener(id, serial)} {`);
    for (const line of minimalBody(id, except)) config.lines.push(`${ind}  ${line}`);
    inner(`${ind}  `);
    if (id === 'virtual_server') config.lines.push(...filler(`${ind}  `));
    config.lines.push(`${ind}}`);
  }, undefined, indent);
}

function emitExample(config: Config, pair: string, kw: KeywordSpec, indent: string): void {
  for (const line of PREREQUISITES[pair] ?? []) config.lines.push(indent + line);
  config.lines.push(indent + kw.example + (kw.block ? ' {' : ''));
  config.origin.set(config.lines.length, pair);
  if (!kw.block) return;
  for (const line of minimalBody(kw.block)) config.lines.push(`${indent}  ${line}`);
  if (kw.block === 'virtual_server') config.lines.push(...filler(`${indent}  `));
  config.lines.push(`${indent}}`);
}

function buildConfig(dir: string, version: string): { config: Config; tested: number } {
  const config: Config = { lines: preamble(dir), origin: new Map() };
  const known = (kw: KeywordSpec) => knownIn(kw.since, version);
  const blockKnown = (id: string) => known(lookup(parentOf(id), id.split('.').pop()!) ?? { name: id, args: [], doc: '' });
  let serial = 0;
  for (const block of checkBlocks) {
    if (block.id !== 'root' && !blockKnown(block.id)) continue;
    const examples = block.keywords.filter(known);
    if (SHARED_CONTEXT.has(block.id)) {
      config.origin.set(config.lines.length + 1, `root ${block.id}`);
      wrap(config, block.id, ++serial, (indent) => examples.forEach((kw) => emitExample(config, `${block.id} ${kw.name}`, kw, indent)));
      continue;
    }
    for (const kw of examples) {
      if (kw.block && SHARED_CONTEXT.has(kw.block)) continue;
      wrap(config, block.id, ++serial, (indent) => emitExample(config, `${block.id} ${kw.name}`, kw, indent), kw.name);
    }
  }
  const group = blockSpec('virtual_server_group')!;
  config.lines.push('virtual_server_group ITEMS {', `  ${group.items!.example}`);
  config.origin.set(config.lines.length, 'virtual_server_group (item)');
  config.lines.push('}');
  return { config, tested: config.origin.size };
}

for (const binary of ORACLE_BINARIES) test(`keepalived ${binary.version} accepts every example of the LVS keywords it knows, without a complaint`, () => {
  const oracle = new KeepalivedOracle(binary);
  try {
    const { config, tested } = buildConfig(oracle.dir, binary.version);
    const { messages } = oracle.check(config.lines.join('\n') + '\n');
    const unexpected = messages.filter((msg) => {
      const pair = msg.line ? config.origin.get(msg.line) : undefined;
      return !(pair && EXPECTED_COMPLAINTS[pair]?.test(msg.text));
    });
    const located = unexpected.map((msg) =>
      msg.line ? `${showMessage(msg)}  <- ${config.origin.get(msg.line) ?? config.lines[msg.line - 1]?.trim()}` : msg.text,
    );
    assert.deepEqual(located, [], `keepalived complained (${tested} examples)`);
    assert.ok(tested >= 200, `only ${tested} examples were checked`);
    process.stdout.write(`# keepalived ${binary.version} accepted ${tested} LVS examples\n`);
  } finally {
    oracle.dispose();
  }
});
