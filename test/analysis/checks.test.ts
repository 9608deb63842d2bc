/** Each semantic check of a single config: a failing case and its passing twin. */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { codes, lintTexts } from '../helpers/lint';
import { conf } from '../helpers/text';

function instance(name: string, body: string[], vrid = 51, iface = 'eth0'): string[] {
  return [`vrrp_instance ${name} {`, '    state BACKUP', `    interface ${iface}`, `    virtual_router_id ${vrid}`, '    priority 100', ...body.map((l) => '    ' + l), '    virtual_ipaddress {', '        192.0.2.10/24', '    }', '}'];
}

interface Case {
  code: string;
  bad: string;
  good: string;
  /** 1-based line the finding must point at */
  line?: number;
}

const cases: Record<string, Case> = {
  'a required keyword is missing': {
    code: 'missing-required',
    bad: conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_ipaddress {', '        192.0.2.10/24', '    }', '}'),
    good: conf(...instance('VI_1', [])),
    line: 1,
  },
  // keepalived 2.2.7 and 2.4.3: "WARNING - interface eth0:1 for ip address 10.9.9.9/32 doesn't exist" on any
  // machine: the kernel refuses a ':' in an interface name, eth0:1 is an address label
  'an address label given as the dev of a VIP': {
    code: 'invalid-argument',
    bad: conf('vrrp_instance VI_1 {', '    state BACKUP', '    interface eth0', '    virtual_router_id 51', '    priority 100', '    virtual_ipaddress {', '        192.0.2.10/24 dev eth0:1', '    }', '}'),
    good: conf('vrrp_instance VI_1 {', '    state BACKUP', '    interface eth0', '    virtual_router_id 51', '    priority 100', '    virtual_ipaddress {', '        192.0.2.10/24 dev eth0 label eth0:1', '    }', '}'),
    line: 7,
  },
  // likewise "WARNING - interface eth0:1 for vrrp_instance VI_1 doesn't exist"
  'an address label given as the interface of an instance': {
    code: 'invalid-argument',
    bad: conf(...instance('VI_1', [], 51, 'eth0:1')),
    good: conf(...instance('VI_1', [], 51, 'eth0')),
    line: 3,
  },
  'authentication without auth_pass': {
    code: 'missing-required',
    bad: conf(...instance('VI_1', ['authentication {', '    auth_type PASS', '}'])),
    good: conf(...instance('VI_1', ['authentication {', '    auth_type PASS', '    auth_pass s3cret', '}'])),
    line: 6,
  },
  'two instances with one name': {
    code: 'duplicate-name',
    bad: conf(...instance('VI_1', []), ...instance('VI_1', [], 52)),
    good: conf(...instance('VI_1', []), ...instance('VI_2', [], 52)),
    line: 10,
  },
  'two instances with the same VRID on one interface': {
    code: 'vrid-conflict',
    bad: conf(...instance('VI_1', []), ...instance('VI_2', [])),
    good: conf(...instance('VI_1', []), ...instance('VI_2', [], 51, 'eth1')),
    line: 13,
  },
  'track_script naming no vrrp_script': {
    code: 'undefined-reference',
    bad: conf(...instance('VI_1', ['track_script {', '    chk_web', '}'])),
    good: conf('vrrp_script chk_web {', '    script "/bin/true"', '}', ...instance('VI_1', ['track_script {', '    chk_web', '}'])),
    line: 7,
  },
  'a tracked script defined after its instance, and (good) both from one $NAME line, script first': {
    code: 'reference-before-definition',
    bad: conf(...instance('VI_1', ['track_script {', '    chk_web', '}']), 'vrrp_script chk_web {', '    script "/bin/true"', '}'),
    good: conf('$BOTH= \\', 'vrrp_script chk_web { \\', '    script "/bin/true" \\', '} \\', ...instance('VI_1', ['track_script {', '    chk_web', '}']).map((l, i, all) => (i < all.length - 1 ? `${l} \\` : l)), '$BOTH'),
    line: 7,
  },
  'a tracked script defined after the instance that uses it': {
    code: 'reference-before-definition',
    bad: conf(...instance('VI_1', ['track_script {', '    chk_web', '}']), 'vrrp_script chk_web {', '    script "/bin/true"', '}'),
    good: conf('vrrp_script chk_web {', '    script "/bin/true"', '}', ...instance('VI_1', ['track_script {', '    chk_web', '}'])),
    line: 7,
  },
  'a sync group member that does not exist': {
    code: 'undefined-reference',
    bad: conf('vrrp_sync_group G {', '    group {', '        VI_1', '        VI_9', '    }', '}', ...instance('VI_1', [])),
    good: conf('vrrp_sync_group G {', '    group {', '        VI_1', '        VI_2', '    }', '}', ...instance('VI_1', []), ...instance('VI_2', [], 52)),
    line: 4,
  },
  'an instance in two sync groups': {
    code: 'instance-in-two-sync-groups',
    bad: conf('vrrp_sync_group A {', '    group {', '        VI_1', '        VI_2', '    }', '}', 'vrrp_sync_group B {', '    group {', '        VI_1', '        VI_2', '    }', '}', ...instance('VI_1', []), ...instance('VI_2', [], 52)),
    good: conf('vrrp_sync_group A {', '    group {', '        VI_1', '        VI_2', '    }', '}', ...instance('VI_1', []), ...instance('VI_2', [], 52)),
    line: 9,
  },
  'auth_pass longer than 8 characters': {
    code: 'auth-pass-too-long',
    bad: conf(...instance('VI_1', ['authentication {', '    auth_type PASS', '    auth_pass 123456789', '}'])),
    good: conf(...instance('VI_1', ['authentication {', '    auth_type PASS', '    auth_pass 12345678', '}'])),
    line: 8,
  },
  'nopreempt with state MASTER': {
    code: 'nopreempt-with-master',
    bad: conf(...instance('VI_1', ['nopreempt']).map((l) => l.replace('state BACKUP', 'state MASTER'))),
    good: conf(...instance('VI_1', ['nopreempt'])),
    line: 6,
  },
  'preempt_delay with state MASTER': {
    code: 'preempt-delay-with-master',
    bad: conf(...instance('VI_1', ['preempt_delay 10']).map((l) => l.replace('state BACKUP', 'state MASTER'))),
    good: conf(...instance('VI_1', ['preempt_delay 10'])),
    line: 6,
  },
  'a weighted tracked script inside a sync group': {
    code: 'weight-in-sync-group',
    bad: conf('vrrp_script chk {', '    script "/bin/true"', '}', 'vrrp_sync_group G {', '    group {', '        VI_1', '        VI_2', '    }', '}', ...instance('VI_1', ['track_script {', '    chk weight -20', '}']), ...instance('VI_2', [], 52)),
    good: conf('vrrp_script chk {', '    script "/bin/true"', '}', 'vrrp_sync_group G {', '    group {', '        VI_1', '        VI_2', '    }', '}', ...instance('VI_1', ['track_script {', '    chk', '}']), ...instance('VI_2', [], 52)),
    line: 16,
  },
  "track_interface naming the instance's own interface": {
    code: 'track-own-interface',
    bad: conf(...instance('VI_1', ['track_interface {', '    eth0', '}'])),
    good: conf(...instance('VI_1', ['track_interface {', '    eth1', '}'])),
    line: 7,
  },
  'a port on a real server of an fwmark service': {
    code: 'port-with-fwmark',
    bad: conf('virtual_server fwmark 7 {', '    lb_algo rr', '    lb_kind DR', '    real_server 192.0.2.20 80 {', '        weight 1', '    }', '}'),
    // a port 0 is what keepalived clears it to: it says nothing (2.2.7 and 2.4.3)
    good: conf('virtual_server fwmark 7 {', '    lb_algo rr', '    lb_kind DR', '    real_server 192.0.2.20 0 {', '        weight 1', '    }', '}'),
    line: 4,
  },
  'a port on a DR real server of an fwmark service, where a NAT one keeps its port': {
    code: 'port-with-fwmark',
    bad: conf('virtual_server fwmark 7 {', '    lb_algo rr', '    lb_kind NAT', '    real_server 192.0.2.20 80 {', '        weight 1', '        lvs_method DR', '    }', '}'),
    good: conf('virtual_server fwmark 7 {', '    lb_algo rr', '    lb_kind NAT', '    real_server 192.0.2.20 80 {', '        weight 1', '    }', '}'),
    line: 4,
  },
  'a service without protocol (keepalived takes UDP)': {
    code: 'missing-protocol',
    bad: conf('virtual_server 192.0.2.10 80 {', '    lb_algo rr', '    lb_kind DR', '    real_server 192.0.2.20 80 {', '    }', '}'),
    good: conf('virtual_server 192.0.2.10 80 {', '    lb_algo rr', '    lb_kind DR', '    protocol TCP', '    real_server 192.0.2.20 80 {', '    }', '}'),
    line: 1,
  },
  'a sync group whose address owner comes before a member with state BACKUP (keepalived: this will not work)': {
    code: 'ineffective-setting',
    bad: conf(...instance('VI_1', []).map((l) => l.replace('state BACKUP', 'state MASTER').replace('priority 100', 'priority 255')), ...instance('VI_2', [], 52), 'vrrp_sync_group G {', '    group {', '        VI_1', '        VI_2', '    }', '}'),
    // keepalived looks at the members in order: once one is no owner the group starts as BACKUP, and it says nothing
    good: conf(...instance('VI_1', []).map((l) => l.replace('state BACKUP', 'state MASTER').replace('priority 100', 'priority 255')), ...instance('VI_2', [], 52), 'vrrp_sync_group G {', '    group {', '        VI_2', '        VI_1', '    }', '}'),
    line: 22,
  },
  'timer_expired_backup without nopreempt (keepalived resets it)': {
    code: 'ineffective-setting',
    bad: conf(...instance('VI_1', ['timer_expired_backup 200'])),
    good: conf(...instance('VI_1', ['nopreempt', 'timer_expired_backup 200'])),
    line: 6,
  },
  'lvs_sync_daemon naming no instance (keepalived clears it when it starts)': {
    code: 'undefined-reference',
    bad: conf('global_defs {', '    lvs_sync_daemon eth0 VI_9', '}', ...instance('VI_1', [])),
    good: conf('global_defs {', '    lvs_sync_daemon eth0 VI_1', '}', ...instance('VI_1', [])),
    line: 2,
  },
  'a vrrp_script no instance tracks (keepalived removes it when it starts)': {
    code: 'ineffective-setting',
    bad: conf('vrrp_script chk {', '    script "/bin/true"', '}', ...instance('VI_1', [])),
    good: conf('vrrp_script chk {', '    script "/bin/true"', '}', ...instance('VI_1', ['track_script {', '    chk', '}'])),
    line: 1,
  },
  'a service without scheduler (keepalived takes wlc)': {
    code: 'missing-scheduler',
    bad: conf('virtual_server fwmark 7 {', '    lb_kind DR', '    real_server 192.0.2.20 {', '    }', '}'),
    good: conf('virtual_server fwmark 7 {', '    lb_algo wlc', '    lb_kind DR', '    real_server 192.0.2.20 {', '    }', '}'),
    line: 1,
  },
  'a service whose real servers have no forwarding method (keepalived takes NAT)': {
    code: 'missing-forwarding-method',
    bad: conf('virtual_server fwmark 7 {', '    lb_algo rr', '    real_server 192.0.2.20 {', '        lvs_method DR', '    }', '    real_server 192.0.2.21 {', '    }', '}'),
    good: conf('virtual_server fwmark 7 {', '    lb_algo rr', '    real_server 192.0.2.20 {', '        lvs_method DR', '    }', '    real_server 192.0.2.21 {', '        lvs_method TUN', '    }', '}'),
    line: 1,
  },
  'a service on port 0 without persistence': {
    code: 'zero-port-not-persistent',
    bad: conf('virtual_server 192.0.2.10 0 {', '    lb_algo rr', '    lb_kind DR', '    protocol TCP', '    real_server 192.0.2.20 0 {', '    }', '}'),
    good: conf('virtual_server 192.0.2.10 0 {', '    lb_algo rr', '    lb_kind DR', '    protocol TCP', '    persistence_timeout 60', '    real_server 192.0.2.20 0 {', '    }', '}'),
    line: 1,
  },
  // both releases: "Virtual server [VSG1]:0: cannot use ha_suspend with fwmarks - clearing ha_suspend"
  'ha_suspend on a service whose group has an fwmark entry': {
    code: 'ha-suspend-with-fwmark',
    bad: conf('virtual_server_group VSG1 {', '    fwmark 10', '    192.0.2.10 80', '}', 'virtual_server group VSG1 {', '    lb_algo rr', '    lb_kind NAT', '    protocol TCP', '    ha_suspend', '    real_server 192.0.2.20 80 {', '    }', '}'),
    good: conf('virtual_server_group VSG1 {', '    192.0.2.10 80', '}', 'virtual_server group VSG1 {', '    lb_algo rr', '    lb_kind NAT', '    protocol TCP', '    ha_suspend', '    real_server 192.0.2.20 80 {', '    }', '}'),
    line: 9,
  },
  'ha_suspend on an fwmark service': {
    code: 'ha-suspend-with-fwmark',
    bad: conf('virtual_server fwmark 7 {', '    lb_algo rr', '    lb_kind DR', '    ha_suspend', '    real_server 192.0.2.20 {', '    }', '}'),
    good: conf('virtual_server 192.0.2.10 80 {', '    lb_algo rr', '    lb_kind DR', '    protocol TCP', '    ha_suspend', '    real_server 192.0.2.20 80 {', '    }', '}'),
    line: 4,
  },
  'a hysteresis not below the quorum': {
    code: 'hysteresis-not-below-quorum',
    bad: conf('virtual_server fwmark 7 {', '    lb_algo rr', '    lb_kind DR', '    quorum 2', '    hysteresis 2', '    real_server 192.0.2.20 {', '        weight 2', '    }', '}'),
    good: conf('virtual_server fwmark 7 {', '    lb_algo rr', '    lb_kind DR', '    quorum 2', '    hysteresis 1', '    real_server 192.0.2.20 {', '        weight 2', '    }', '}'),
    line: 5,
  },
  'a quorum above the real servers’ total weight': {
    code: 'quorum-above-weight',
    bad: conf('virtual_server fwmark 7 {', '    lb_algo rr', '    lb_kind DR', '    quorum 5', '    real_server 192.0.2.20 {', '        weight 2', '    }', '    real_server 192.0.2.21 {', '    }', '}'),
    good: conf('virtual_server fwmark 7 {', '    lb_algo rr', '    lb_kind DR', '    quorum 3', '    real_server 192.0.2.20 {', '        weight 2', '    }', '    real_server 192.0.2.21 {', '    }', '}'),
    line: 4,
  },
  'a quorum above the total weight, pointed at the real servers weighted 0': {
    code: 'quorum-above-weight',
    bad: conf('virtual_server fwmark 7 {', '    lb_algo rr', '    lb_kind DR', '    real_server 192.0.2.20 {', '        weight 0', '    }', '}'),
    good: conf('virtual_server fwmark 7 {', '    lb_algo rr', '    lb_kind DR', '    real_server 192.0.2.20 {', '        weight 1', '    }', '}'),
    line: 5,
  },
  'an HTTP status code outside 100-599': {
    code: 'invalid-value',
    bad: conf('virtual_server fwmark 7 {', '    lb_algo rr', '    lb_kind DR', '    real_server 192.0.2.20 {', '        HTTP_GET {', '            url {', '                path /', '                status_code 200-299,600', '            }', '        }', '    }', '}'),
    good: conf('virtual_server fwmark 7 {', '    lb_algo rr', '    lb_kind DR', '    real_server 192.0.2.20 {', '        HTTP_GET {', '            url {', '                path /', '                status_code 200-299,301', '            }', '        }', '    }', '}'),
    line: 8,
  },
  'an include that matches nothing': {
    code: 'missing-include',
    bad: conf('include conf.d/*.conf'),
    good: conf('include /dev/null'),
    line: 1,
  },
  'a virtual_server address that no instance carries as a VIP (the seed has this)': {
    code: 'service-not-on-vip',
    bad: conf(...instance('VI_1', []), 'virtual_server 192.0.2.99 80 {', '    lb_algo rr', '    protocol TCP', '    lb_kind DR', '    real_server 192.0.2.20 80 {', '        weight 1', '    }', '}'),
    good: conf(...instance('VI_1', []), 'virtual_server 192.0.2.10 80 {', '    lb_algo rr', '    protocol TCP', '    lb_kind DR', '    real_server 192.0.2.20 80 {', '        weight 1', '    }', '}'),
    line: 10,
  },
};

