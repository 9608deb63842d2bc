/** Checks across the MASTER and BACKUP directors' configs: each finding on both sides, with the peer linked. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lintTexts } from '../helpers/lint';
import { EXAMPLES } from '../helpers/paths';

const master = readFileSync(join(EXAMPLES, 'master.conf'), 'utf8');
const backup = readFileSync(join(EXAMPLES, 'backup.conf'), 'utf8');

const clusterFile = readFileSync(join(EXAMPLES, 'keepalived-cluster.json'), 'utf8');

/** The pair as a cluster file declares it: these tests are about the checks, not about finding clusters. */
function lintPair(m: string, b: string) {
  return lintTexts({ 'master.conf': m, 'backup.conf': b, 'keepalived-cluster.json': clusterFile }, { lint: ['master.conf', 'backup.conf'] });
}

function onBothSides(code: string, m: string, b: string): void {
  const found = lintPair(m, b).filter((d) => d.code === code);
  const files = new Set(found.map((d) => d.file.split('/').pop()));
  assert.deepEqual([...files].sort(), ['backup.conf', 'master.conf'], `${code} on ${[...files]}`);
  for (const d of found) {
    assert.ok(d.related?.length, `${code} has no related information`);
    const peer = d.file.endsWith('master.conf') ? 'backup.conf' : 'master.conf';
    assert.ok(d.related!.some((r) => r.file.endsWith(peer)), `${code} in ${d.file} does not point at ${peer}`);
  }
}

