import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { EXAMPLES } from '../helpers/paths';
import { lintTexts } from '../helpers/lint';

const script = (name: string, weight?: number) => `vrrp_script ${name} {\n    script "/bin/true"\n${weight === undefined ? '' : `    weight ${weight}\n`}}\n`;
const instance = (state: string, priority: number, body = '') => `vrrp_instance VI_1 {
    state ${state}
    interface eth0
    virtual_router_id 51
    priority ${priority}
    virtual_ipaddress {
        192.168.18.100
    }
${body}}
`;
const failoverCodes = (list: { code?: string }[]) => list.map((d) => d.code).filter((c) => c?.startsWith('failover-'));

test('the example cluster and a weight that moves the VIP give no failover finding', () => {
  const example = lintTexts({ 'master.conf': readFileSync(join(EXAMPLES, 'master.conf'), 'utf8'), 'backup.conf': readFileSync(join(EXAMPLES, 'backup.conf'), 'utf8') });
  assert.deepEqual(failoverCodes(example), []);
  const moves = lintTexts({ 'a.conf': script('chk', -30) + instance('BACKUP', 150, 'track_script {\n    chk\n}\n'), 'b.conf': instance('BACKUP', 130) });
  assert.deepEqual(failoverCodes(moves), []);
});

test('a check whose failure leaves the VIP on the master is reported once, pointing at the peer', () => {
  const found = lintTexts({ 'a.conf': script('chk', -5) + instance('BACKUP', 150, 'track_script {\n    chk\n}\n'), 'b.conf': instance('BACKUP', 130) });
  const stays = found.filter((d) => d.code === 'failover-vip-stays');
  assert.equal(stays.length, 1);
  assert.match(stays[0].message, /keeps priority 145 and the VIP of 'VI_1' stays on it/);
  assert.equal(stays[0].related?.[0].file.endsWith('b.conf'), true);
  // with state MASTER the older cluster check says it: not twice
  const master = lintTexts({ 'a.conf': script('chk', -5) + instance('MASTER', 150, 'track_script {\n    chk\n}\n'), 'b.conf': instance('BACKUP', 130) });
  assert.deepEqual(master.filter((d) => d.code === 'failover-vip-stays' || d.code === 'cluster-weight-too-small').map((d) => d.code), ['cluster-weight-too-small']);
});

test('a script weight keepalived drops in a sync group is reported, unless sync_group_tracking_weight', () => {
  const group = (extra: string) => `vrrp_sync_group G {\n    group {\n        VI_1\n    }\n${extra}}\n`;
  const files = (extra: string) => ({
    'a.conf': script('chk', -60) + group(extra) + instance('BACKUP', 150, 'track_script {\n    chk\n}\n'),
    'b.conf': group(extra) + instance('BACKUP', 100),
  });
  const ignored = lintTexts(files('')).filter((d) => d.code === 'failover-track-ignored');
  assert.equal(ignored.length, 1);
  assert.match(ignored[0].message, /ignores tracked script 'chk'.*sync group 'G' without sync_group_tracking_weight/);
  assert.deepEqual(failoverCodes(lintTexts(files('    sync_group_tracking_weight\n'))), []);
});

test('a failure that hands the VIP to a director with other virtual_servers is noted', () => {
  const vs = (rs: string) => `virtual_server 192.168.18.100 80 {\n    lb_kind DR\n    protocol TCP\n    real_server ${rs} 80 {\n        weight 1\n    }\n}\n`;
  const found = lintTexts({ 'a.conf': instance('BACKUP', 150) + vs('10.0.0.1'), 'b.conf': instance('BACKUP', 130) + vs('10.0.0.2') });
  const other = found.filter((d) => d.code === 'failover-other-service');
  assert.equal(other.length, 1);
  assert.match(other[0].message, /moves to b\.conf, whose virtual_servers differ/);
  assert.ok(other[0].related?.some((r) => r.file.endsWith('b.conf')));
});

test('weight-in-sync-group: keepalived drops the weighted script (so it says), but not with sync_group_tracking_weight', () => {
  const group = (extra: string) => `vrrp_sync_group G {\n    group {\n        VI_1\n    }\n${extra}}\n`;
  const text = (extra: string) => script('chk') + group(extra) + instance('BACKUP', 150, 'track_script {\n    chk weight -60\n}\n');
  const plain = lintTexts({ 'a.conf': text('') }).filter((d) => d.code === 'weight-in-sync-group');
  assert.equal(plain.length, 1);
  assert.match(plain[0].message, /keepalived drops weighted tracked script 'chk', so its failure changes nothing/);
  assert.deepEqual(lintTexts({ 'a.conf': text('    sync_group_tracking_weight\n') }).filter((d) => d.code === 'weight-in-sync-group'), []);
  // the weight may come from the vrrp_script rather than the track line
  const fromDefinition = script('chk', -60) + group('') + instance('BACKUP', 150, 'track_script {\n    chk\n}\n');
  assert.equal(lintTexts({ 'a.conf': fromDefinition }).filter((d) => d.code === 'weight-in-sync-group').length, 1);
});
