import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FileSystem } from '../../server/src/analysis/diskFileSystem';
import { failoverFromFiles } from '../../server/src/analysis/failover/fromFiles';
import { outcomeFrom, type VirtualRouter } from '../../server/src/analysis/failover/model';

/**
 * The model of configs held in memory (files /c/NAME), declared one cluster as a keepalived-cluster.json
 * would: some pairs here (equal roles) give the grouping no evidence of their own.
 */
function routers(files: Record<string, string>): VirtualRouter[] {
  const fs: FileSystem = { readFile: (p) => files[p.replace('/c/', '')], glob: () => [] };
  const paths = Object.keys(files).map((n) => `/c/${n}`);
  return failoverFromFiles(paths, { clusters: [{ configs: paths }] }, fs).flat();
}

interface Opts {
  state?: string;
  priority?: number;
  extra?: string;
  tracks?: string;
  name?: string;
}

const instance = ({ state = 'BACKUP', priority = 100, extra = '', tracks = '', name = 'VI_1' }: Opts) => `vrrp_instance ${name} {
  state ${state}
  interface eth0
  virtual_router_id ${name === 'VI_1' ? 51 : 52}
  priority ${priority}
  virtual_ipaddress {
    10.0.0.${name === 'VI_1' ? 100 : 101}
  }
${extra}
${tracks}
}
`;
const script = (name: string, weight: number | undefined, reverse = false) => `vrrp_script ${name} {
  script "/bin/true"
${weight === undefined ? '' : `  weight ${weight}${reverse ? ' reverse' : ''}`}
}
`;

/** the holder labels of the row whose failure label starts with `prefix` */
function holders(r: VirtualRouter, prefix: string): string[] {
  const o = prefix === 'no failure' ? r.baseline : r.outcomes.find((x) => x.failure.label.startsWith(prefix));
  assert.ok(o, `no row ${prefix}: ${r.outcomes.map((x) => x.failure.label).join('; ')}`);
  return o.holders.map((h) => r.directors[h].label);
}

test('a negative weight moves the VIP only when it takes the master below the backup', () => {
  const [r] = routers({
    'a.conf': script('chk_web', -30) + script('chk_db', -5) + instance({ state: 'MASTER', priority: 150, tracks: 'track_script {\n chk_web\n chk_db\n}' }),
    'b.conf': instance({ priority: 130 }),
  });
  assert.deepEqual(holders(r, 'no failure'), ['a.conf']);
  assert.deepEqual(holders(r, 'script chk_web down on a.conf'), ['b.conf']);
  assert.deepEqual(holders(r, 'script chk_db down on a.conf'), ['a.conf']);
  assert.deepEqual(holders(r, 'a.conf stopped'), ['b.conf']);
  assert.deepEqual(holders(r, 'eth0 down on a.conf'), ['b.conf']);
});

test('weight 0 means FAULT; reverse inverts a weight; the track line overrides the script weight', () => {
  const [r] = routers({
    'a.conf': script('chk_a', undefined) + script('chk_b', 10) + instance({ priority: 150, tracks: 'track_script {\n chk_a\n chk_b weight 30 reverse\n}' }),
    'b.conf': instance({ priority: 130 }),
  });
  const a = r.directors.find((d) => d.label === 'a.conf')!;
  // chk_b healthy with reverse weight 30: 150 - 30 = 120, below b
  assert.deepEqual(r.baseline.states[r.directors.indexOf(a)], { state: 'up', priority: 120 });
  assert.deepEqual(holders(r, 'no failure'), ['b.conf']);
  const fault = r.outcomes.find((o) => o.failure.label.startsWith('script chk_a down on a.conf'))!;
  assert.equal(fault.states[r.directors.indexOf(a)].state, 'fault');
  // chk_b failing with reverse: the -30 goes away, a is back at 150 and preempts
  assert.deepEqual(holders(r, 'script chk_b down on a.conf'), ['a.conf']);
});

test('in a sync group keepalived drops weighted scripts and turns a weighted interface into FAULT', () => {
  const group = 'vrrp_sync_group G {\n group {\n VI_1\n VI_2\n }\n}\n';
  const cfg = (priority: number) =>
    script('chk', -50) + group + instance({ priority, tracks: 'track_script {\n chk\n}\ntrack_interface {\n eth1 weight -10\n}' }) + instance({ priority, name: 'VI_2' });
  const rs = routers({ 'a.conf': cfg(150), 'b.conf': cfg(100) });
  const vi1 = rs.find((r) => r.name === 'VI_1')!;
  const a = vi1.directors.find((d) => d.label === 'a.conf')!;
  assert.equal(a.tracked.find((t) => t.name === 'chk')!.effect, 'ignored');
  assert.equal(a.tracked.find((t) => t.name === 'eth1')!.effect, 'fault');
  assert.equal(vi1.outcomes.some((o) => o.failure.label.includes('chk')), false);
  assert.deepEqual(holders(vi1, 'interface eth1 down on a.conf'), ['b.conf']);
  // the other member fails with it
  const vi2 = rs.find((r) => r.name === 'VI_2')!;
  assert.deepEqual(holders(vi2, 'interface eth1 (VI_1) down on a.conf'), ['b.conf']);
});