describe('cluster checks between MASTER and BACKUP', () => {
  it('the seed pair, corrected, is clean', () => {
    const found = lintPair(master, backup).filter((d) => d.severity !== 'hint' && d.severity !== 'information');
    assert.deepEqual(found.map((d) => `${d.code}: ${d.message}`), []);
  });

  it('different virtual_router_id: an error on both files, pointing at the peer', () => {
    onBothSides('cluster-vrid-mismatch', master, backup.replace('virtual_router_id 51', 'virtual_router_id 52'));
  });

  it('different auth_pass, without printing the password', () => {
    const found = lintPair(master, backup.replace('auth_pass 1111', 'auth_pass 2222'));
    onBothSides('cluster-auth-pass-mismatch', master, backup.replace('auth_pass 1111', 'auth_pass 2222'));
    for (const d of found) assert.ok(!/1111|2222/.test(d.message), 'secret in message: ' + d.message);
  });

  it('no authentication mismatch where keepalived drops the authentication (VRRPv3): each side is told it is ignored instead', () => {
    const v3 = (text: string) => text.replace('virtual_router_id', 'version 3\n    virtual_router_id');
    const found = lintPair(v3(master), v3(backup.replace('auth_pass 1111', 'auth_pass 2222').replace('auth_type PASS', 'auth_type AH')));
    assert.deepEqual(found.filter((d) => d.code.startsWith('cluster-auth')).map((d) => d.code), []);
    assert.deepEqual(found.filter((d) => d.code === 'ignored-authentication').map((d) => d.file.split('/').pop()).sort(), ['backup.conf', 'master.conf']);
    // and the failover model hears both directors: no split brain from the passwords
    assert.ok(!found.some((d) => d.code === 'cluster-multiple-masters' || /auth_pass differs|auth_type differs/.test(d.message)), found.map((d) => d.message).join('\n'));
  });

  it('different auth_type and advert_int', () => {
    onBothSides('cluster-auth-type-mismatch', master, backup.replace('auth_type PASS', 'auth_type AH'));
    onBothSides('cluster-advert-int-mismatch', master, backup.replace('advert_int 1', 'advert_int 3'));
  });

  it('VRRPv2 on one director and VRRPv3 on the other: an error (keepalived drops adverts of the other version)', () => {
    const v3 = (text: string) => text.replace('virtual_router_id', 'version 3\n    virtual_router_id');
    onBothSides('cluster-version-mismatch', v3(master), backup);
    // from global_defs too
    const globalV3 = (text: string) => text.replace('global_defs {', 'global_defs {\n    vrrp_version 3');
    onBothSides('cluster-version-mismatch', globalV3(master), backup);
    assert.deepEqual(lintPair(v3(master), globalV3(backup)).filter((d) => d.code === 'cluster-version-mismatch'), []);
  });

  it('different advert_int: an error under VRRPv2, a warning under VRRPv3 (which takes the adverts)', () => {
    const slower = (text: string) => text.replace('advert_int 1', 'advert_int 3');
    assert.deepEqual(lintPair(master, slower(backup)).filter((d) => d.code === 'cluster-advert-int-mismatch').map((d) => d.severity), ['error', 'error']);
    const v3 = (text: string) => text.replace('virtual_router_id', 'version 3\n    virtual_router_id');
    const underV3 = lintPair(v3(master), v3(slower(backup))).filter((d) => d.code === 'cluster-advert-int-mismatch');
    assert.deepEqual(underV3.map((d) => d.severity), ['warning', 'warning']);
    assert.match(underV3[0].message, /VRRPv3 still takes the adverts/);
  });

  it('different VIP sets', () => {
    onBothSides('cluster-vip-mismatch', master, backup.replace('192.168.18.200\n', '192.168.18.200\n        192.168.18.199\n'));
  });

  it('the MASTER priority not above the BACKUP', () => {
    onBothSides('cluster-master-priority', master, backup.replace('priority 90', 'priority 120'));
    onBothSides('cluster-priority-tie', master, backup.replace('priority 90', 'priority 100'));
  });

  it('a MASTER without a priority starts at 255, above any BACKUP: no priority finding', () => {
    const found = lintPair(master.replace(/\n\s*priority 100/, ''), backup.replace('priority 90', 'priority 100'));
    assert.deepEqual(found.filter((d) => d.code.startsWith('cluster-')).map((d) => `${d.code}: ${d.message}`), []);
    // and a BACKUP that says 255 itself is still above the MASTER's 100
    onBothSides('cluster-master-priority', master, backup.replace('priority 90', 'priority 255'));
  });

  it('two MASTERs: a warning below priority 255 (the priorities decide), an error for two address owners', () => {
    onBothSides('cluster-multiple-masters', master, backup.replace('state BACKUP', 'state MASTER'));
    const below = lintPair(master, backup.replace('state BACKUP', 'state MASTER')).filter((d) => d.code === 'cluster-multiple-masters');
    assert.deepEqual(below.map((d) => d.severity), ['warning', 'warning']);
    assert.match(below[0].message, /starts each as BACKUP and the priorities decide/);
    const owners = lintPair(master.replace(/\n\s*priority 100/, ''), backup.replace('state BACKUP', 'state MASTER').replace('priority 90', 'priority 255')).filter((d) => d.code === 'cluster-multiple-masters');
    assert.deepEqual(owners.map((d) => d.severity), ['error', 'error']);
    assert.match(owners[0].message, /each takes the VIPs at start-up/);
  });

  it('a tracked script whose weight cannot bring the MASTER below the BACKUP, and one that can', () => {
    const script = 'vrrp_script chk_httpd {\n    script "/usr/bin/pgrep httpd"\n    interval 2\n}\n';
    const track = (w: number) => `    track_script {\n        chk_httpd weight ${w}\n    }\n    virtual_ipaddress {`;
    const withWeight = (text: string, w: number) => script + text.replace('    virtual_ipaddress {', track(w));
    const weak = lintPair(withWeight(master, -5), withWeight(backup, -5)).filter((d) => d.code === 'cluster-weight-too-small');
    assert.equal(weak.length, 1);
    assert.ok(weak[0].file.endsWith('master.conf'));
    assert.match(weak[0].message, /never cause a failover/);
    const strong = lintPair(withWeight(master, -20), withWeight(backup, -20)).filter((d) => d.code === 'cluster-weight-too-small');
    assert.deepEqual(strong, []);
  });

  it('asymmetric unicast peering', () => {
    const uni = (text: string, src: string, peer: string) => text.replace('    virtual_ipaddress {', `    unicast_src_ip ${src}\n    unicast_peer {\n        ${peer}\n    }\n    virtual_ipaddress {`);
    const good = lintPair(uni(master, '192.168.18.11', '192.168.18.12'), uni(backup, '192.168.18.12', '192.168.18.11')).filter((d) => d.code.startsWith('cluster-unicast'));
    assert.deepEqual(good, []);
    const bad = lintPair(uni(master, '192.168.18.11', '192.168.18.13'), uni(backup, '192.168.18.12', '192.168.18.11')).filter((d) => d.code === 'cluster-unicast-asymmetric');
    assert.equal(bad.length, 1);
    assert.ok(bad[0].file.endsWith('master.conf'));
    assert.ok(bad[0].related![0].file.endsWith('backup.conf'));
  });

  it('one IPv6 service and real server spelled differently on each director are the same (keepalived compares addresses)', () => {
    const v6 = (text: string, service: string, server: string) => text.replace('virtual_server 192.168.18.200 80', `virtual_server ${service} 80`).replace('real_server 192.168.18.201 80', `real_server ${server} 80`);
    const found = lintPair(v6(master, '2001:db8::200', '2001:db8::201'), v6(backup, '2001:DB8:0::200', '2001:0db8::0201')).filter((d) => d.code.startsWith('cluster-service'));
    assert.deepEqual(found.map((d) => d.message), []);
    const other = lintPair(v6(master, '2001:db8::200', '2001:db8::201'), v6(backup, '2001:db8::200', '2001:db8::202')).filter((d) => d.code === 'cluster-service-mismatch');
    assert.equal(other.length, 2);
  });

  it('virtual_server definitions that differ between directors', () => {
    onBothSides('cluster-service-mismatch', master, backup.replace('lb_algo rr', 'lb_algo wlc'));
    onBothSides('cluster-service-mismatch', master, backup.replace('real_server 192.168.18.202 80', 'real_server 192.168.18.203 80'));
    onBothSides('cluster-service-mismatch', master, backup.replace('path /\n', 'path /health\n'));
    const missing = lintPair(master, backup.replace(/virtual_server[\s\S]*$/, '')).filter((d) => d.code === 'cluster-service-missing');
    assert.equal(missing.length, 1);
    // a config with neither instance nor service (being written) lacks no service in particular
    const empty = lintPair('# to be written\n', backup).filter((d) => d.code === 'cluster-service-missing');
    assert.deepEqual(empty, []);
    // a config that keeps its instances but drops its services still lacks them
    const instancesOnly = lintPair(master.replace(/virtual_server[\s\S]*$/, ''), backup).filter((d) => d.code === 'cluster-service-missing');
    assert.equal(instancesOnly.length, 1);
  });

  it('a TCP and a UDP service on one address (or group) are two services, each compared with its own kind', () => {
    // as a DNS director defines them (keepalived-devel-tools configs/1540test.conf): keepalived keys a service
    // by its protocol too, so both directors defining both is no difference
    const both = (text: string) => text + text.slice(text.indexOf('virtual_server')).replace('protocol TCP', 'protocol UDP');
    const found = lintPair(both(master), both(backup)).filter((d) => d.code.startsWith('cluster-service'));
    assert.deepEqual(found.map((d) => d.message), []);
    // a difference in the UDP one is still one
    const udpDiffers = lintPair(both(master), both(backup).replace(/(protocol UDP[\s\S]*?)path \/\n/, '$1path /health\n')).filter((d) => d.code === 'cluster-service-mismatch');
    assert.equal(udpDiffers.length, 2);
    assert.ok(udpDiffers.every((d) => d.message.includes('(UDP)')), udpDiffers.map((d) => d.message).join(' | '));
  });

  it('offers quick fixes that adopt the peer value, either side', () => {
    const found = lintPair(master, backup.replace('virtual_router_id 51', 'virtual_router_id 52')).filter((d) => d.code === 'cluster-vrid-mismatch');
    const fixes = found.flatMap((d) => d.fix ?? []).map((f) => f.newText).sort();
    assert.deepEqual(fixes, ['51', '52']);
  });

  it('offers no quick fix on a service that leaves the value to its default: there is no word of its own to replace', () => {
    const found = lintPair(master, backup.replace(/\n\s*lb_algo rr\n/, '\n')).filter((d) => d.code === 'cluster-service-mismatch' && d.message.startsWith('lb_algo'));
    const onBackup = found.find((d) => d.file.endsWith('backup.conf'))!;
    const onMaster = found.find((d) => d.file.endsWith('master.conf'))!;
    assert.match(onBackup.message, /here \(default\)/);
    assert.equal(onBackup.fix, undefined, 'a fix here would overwrite the virtual_server keyword');
    // the side that sets it can adopt nothing either: the peer has no value to copy
    assert.deepEqual(onMaster.fix ?? [], []);
  });

  it('groups configs into clusters by instance name: unrelated configs are not compared', () => {
    const other = master.replace(/VI_1/g, 'VI_OTHER').replace('virtual_router_id 51', 'virtual_router_id 99').replace(/192\.168\.18\./g, '10.9.9.');
    const found = lintTexts({ 'master.conf': master, 'backup.conf': backup, 'other.conf': other }).filter((d) => d.code.startsWith('cluster-'));
    assert.deepEqual(found.map((d) => d.code), []);
  });
});
