/**
 * The near misses of the settings keepalived turns off when it completes an instance (the message table
 * holds the configs where it does): each config here is one where keepalived 2.2.7 and 2.4.3 print nothing,
 * and the linter must stay as quiet.
 */
import { strict as assert } from 'node:assert';
import { it } from 'node:test';
import { lintFiles } from '../../server/src/analysis/lint';
import { configLines, KEEPALIVED_RELEASES } from '../helpers/interfaceLab';
import { describeQuiet } from '../helpers/quietConfigs';

const instance = (lines: string[], vip = '192.0.2.10/24') => ['vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', ...lines.map((l) => `    ${l}`), '    virtual_ipaddress {', `        ${vip}`, '    }', '}'];
const AUTH = ['authentication {', '    auth_type PASS', '    auth_pass secret', '}'];

const QUIET: Record<string, string[]> = {
  'preempt after nopreempt turns it back on': instance(['priority 255', 'nopreempt', 'preempt']),
  'nopreempt with preempt_delay 0': instance(['nopreempt', 'preempt_delay 0']),
  'state MASTER with preempt_delay 0': instance(['state MASTER', 'priority 150', 'preempt_delay 0']),
  'AH authentication on the address owner starting as MASTER': instance(['state MASTER', 'priority 255', 'authentication {', '    auth_type AH', '    auth_pass secret', '}']),
  'priority 255 without a state starts as MASTER, quietly': instance(['priority 255']),
  'state MASTER with a priority below 255 and no nopreempt': instance(['state MASTER', 'priority 150', 'preempt']),
  'an IPv6 instance that says version 2 keeps PASS authentication': instance(['version 2', ...AUTH], '2001:db8::10/64'),
  'an instance that turns strict mode off keeps its authentication under global vrrp_strict': ['global_defs {', '    vrrp_strict', '}', ...instance(['strict_mode off', ...AUTH])],
  'a VRRPv3 instance without authentication': ['vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    version 3', '    virtual_ipaddress {', '        192.0.2.10/24', '    }', '}'],
  'unicast_fault_no_peer without peers': instance(['unicast_src_ip 192.0.2.1', 'unicast_fault_no_peer']),
  'unicast_src_ip with a peer': instance(['unicast_src_ip 192.0.2.1', 'unicast_peer {', '    192.0.2.2', '}']),
  'VRRPv3 intervals in whole hundredths up to 40.95 s': [...instance(['version 3', 'advert_int 0.25']), ...instance(['version 3', 'advert_int 40.95']).map((l) => l.replace('VI_1', 'VI_2').replace(' 51', ' 52').replace('.10/', '.11/'))],
  'a VRRPv2 interval written with zero decimals': instance(['advert_int 2.000']),
};

describeQuiet('settings keepalived keeps, where a near variant is turned off: keepalived and the linter both quiet', QUIET, (lab, write) => {
  it('the first version an instance sets wins: a later one is reported, authentication stays', () => {
    const path = write(instance(['version 2', 'version 3', ...AUTH]));
    for (const { version, binary } of KEEPALIVED_RELEASES) {
      const said = configLines(lab().check(binary, path));
      assert.equal(said.length, 1, said.join('\n'));
      assert.match(said[0], /Line 5\) \(VI_1\) vrrp_version 3 conflicts with configured or deduced version 2; ignoring/);
      const findings = lintFiles([path], { keepalivedVersion: version });
      assert.deepEqual(findings.map((d) => `${d.range.start.line + 1} ${d.code}`), ['5 duplicate-keyword'], `linter (${version})`);
      assert.match(findings[0].message, /keeps the first/);
    }
  });
});