test('sync_group_tracking_weight keeps the weights', () => {
  const group = 'vrrp_sync_group G {\n group {\n VI_1\n }\n sync_group_tracking_weight\n}\n';
  const [r] = routers({ 'a.conf': script('chk', -60) + group + instance({ priority: 150, tracks: 'track_script {\n chk\n}' }), 'b.conf': group + instance({ priority: 100 }) });
  assert.deepEqual(holders(r, 'script chk down on a.conf'), ['b.conf']);
});

test('priority 255 ignores weights; its own interface in track_interface is dropped', () => {
  const [r] = routers({
    'a.conf': script('chk', -100) + instance({ state: 'MASTER', priority: 255, tracks: 'track_script {\n chk\n}\ntrack_interface {\n eth0 weight -50\n}' }),
    'b.conf': instance({ priority: 200 }),
  });
  const a = r.directors.find((d) => d.label === 'a.conf')!;
  assert.deepEqual(a.tracked.map((t) => t.effect), ['ignored', 'ignored']);
  assert.match(a.tracked[1].note!, /own interface/);
});

test('equal priorities: the holder depends on who was master first, and a backup never preempts on a tie', () => {
  const [r] = routers({ 'a.conf': instance({ priority: 100 }), 'b.conf': instance({ priority: 100 }) });
  assert.deepEqual(holders(r, 'no failure').sort(), ['a.conf', 'b.conf']);
  assert.match(r.baseline.uncertain!, /same priority 100/);
  // with a known master the tie keeps it there
  const none = { kind: 'none' as const, label: 'none' };
  assert.deepEqual(outcomeFrom(r.directors, none, 1).holders, [1]);
  // two identical configs are also what copies of one sample look like: only a declaration joins them
  const same = instance({ priority: 100 });
  const fs: FileSystem = { readFile: () => same, glob: () => [] };
  assert.deepEqual(failoverFromFiles(['/c/a.conf', '/c/b.conf'], {}, fs), []);
});

test('nopreempt: the current master stays while it is healthy; the start decides', () => {
  const [r] = routers({ 'a.conf': instance({ priority: 150, extra: 'nopreempt' }), 'b.conf': instance({ priority: 100, extra: 'nopreempt' }) });
  assert.deepEqual(holders(r, 'no failure').sort(), ['a.conf', 'b.conf']);
  const a = r.directors.findIndex((d) => d.label === 'a.conf');
  const b = r.directors.findIndex((d) => d.label === 'b.conf');
  const none = { kind: 'none' as const, label: 'none' };
  assert.deepEqual(outcomeFrom(r.directors, none, b).holders, [b]);
  assert.deepEqual(outcomeFrom(r.directors, none, a).holders, [a]);
  // nopreempt is cleared with state MASTER (vrrp_complete_instance)
  const [m] = routers({ 'a.conf': instance({ state: 'MASTER', priority: 150, extra: 'nopreempt' }), 'b.conf': instance({ priority: 100 }) });
  assert.equal(m.directors.find((d) => d.label === 'a.conf')!.nopreempt, false);
});

test('different auth_pass or unicast peers that leave each other out: both MASTER', () => {
  const auth = (p: string) => `authentication {\n auth_type PASS\n auth_pass ${p}\n}`;
  const [r] = routers({ 'a.conf': instance({ priority: 150, extra: auth('one') }), 'b.conf': instance({ priority: 100, extra: auth('two') }) });
  assert.equal(r.deaf.length, 1);
  assert.match(r.deaf[0].why, /auth_pass/);
  const uni = (src: string, peer: string) => `unicast_src_ip ${src}\nunicast_peer {\n ${peer}\n}`;
  const [u] = routers({ 'a.conf': instance({ priority: 150, extra: uni('10.0.0.1', '10.0.0.9') }), 'b.conf': instance({ priority: 100, extra: uni('10.0.0.2', '10.0.0.1') }) });
  assert.equal(u.deaf.length, 1);
  const [ok] = routers({ 'a.conf': instance({ priority: 150, extra: uni('10.0.0.1', '10.0.0.2') }), 'b.conf': instance({ priority: 100, extra: uni('10.0.0.2', '10.0.0.1') }) });
  assert.equal(ok.deaf.length, 0);
});

