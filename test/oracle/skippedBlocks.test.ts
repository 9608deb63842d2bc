/**
 * keepalived skips a second vrrp_instance or vrrp_sync_group of a name unread, block and all (vrrp_parser.c):
 * both releases print one message, at its name, and the linter answers with duplicate-name there and
 * nothing about the lines inside (found on a master/backup pair pasted into one file).
 */
import { strict as assert } from 'node:assert';
import { it } from 'node:test';
import { lintFiles } from '../../server/src/analysis/lint';
import { describeQuiet } from '../helpers/quietConfigs';
import { configLines, KEEPALIVED_RELEASES } from '../helpers/interfaceLab';

const instance = (state: string, priority: number, ...more: string[]) => [
  'vrrp_instance VI_1 {',
  `    state ${state}`,
  '    interface eth0',
  '    virtual_router_id 60',
  `    priority ${priority}`,
  ...more,
  '    virtual_ipaddress {',
  '        192.0.2.70/24',
  '    }',
  '}',
];

const PASTED_PAIR = [...instance('MASTER', 110), ...instance('BACKUP', 100, '    unicast_src_ip', '    authentication {', '        auth_type PASS', '        auth_pass', '    }')];
const GROUPS = [
  ...instance('MASTER', 110),
  ...instance('MASTER', 110).map((l) => l.replace('VI_1', 'VI_2').replace('router_id 60', 'router_id 61').replace('.70/', '.71/')),
  'vrrp_sync_group G {',
  '    group {',
  '        VI_1',
  '        VI_2',
  '    }',
  '}',
  'vrrp_sync_group G {',
  '    group {',
  '        VI_9',
  '    }',
  '    notify_master',
  '}',
];

describeQuiet('a second block of a name: keepalived reads the first', { 'one instance, the pair kept apart': instance('MASTER', 110) }, (lab, write) => {
  for (const [name, lines, line] of [
    ['a MASTER/BACKUP pair pasted into one file: the BACKUP block is skipped, broken lines and all', PASTED_PAIR, 10],
    ['a second sync group of a name: skipped with its unknown member and bare notify_master', GROUPS, 25],
  ] as const) {
    it(name, () => {
      const path = write([...lines]);
      for (const { version, binary } of KEEPALIVED_RELEASES) {
        const printed = configLines(lab().check(binary, path));
        assert.equal(printed.length, 1, `keepalived ${version}: ${printed.join(' | ')}`);
        assert.match(printed[0], new RegExp(`Line ${line}\\) vrrp (instance VI_1|sync group G) already defined`));
        const findings = lintFiles([path], { keepalivedVersion: version });
        assert.deepEqual(findings.map((d) => `${d.range.start.line + 1} ${d.code}`), [`${line} duplicate-name`], findings.map((d) => d.message).join('\n'));
        assert.match(findings[0].message, /skips the second definition unread/);
      }
    });
  }
});