describe('semantic checks of one config', () => {
  for (const [title, c] of Object.entries(cases)) {
    it(`${title}: flagged, and its twin is clean`, () => {
      const bad = lintTexts({ 'main.conf': c.bad });
      const found = bad.filter((d) => d.code === c.code);
      assert.ok(found.length > 0, `expected ${c.code}, got ${codes(bad).join(', ') || 'nothing'}`);
      if (c.line) assert.ok(found.some((d) => d.range.start.line + 1 === c.line), `expected ${c.code} on line ${c.line}, got lines ${found.map((d) => d.range.start.line + 1)}`);
      const good = lintTexts({ 'main.conf': c.good });
      assert.deepEqual(codes(good.filter((d) => d.severity === 'error' || d.severity === 'warning')), [], `twin not clean: ${good.map((d) => d.message).join(' | ')}`);
    });
  }

  it('an include cycle', () => {
    const found = lintTexts({ 'a.conf': conf('include b.conf'), 'b.conf': conf('include a.conf') }, { lint: ['a.conf'] });
    assert.ok(found.some((d) => d.code === 'include-cycle'));
    const fine = lintTexts({ 'a.conf': conf('include b.conf'), 'b.conf': conf('global_defs {', '    router_id X', '}') }, { lint: ['a.conf'] });
    assert.deepEqual(codes(fine), []);
  });

  it('checks an included file in the block it is included into', () => {
    const found = lintTexts({ 'main.conf': conf('virtual_server 192.0.2.10 80 {', '    protocol TCP', '    lvs_sched rr', '    include rs.conf', '}'), 'rs.conf': conf('real_server 192.0.2.20 80 {', '    weight 1', '}', 'lb_kind DR', 'bogus_kw 1') }, { lint: ['main.conf'] });
    assert.deepEqual(found.map((d) => [d.file.split('/').pop(), d.code, d.range.start.line + 1]).filter(([, code]) => code !== 'service-not-on-vip'), [['rs.conf', 'unknown-keyword', 5]]);
  });

  it('reads a file included by an included file in the block its includer lands in', () => {
    const found = lintTexts(
      { 'main.conf': conf('virtual_server 192.0.2.10 80 {', '    include rs.conf', '}'), 'rs.conf': conf('lb_kind DR', 'include more.conf'), 'more.conf': conf('protocol TCP', 'lvs_sched rr', 'real_server 192.0.2.20 80 {', '    weight 1', '}') },
      { lint: ['main.conf'] },
    );
    assert.deepEqual(codes(found).filter((c) => c !== 'service-not-on-vip'), []);
  });

  it('an include pattern with braces is one pattern: both files are read, and a plain alternative matching nothing is named', () => {
    const files = { 'main.conf': conf('include parts/{vrrp,lvs}.conf   # both halves'), 'parts/vrrp.conf': conf('bogus_in_vrrp 1'), 'parts/lvs.conf': conf('bogus_in_lvs 1') };
    const found = lintTexts(files, { lint: ['main.conf'] });
    assert.deepEqual(found.map((d) => `${d.file.split('/').pop()} ${d.code}`).sort(), ['lvs.conf unknown-keyword', 'vrrp.conf unknown-keyword']);
    const partial = lintTexts({ ...files, 'main.conf': conf('include parts/{vrrp,lvs,nat}.conf') }, { lint: ['main.conf'] });
    const missing = partial.filter((d) => d.code === 'missing-include');
    assert.equal(missing.length, 1);
    assert.match(missing[0].message, /^'[^']*\/parts\/nat\.conf' not found for 'parts\/\{vrrp,lvs,nat\}\.conf': keepalived says some config files are missing, and includes the files it found$/);
    // an alternative with a wildcard that matches nothing is no missing file to keepalived: it says nothing
    assert.deepEqual(codes(lintTexts({ ...files, 'main.conf': conf('include parts/{vrrp,lvs,nat*}.conf') }, { lint: ['main.conf'] })).filter((c) => c === 'missing-include'), []);
  });

  it('a service on a VIP spelled differently, or on an excluded VIP, is on a VIP; a real server spelled twice is a duplicate', () => {
    const vrrp = ['vrrp_instance VI_6 {', '    state BACKUP', '    interface eth0', '    virtual_router_id 60', '    priority 100',
      '    virtual_ipaddress {', '        2001:db8::100/64', '    }', '    virtual_ipaddress_excluded {', '        192.0.2.50/24', '    }', '}'];
    const service = (address: string, ...servers: string[]) => ['virtual_server ' + address + ' 80 {', '    lvs_sched rr', '    lb_kind DR', '    protocol TCP',
      ...servers.flatMap((rs) => [`    real_server ${rs} 80 {`, '    }']), '}'];
    const found = lintTexts({ 'main.conf': conf(...vrrp, ...service('2001:DB8:0::100', '2001:db8::201', '2001:0db8:0:0::201'), ...service('192.0.2.50', '192.0.2.7')) });
    assert.deepEqual(found.map((d) => `${d.code} ${d.range.start.line + 1}`), ['duplicate-real-server 19']);
  });

  it('a service whose every real server is unreadable is dropped by keepalived; a template filling them in is not', () => {
    const service = (...servers: string[]) => conf('virtual_server 192.0.2.10 80 {', '    lvs_sched rr', '    lb_kind NAT', '    protocol TCP', ...servers.flatMap((rs) => [`    real_server ${rs} {`, '    }']), '}');
    const dropped = lintTexts({ 'main.conf': service('192.0.2.011 80', '192.0.2.12 99999') }).filter((d) => d.code === 'missing-required');
    assert.deepEqual(dropped.map((d) => d.range.start.line + 1), [1]);
    assert.match(dropped[0].message, /no real server keepalived can read/);
    assert.deepEqual(codes(lintTexts({ 'main.conf': service('192.0.2.011 80', '192.0.2.12 80') })).filter((c) => c === 'missing-required'), []);
    assert.deepEqual(codes(lintTexts({ 'main.conf.j2': service('{{ rs.ip }} {{ rs.port }}') })).filter((c) => c === 'missing-required'), []);
  });

  it('a forwarding method keepalived does not know changes nothing: NAT keeps the real server ports', () => {
    const service = (method: string) => conf('virtual_server 192.0.2.188 8000 {', '    lvs_sched rr', `    lb_kind ${method}`, '    protocol TCP', '    real_server 192.0.2.29 80 {', '    }', '}');
    assert.deepEqual(codes(lintTexts({ 'keepalived.conf': service('FNAT') })).filter((c) => c !== 'service-not-on-vip'), ['missing-forwarding-method', 'invalid-value']);
    assert.ok(codes(lintTexts({ 'keepalived.conf': service('DR') })).includes('real-server-port'));
  });

  it('a virtual_server without real servers is dropped before keepalived fills in its defaults', () => {
    const found = lintTexts({ 'keepalived.conf': conf('virtual_server fwmark 1 {', '    delay_loop 5', '}') });
    assert.deepEqual(codes(found), ['missing-required']);
  });

  it('bfd_instance: either spelling of neighbor_ip, and a multihop session beside a direct one to the same neighbor, are fine', () => {
    const bfd = (name: string, ...lines: string[]) => ['bfd_instance ' + name + ' {', ...lines.map((l) => '    ' + l), '}'];
    const fine = lintTexts({ 'keepalived.conf': conf(...bfd('B1', 'neighbour_ip 192.0.2.1'), ...bfd('B2', 'neighbor_ip 192.0.2.1', 'multihop')) });
    assert.deepEqual(codes(fine).filter((c) => c !== 'empty-config'), []);
    const twice = lintTexts({ 'keepalived.conf': conf(...bfd('B1', 'neighbour_ip 2001:db8::1'), ...bfd('B2', 'neighbor_ip 2001:DB8:0::1')) });
    assert.deepEqual(twice.filter((d) => d.code === 'duplicate-name').map((d) => d.range.start.line + 1), [5]);
  });

  it('a rule whose first word is no rule option gets one finding, the one that says keepalived drops the rule', () => {
    const found = lintTexts({ 'keepalived.conf': conf(...instance('VI_1', []), 'static_rules {', '    192.168.2.10/32 table 5 priority 100', '}') });
    assert.deepEqual(found.map((d) => `${d.range.start.line + 1} ${d.code}`), ['11 invalid-argument']);
    assert.match(found[0].message, /no rule option: keepalived drops this rule/);
  });

  it('a vrrp_script tracked by a sync group, or named in a file a track_script block includes, is used', () => {
    const script = ['vrrp_script chk {', '    script "/bin/true"', '}'];
    const bySyncGroup = lintTexts({ 'keepalived.conf': conf(...script, ...instance('VI_1', []), 'vrrp_sync_group G {', '    group {', '        VI_1', '    }', '    track_script {', '        chk', '    }', '}') });
    assert.deepEqual(codes(bySyncGroup).filter((c) => c === 'ineffective-setting'), []);
    const byInclude = lintTexts({ 'keepalived.conf': conf(...script, ...instance('VI_1', ['track_script {', '    include tracked.conf', '}'])), 'tracked.conf': conf('chk') }, { lint: ['keepalived.conf'] });
    assert.deepEqual(codes(byInclude).filter((c) => c === 'ineffective-setting'), []);
  });

  it('what a virtual_server leaves out is missing also when it includes files that do not set it', () => {
    const files = {
      'main.conf': conf('virtual_server 192.0.2.10 80 {', '    quorum 2', '    include rs.conf', '}'),
      'rs.conf': conf('real_server 192.0.2.20 80 {', '    include weight.conf', '}'),
      'weight.conf': conf('weight 5'),
    };
    const found = lintTexts(files, { lint: ['main.conf'] });
    assert.deepEqual(found.map((d) => `${d.code} ${d.range.start.line + 1}`).filter((c) => !c.startsWith('service-not-on-vip')), ['missing-protocol 1', 'missing-scheduler 1', 'missing-forwarding-method 1']);
    // a real server's forwarding method read in through its own include counts
    const withMethod = lintTexts({ ...files, 'weight.conf': conf('weight 5', 'lvs_method DR') }, { lint: ['main.conf'] });
    assert.deepEqual(codes(withMethod).filter((c) => c !== 'service-not-on-vip'), ['missing-protocol', 'missing-scheduler']);
  });

  it('a virtual_server of an undefined group: keepalived drops it silently, so what it leaves out is no error', () => {
    const found = lintTexts({ 'main.conf': conf('virtual_server group dns_TCP {', '    protocol TCP', '    real_server 10.10.10.1 53 {', '        weight 100', '    }', '}') });
    assert.deepEqual(found.map((d) => `${d.code} ${d.range.start.line + 1}`), ['undefined-reference 1']);
    assert.match(found[0].message, /drops this virtual_server/);
  });

  it('a unicast_src_ip without its address is not reported as unicast without peers (keepalived stops at the line)', () => {
    const found = lintTexts({ 'keepalived.conf': conf(...instance('VI_1', ['unicast_src_ip'])) });
    assert.deepEqual(found.map((d) => `${d.range.start.line + 1} ${d.code}`), ['6 argument-count']);
    // beside an empty unicast_peer block, the finding is on the block keepalived reads
    const withBlock = lintTexts({ 'keepalived.conf': conf(...instance('VI_1', ['unicast_src_ip', 'unicast_peer {', '}'])) });
    assert.deepEqual(withBlock.map((d) => `${d.range.start.line + 1} ${d.code}`), ['6 argument-count', '7 unicast-without-peers']);
  });

  it('resolves references across included files', () => {
    const found = lintTexts({ 'main.conf': conf('include scripts.conf', ...instance('VI_1', ['track_script {', '    chk', '}'])), 'scripts.conf': conf('vrrp_script chk {', '    script "/bin/true"', '}') }, { lint: ['main.conf'] });
    assert.deepEqual(codes(found), []);
  });
});