test("one-way unicast deafness: split brain only when the director that hears nothing has the lower priority", () => {
  const uni = (src: string, peer: string) => `unicast_src_ip ${src}\nunicast_peer {\n ${peer}\n}`;
  // a sends only to 10.0.0.9: b never hears a; b sends to a
  const [lower] = routers({ 'a.conf': instance({ priority: 150, extra: uni('10.0.0.1', '10.0.0.9') }), 'b.conf': instance({ priority: 100, extra: uni('10.0.0.2', '10.0.0.1') }) });
  assert.equal(lower.deaf.length, 1);
  assert.match(lower.deaf[0].why, /a\.conf's unicast_peer list leaves out b\.conf/);
  // b, deaf to a, has the higher priority: it is MASTER and a hears it and stays BACKUP
  const [higher] = routers({ 'a.conf': instance({ priority: 100, extra: uni('10.0.0.1', '10.0.0.9') }), 'b.conf': instance({ priority: 150, extra: uni('10.0.0.2', '10.0.0.1') }) });
  assert.deepEqual(higher.deaf, []);
  assert.deepEqual(holders(higher, 'no failure'), ['b.conf']);
});

test('priorities are clamped to 1..254', () => {
  const [r] = routers({ 'a.conf': script('up', 200) + instance({ priority: 200, tracks: 'track_script {\n up\n}' }), 'b.conf': instance({ priority: 100 }) });
  assert.deepEqual(r.baseline.states[0], { state: 'up', priority: 254 });
});

test('a tie at start is not settled by state MASTER: the head start is not counted on', () => {
  const [r] = routers({ 'a.conf': instance({ state: 'MASTER', priority: 131 }), 'b.conf': instance({ priority: 131 }) });
  assert.deepEqual(holders(r, 'no failure').sort(), ['a.conf', 'b.conf']);
  // without a tie the higher priority wins whoever was first
  const [p] = routers({ 'a.conf': instance({ state: 'MASTER', priority: 120 }), 'b.conf': instance({ priority: 131, extra: 'nopreempt' }) });
  assert.deepEqual(holders(p, 'no failure').sort(), ['a.conf', 'b.conf']);
  assert.match(p.baseline.uncertain!, /depends on which director became MASTER first/);
});

test('two address owners: the model cannot tell and names the version difference', () => {
  const [r] = routers({ 'a.conf': instance({ state: 'MASTER', priority: 255 }), 'b.conf': instance({ state: 'MASTER', priority: 255 }) });
  assert.deepEqual(holders(r, 'no failure').sort(), ['a.conf', 'b.conf']);
  assert.match(r.baseline.uncertain!, /2\.2\.7 .* drop to 254; 2\.4\.3 keeps the one with the higher primary address/);
});

test('dont_track_primary: with its interface down the director is isolated, MASTER alone, and out of the election', () => {
  const [r] = routers({ 'a.conf': instance({ priority: 150, extra: 'dont_track_primary' }), 'b.conf': instance({ priority: 100 }) });
  const o = r.outcomes.find((x) => x.failure.label === 'eth0 down on a.conf')!;
  assert.deepEqual(o.states[0], { state: 'isolated', priority: 150 });
  assert.deepEqual(o.holders.map((h) => r.directors[h].label), ['b.conf']);
});

test('a track_script naming no vrrp_script is ignored (alloc_track_script: "not found, ignoring"); a BFD weighted in its bfd_instance is not guessed', () => {
  const [r] = routers({ 'a.conf': instance({ priority: 150, tracks: 'track_script {\n missing\n}\ntrack_bfd {\n bfd1\n}' }), 'b.conf': instance({ priority: 100 }) });
  const a = r.directors.find((d) => d.label === 'a.conf')!;
  assert.deepEqual(a.tracked.map((t) => t.effect), ['ignored', 'unmodelled']);
  assert.equal(r.outcomes.some((o) => /missing|bfd1/.test(o.failure.label)), false);
});

test('sync_group_tracking_weight with weights on a group of two: the model says it does not follow the group', () => {
  const group = 'vrrp_sync_group G {\n group {\n VI_1\n VI_2\n }\n sync_group_tracking_weight\n}\n';
  const cfg = (p: number) => script('chk', -60) + group + instance({ priority: p, tracks: 'track_script {\n chk\n}' }) + instance({ priority: p, name: 'VI_2' });
  const rs = routers({ 'a.conf': cfg(150), 'b.conf': cfg(100) });
  const vi2 = rs.find((r) => r.name === 'VI_2')!;
  assert.deepEqual(vi2.baseline.holders.length, 2);
  assert.match(vi2.baseline.uncertain!, /moves the group as one, which this model does not follow/);
});

test('in strict mode only the address owner starts as MASTER, so nopreempt stays on a MASTER below 255', () => {
  const strict = 'global_defs {\n  vrrp_strict\n}\n';
  const [plain] = routers({ 'a.conf': instance({ state: 'MASTER', extra: 'nopreempt' }), 'b.conf': instance({ priority: 90 }) });
  const [strictRouter] = routers({ 'a.conf': strict + instance({ state: 'MASTER', extra: 'nopreempt' }), 'b.conf': strict + instance({ priority: 90 }) });
  assert.deepEqual(plain.directors.map((d) => [d.startsMaster, d.nopreempt]), [[true, false], [false, false]]);
  assert.deepEqual(strictRouter.directors.map((d) => [d.startsMaster, d.nopreempt]), [[false, true], [false, false]]);
});
