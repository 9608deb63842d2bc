/**
 * use_ipvlan words and vrf (semantic/ipvlanVrf.ts) where the message table cannot show them: a VRF instance
 * keepalived 2.4.3 accepts but 2.2.7 drops for its missing interface, and the `name` word 2.3.0 brought.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { lintTexts } from '../helpers/lint';

const findings = (lines: string[], keepalivedVersion: string) => lintTexts({ 'keepalived.conf': lines.join('\n') + '\n' }, { keepalivedVersion }).map((d) => `${d.range.start.line + 1} ${d.code}`);
const VRF_INSTANCE = ['vrrp_instance VI_1 {', '  vrf vrf-blue', '  unicast_src_ip 192.0.2.1', '  unicast_peer {', '    192.0.2.2', '  }', '  virtual_router_id 51', '  virtual_ipaddress {', '    192.0.2.10/24 dev eth0', '  }', '}'];
const ipvlan = (words: string) => ['vrrp_instance VI_1 {', '  interface eth0', `  use_ipvlan ${words}`, '  virtual_router_id 51', '  virtual_ipaddress {', '    192.0.2.10/24', '  }', '}'];

describe('use_ipvlan and vrf', () => {
  it('accepts a VRF on a unicast instance without interface from 2.2.8 on, and reports only the missing interface before', () => {
    assert.deepEqual(findings(VRF_INSTANCE, '2.4.3'), []);
    assert.deepEqual(findings(VRF_INSTANCE, '2.2.7'), ['1 missing-required']);
  });

  it('reads `name IFNAME` from 2.3.0 on; before, `name` is itself the name and the next word a second one', () => {
    assert.deepEqual(findings(ipvlan('192.0.2.5/24 name ipvl51'), '2.4.3'), []);
    assert.deepEqual(findings(ipvlan('192.0.2.5/24 name ipvl51'), '2.2.7'), ['3 duplicate-keyword']);
  });
});
