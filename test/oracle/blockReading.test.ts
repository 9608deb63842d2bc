/**
 * Where keepalived's blocks begin and end when the braces do not say it plainly (lib/parser.c), and the linter
 * reading the same tree:
 * - a keyword that opens a block, written without its '{': keepalived says "Missing '{'" and opens the block
 *   anyway, reading the lines that follow into it up to the next '}' (process_stream with bob_needed,
 *   alloc_value_block). The '}' that closes the enclosing block in the text is then one too many;
 * - a second `group` list in a sync group: keepalived skips its block, and the skip ends the sync group at
 *   that block's '}' (skip_block called from a value block's handler), so what follows is read at the top.
 */
import { strict as assert } from 'node:assert';
import { it } from 'node:test';
import { lintFiles } from '../../server/src/analysis/lint';
import { describeQuiet } from '../helpers/quietConfigs';
import { configLines, KEEPALIVED_RELEASES } from '../helpers/interfaceLab';

const REAL_SERVER_WITHOUT_BRACE = [
  'virtual_server 192.0.2.60 80 {',
  '    lb_algo rr',
  '    lb_kind DR',
  '    protocol TCP',
  '    real_server 192.0.2.10 80',
  '        weight 1',
  '        TCP_CHECK {',
  '            connect_timeout 3',
  '        }',
  '    }',
  '    real_server 192.0.2.11 80 {',
  '        weight 2',
  '    }',
  '}',
];

const TRACK_INTERFACE_WITHOUT_BRACE = [
  'global_defs {',
  '    dynamic_interfaces',
  '}',
  'vrrp_instance VI_1 {',
  '    state MASTER',
  '    interface eth0',
  '    track_interface',
  '    virtual_router_id 51',
  '    priority 150',
  '    virtual_ipaddress {',
  '        192.0.2.60',
  '    }',
  '}',
];

const SYNC_GROUP_WITH_TWO_LISTS = [
  ...['VI_1', 'VI_2'].flatMap((name, i) => [`vrrp_instance ${name} {`, '  interface eth0', `  virtual_router_id ${51 + i}`, '  virtual_ipaddress {', `    192.0.2.${10 + i}/24`, '  }', '}']),
  'vrrp_sync_group G {',
  '  group {',
  '    VI_1',
  '    VI_2',
  '  }',
  '  group {',
  '    VI_1',
  '  }',
  '  notify_master /bin/true',
  '}',
];

describeQuiet("blocks keepalived opens without a '{', or leaves at another block's '}'", {}, (lab, write) => {
  it('a real_server without it holds the lines up to the next }, and the last } of the file is one too many', () => {
    const path = write(REAL_SERVER_WITHOUT_BRACE);
    for (const { version, binary } of KEEPALIVED_RELEASES) {
      const printed = configLines(lab().check(binary, path)).join('\n');
      assert.match(printed, /Line 6\) Missing '\{' at beginning of configuration block/, `keepalived ${version}`);
      assert.match(printed, /Line 14\) Extra '\}' found/, `keepalived ${version}`);
      // the checker reads TCP_CHECK inside the real server and the second real server inside the service
      assert.doesNotMatch(printed, /Line (7|8|9|10)\)/, `keepalived ${version}`);
      const findings = lintFiles([path], { keepalivedVersion: version });
      assert.deepEqual(findings.map((d) => `${d.range.start.line + 1} ${d.code}`), ['5 missing-block', '14 extra-close-brace'], findings.map((d) => d.message).join('\n'));
    }
  });

  it("a second group list ends its sync group: the options after it are read at the top level", () => {
    const path = write(SYNC_GROUP_WITH_TWO_LISTS);
    for (const { version, binary } of KEEPALIVED_RELEASES) {
      const printed = configLines(lab().check(binary, path)).map((l) => l.replace(/^\([^)]*(Line \d+)\)/, '$1'));
      assert.deepEqual(printed, ['Line 20 Group list already specified for sync group G', "Line 23 Unknown keyword 'notify_master'", "Line 24 Unknown keyword '}'"], `keepalived ${version}`);
      const findings = lintFiles([path], { keepalivedVersion: version });
      assert.deepEqual(findings.map((d) => `${d.range.start.line + 1} ${d.code}`), ['20 duplicate-keyword', '23 unknown-keyword', '24 extra-close-brace'], findings.map((d) => d.message).join('\n'));
    }
  });

  it('a track_interface without it swallows the virtual_router_id, which keepalived then lacks', () => {
    const path = write(TRACK_INTERFACE_WITHOUT_BRACE);
    for (const { version, binary } of KEEPALIVED_RELEASES) {
      const printed = configLines(lab().check(binary, path)).join('\n');
      assert.match(printed, /Line 8\) \(VI_1\) unknown track_interface virtual_router_id option 51/, `keepalived ${version}`);
      assert.match(printed, /the virtual router id must be set/, `keepalived ${version}`);
      const findings = lintFiles([path], { keepalivedVersion: version }).map((d) => `${d.range.start.line + 1} ${d.code} ${d.message}`);
      assert.ok(findings.some((f) => /^7 missing-block /.test(f)), findings.join('\n'));
      assert.ok(findings.some((f) => /^4 missing-required .*virtual_router_id/.test(f)), findings.join('\n'));
      assert.ok(findings.some((f) => /^8 invalid-value '51' is not an option/.test(f)), findings.join('\n'));
    }
  });
});
