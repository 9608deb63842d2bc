/** Which configs are compared as one cluster: only on a cluster file or on evidence in the configs themselves. */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lintTexts } from '../helpers/lint';
import { CORPUS, EXAMPLES } from '../helpers/paths';

const master = readFileSync(join(EXAMPLES, 'master.conf'), 'utf8');
const backup = readFileSync(join(EXAMPLES, 'backup.conf'), 'utf8');
const SAMPLES = readdirSync(CORPUS).filter((name) => name.startsWith('keepalived.conf'));

const crossFile = <T extends { code: string }>(found: readonly T[]) => found.filter((d) => d.code.startsWith('cluster-'));
const base = (file: string) => file.split('/').slice(-2).join('/');

/** A cluster file naming these configs (relative to where it stands), with made-up director addresses. */
function clusterFile(...configs: string[]): string {
  const directors = configs.map((config, i) => ({ name: `lb${i + 1}`, host: `192.0.2.${i + 11}`, user: 'root', config }));
  return JSON.stringify({ directors }, null, 2);
}

describe('cluster grouping: never an invented cluster', () => {
  it(`upstream's ${SAMPLES.length} samples in one folder, named together: no cross-file finding`, () => {
    assert.ok(SAMPLES.length >= 25, `samples found: ${SAMPLES.length}`);
    const files = Object.fromEntries(SAMPLES.map((name) => [name, readFileSync(join(CORPUS, name), 'utf8')]));
    const found = lintTexts(files);
    assert.deepEqual(crossFile(found).map((d) => `${base(d.file)} ${d.code}`), []);
    console.log(`# samples folder: ${found.length} problems, ${crossFile(found).length} from cluster checks`);
  });

  it('several sites side by side, each a master/backup pair on the same address plan: findings only within a site', () => {
    const files: Record<string, string> = {};
    for (const site of ['site-a', 'site-b', 'site-c']) {
      files[`${site}/master.conf`] = master;
      files[`${site}/backup.conf`] = backup;
    }
    // site-b's BACKUP outranks its MASTER: a finding there, on both of site-b's files only
    files['site-b/backup.conf'] = backup.replace('priority 90', 'priority 120');
    const found = crossFile(lintTexts(files));
    assert.ok(found.length > 0, 'the broken site is still checked');
    for (const d of found) {
      assert.match(base(d.file), /^site-b\//, `${d.code} in ${base(d.file)}`);
      for (const r of d.related ?? []) assert.match(base(r.file), /^site-b\//, `${d.code} points at ${base(r.file)}`);
    }
    assert.deepEqual(new Set(found.map((d) => base(d.file))), new Set(['site-b/master.conf', 'site-b/backup.conf']));
  });

  it('a pair in one directory is found by its evidence, and its findings say why and how to declare otherwise', () => {
    const found = crossFile(lintTexts({ 'master.conf': master, 'backup.conf': backup.replace('priority 90', 'priority 120') }));
    assert.ok(found.some((d) => d.code === 'cluster-master-priority'));
    for (const d of found) {
      assert.match(d.message, /Compared because master\.conf and backup\.conf are in one directory and both define the same instances \('VI_1'\)/);
      assert.match(d.message, /keepalived-cluster\.json/);
    }
  });

  it('a pair split across folders is joined by a cluster file above them, and only by it', () => {
    const broken = backup.replace('virtual_router_id 51', 'virtual_router_id 52');
    const pair = { 'lb1/keepalived.conf': master, 'lb2/keepalived.conf': broken };
    const lint = ['lb1/keepalived.conf', 'lb2/keepalived.conf'];
    assert.deepEqual(crossFile(lintTexts(pair, { lint })), [], 'without a cluster file, different directories are not compared');
    const declared = lintTexts({ ...pair, 'keepalived-cluster.json': clusterFile('lb1/keepalived.conf', 'lb2/keepalived.conf') }, { lint });
    const vrid = declared.filter((d) => d.code === 'cluster-vrid-mismatch');
    assert.deepEqual(vrid.map((d) => base(d.file)).sort(), ['lb1/keepalived.conf', 'lb2/keepalived.conf']);
    for (const d of vrid) assert.match(d.message, /Compared because \S*keepalived-cluster\.json lists them as one cluster/);
  });

  it("linting one director alone still compares it with the peer its cluster file names (the peer's own findings stay out)", () => {
    const files = {
      'lb1/keepalived.conf': master,
      'lb2/keepalived.conf': backup.replace('virtual_router_id 51', 'virtual_router_id 52') + '\nbogus_keyword\n',
      'keepalived-cluster.json': clusterFile('lb1/keepalived.conf', 'lb2/keepalived.conf'),
    };
    const found = lintTexts(files, { lint: ['lb1/keepalived.conf'] });
    assert.deepEqual(found.map((d) => `${base(d.file)} ${d.code}`), ['lb1/keepalived.conf cluster-vrid-mismatch']);
  });

  it('a config beside examples/ is not paired with master.conf, even with the same instance, VRID and addresses', () => {
    const mine = backup.replace('priority 90', 'priority 50');
    const found = lintTexts({ 'examples/master.conf': master, 'examples/backup.conf': backup, 'keepalived.conf': mine });
    assert.deepEqual(crossFile(found).map((d) => `${base(d.file)} ${d.code}`), []);
    // and in the same directory, another VI_1 with VRID 51 on other addresses is no peer either
    const other = master.replace(/192\.168\.18\.(\d+)/g, '10.1.1.$1');
    const beside = lintTexts({ 'master.conf': master, 'backup.conf': backup, 'other.conf': other });
    assert.deepEqual(crossFile(beside).map((d) => `${base(d.file)} ${d.code}`), []);
  });

  it('unicast peers naming each other join two configs even when their roles look alike', () => {
    const uni = (text: string, src: string, peer: string) => text.replace('    virtual_ipaddress {', `    unicast_src_ip ${src}\n    unicast_peer {\n        ${peer}\n    }\n    virtual_ipaddress {`);
    const a = uni(master, '192.168.18.11', '192.168.18.12');
    const b = uni(master.replace('auth_pass 1111', 'auth_pass 2222'), '192.168.18.12', '192.168.18.11');
    const found = crossFile(lintTexts({ 'a.conf': a, 'b.conf': b }));
    assert.ok(found.some((d) => d.code === 'cluster-multiple-masters'), found.map((d) => d.code).join());
    assert.ok(found.some((d) => d.code === 'cluster-auth-pass-mismatch'));
    assert.match(found[0].message, /list each other as unicast peers/);
  });

  it('IPv6 peers and VIPs spelled differently on each side are the same addresses (keepalived compares them in binary)', () => {
    const uni = (text: string, src: string, peer: string, vip: string) =>
      text.replace(/virtual_ipaddress \{[^}]*\}/, `unicast_src_ip ${src}\n    unicast_peer {\n        ${peer}\n    }\n    virtual_ipaddress {\n        ${vip}\n    }`);
    const a = uni(master, '2001:db8::11', '2001:0DB8:0:0::12', '2001:db8::100/64');
    const b = uni(backup.replace('advert_int 1', 'advert_int 3'), '2001:db8:0::12', '2001:DB8::11', '2001:0db8::0100/64');
    const found = crossFile(lintTexts({ 'a.conf': a, 'b.conf': b }));
    // grouped through the peers, and nothing but the planted mismatch (no VIP or unicast one)
    assert.deepEqual([...new Set(found.map((d) => d.code))], ['cluster-advert-int-mismatch']);
    assert.match(found[0].message, /list each other as unicast peers/);
  });
});

describe('cluster checks compare effective values (the schema default for a keyword left out)', () => {
  const withoutAdvert = backup.replace(/\n\s*advert_int 1\n/, '\n');

  it('advert_int 1 on one side and nothing on the other agree', () => {
    assert.ok(!/advert_int/.test(withoutAdvert));
    const found = lintTexts({ 'master.conf': master, 'backup.conf': withoutAdvert }).filter((d) => d.code === 'cluster-advert-int-mismatch');
    assert.deepEqual(found, []);
  });

  it('advert_int 2 on one side and nothing on the other differ, and the message names the default', () => {
    const found = lintTexts({ 'master.conf': master.replace('advert_int 1', 'advert_int 2'), 'backup.conf': withoutAdvert }).filter((d) => d.code === 'cluster-advert-int-mismatch');
    assert.deepEqual(found.map((d) => d.file.split('/').pop()).sort(), ['backup.conf', 'master.conf']);
    const onMaster = found.find((d) => d.file.endsWith('master.conf'))!;
    assert.match(onMaster.message, /backup\.conf \(BACKUP\) has none \(so keepalived's default 1\)/);
  });

  it("a service's lb_algo left out equals the default scheduler written out", () => {
    const master2 = master.replace(/lb_algo \w+/, 'lb_algo wlc');
    const backup2 = backup.replace(/\n\s*lb_algo \w+\n/, '\n');
    const found = lintTexts({ 'master.conf': master2, 'backup.conf': backup2 }).filter((d) => d.code === 'cluster-service-mismatch');
    assert.deepEqual(found.map((d) => d.message), []);
    const differing = lintTexts({ 'master.conf': master.replace(/lb_algo \w+/, 'lb_algo rr'), 'backup.conf': backup2 }).filter((d) => d.code === 'cluster-service-mismatch');
    assert.equal(differing.length, 2);
  });
});
