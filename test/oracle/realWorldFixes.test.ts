/**
 * The linter mistakes the real-world corpus showed, each held to keepalived 2.2.7 and 2.4.3 on a small
 * config: what both accept gets no linter error, and where a near variant is rejected, the linter flags it.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { lintFiles } from '../../server/src/analysis/lint';
import { configLines, InterfaceLab, KEEPALIVED_RELEASES } from '../helpers/interfaceLab';

const instance = (name: string, vrid: number, lines: string[] = []) => [
  `vrrp_instance ${name} {`,
  '    interface eth0',
  `    virtual_router_id ${vrid}`,
  ...lines.map((l) => `    ${l}`),
  '    virtual_ipaddress {',
  `        192.0.2.${vrid}/24`,
  '    }',
  '}',
];

/** name → [config both releases accept, a variant they reject or undefined, the linter code for the variant] */
const CASES: Record<string, { accepted: string[]; rejected?: string[]; code?: string }> = {
  'notify scripts take a user and a group': {
    accepted: ['global_defs {', '    enable_script_security', '}', ...instance('VI_1', 51, ['notify_master "/bin/true master" root root', 'notify "/bin/true" root'])],
  },
  'persistence_timeout without a value means 360 s': {
    accepted: ['virtual_server 192.0.2.1 80 {', '    lb_algo rr', '    lb_kind NAT', '    protocol TCP', '    persistence_timeout', '    real_server 192.0.2.2 80 {', '    }', '}'],
  },
  'a flag keyword with a word after it runs with the word ignored': {
    accepted: ['virtual_server 192.0.2.1 80 {', '    lb_algo rr', '    lb_kind NAT', '    protocol TCP', '    alpha 1', '    omega 0', '    real_server 192.0.2.2 80 {', '    }', '}'],
  },
  'unicast instances may share a VRID on one link when their peers differ': {
    accepted: [...instance('A', 51, ['unicast_src_ip 192.0.2.1', 'unicast_peer {', '    192.0.2.2', '}']), ...instance('B', 51, ['unicast_src_ip 192.0.2.1', 'unicast_peer {', '    192.0.2.3', '}']).map((l) => l.replace('192.0.2.51/24', '192.0.2.52/24'))],
    rejected: [...instance('A', 51, ['unicast_src_ip 192.0.2.1', 'unicast_peer {', '    192.0.2.2', '}']), ...instance('B', 51, ['unicast_src_ip 192.0.2.1', 'unicast_peer {', '    192.0.2.2', '}']).map((l) => l.replace('192.0.2.51/24', '192.0.2.52/24'))],
    code: 'vrid-conflict',
  },
  'multicast instances on one link may share a VRID when they send to different groups': {
    accepted: [...instance('A', 51, ['mcast_dst_ip 224.0.0.18']), ...instance('B', 51, ['mcast_dst_ip 224.0.0.19']).map((l) => l.replace('192.0.2.51/24', '192.0.2.52/24'))],
    rejected: [...instance('A', 51), ...instance('B', 51).map((l) => l.replace('192.0.2.51/24', '192.0.2.52/24'))],
    code: 'vrid-conflict',
  },
  'a single address may carry a /prefix, which keepalived ignores': {
    accepted: [...instance('VI_1', 51, ['unicast_src_ip 192.0.2.1/24', 'unicast_peer {', '    192.0.2.2/24', '}']), 'bfd_instance b {', '    neighbor_ip 192.0.2.9', '    source_ip 192.0.2.1/30', '}'],
  },
  'parameters in a ~SEQ specification and in multi-line definitions expand': {
    accepted: ['$FIRST=2', '$LAST=3', '$RS= \\', 'real_server 192.0.2.$N 80 { \\', '    weight 1 \\', '}', 'virtual_server 192.0.2.1 80 {', '    lb_algo rr', '    lb_kind NAT', '    protocol TCP', '    ~SEQ(N, $FIRST, $LAST) $RS', '}'],
  },
  'a second vrrp_script of one name is kept, not rejected': {
    accepted: ['global_defs {', '    enable_script_security', '}', 'vrrp_script chk {', '    script "/bin/true"', '}', 'vrrp_script chk {', '    script "/bin/false"', '}', ...instance('VI_1', 51, ['track_script {', '    chk', '}'])],
    rejected: [...instance('VI_1', 51), ...instance('VI_1', 52)],
    code: 'duplicate-name',
  },
};

describe('fixes found on real-world configs, against keepalived 2.2.7 and 2.4.3', () => {
  let lab: InterfaceLab;
  let dir: string;
  before(() => {
    lab = new InterfaceLab(['eth0']);
    dir = mkdtempSync(join(tmpdir(), 'ka-fixes-'));
  });
  after(() => {
    lab?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const write = (name: string, lines: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, lines.join('\n') + '\n');
    return path;
  };

  for (const [name, { accepted, rejected, code }] of Object.entries(CASES)) {
    it(name, () => {
      const good = write('good.conf', accepted);
      for (const { version, binary } of KEEPALIVED_RELEASES) {
        assert.deepEqual(configLines(lab.check(binary, good)), [], `keepalived ${version} accepts it`);
        const errors = lintFiles([good], { keepalivedVersion: version }).filter((d) => d.severity === 'error');
        assert.deepEqual(errors.map((d) => `${d.range.start.line + 1}: ${d.message}`), [], `no linter error (${version})`);
      }
      if (!rejected) return;
      const bad = write('bad.conf', rejected);
      for (const { version, binary } of KEEPALIVED_RELEASES) {
        assert.notDeepEqual(configLines(lab.check(binary, bad)), [], `keepalived ${version} rejects the variant`);
        assert.ok(lintFiles([bad], { keepalivedVersion: version }).some((d) => d.code === code && d.severity === 'error'), `linter: ${code} (${version})`);
      }
    });
  }
});
