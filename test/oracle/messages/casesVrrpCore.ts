/** Message cases and machine-dependent messages of vrrp.c, vrrp_track.c, trackers/track_file.c. */
import { globalDefs, instance, SECOND, SECURE_SCRIPT, TRACK_FILE } from './configParts';
import type { MessageCase, SilentMessage } from './messageTable';

/** VI_1 at priority 255 and VI_2 in sync group G, which tracks `tracked` (lines from `at` on) */
const ownerInGroup = (before: string[], ...tracked: string[]) => [
  ...before,
  ...instance('  priority 255'),
  ...SECOND,
  'vrrp_sync_group G {',
  '  group {',
  '    VI_1',
  '    VI_2',
  '  }',
  ...tracked,
  '}',
];
/** the line of the tracked object in ownerInGroup: after `before`, the 8-line instance, SECOND's 7 and 5 group lines, and the block's opening */
const trackedLine = (before: string[]) => before.length + 8 + 7 + 5 + 2;
const PROCESS = ['vrrp_track_process p {', '  process nginx', '}'];

export const VRRP_CORE_CASES: readonly MessageCase[] = [
  // a sync group's own tracked objects lose their weights when a member is the address owner
  { formats: ["(%s) Cannot have weighted track script '%s' with member having priority %d - clearing weight"], config: ownerInGroup(SECURE_SCRIPT(), '  track_script {', '    chk weight 10', '  }'), line: trackedLine(SECURE_SCRIPT()), keepalivedLine: null, code: 'weight-with-owner', severity: 'warning', says: /every member of 'G' in FAULT/ },
  { formats: ["(%s) Cannot have weighted track file '%s' with member having priority %d - setting weight 0"], config: ownerInGroup(TRACK_FILE, '  track_file {', '    tf', '  }'), line: trackedLine(TRACK_FILE), keepalivedLine: null, code: 'weight-with-owner', severity: 'warning' },
  { formats: ["(%s) Cannot have weighted track process '%s' with member having priority %d - setting weight 0"], config: ownerInGroup(PROCESS, '  track_process {', '    p weight 5', '  }'), line: trackedLine(PROCESS), keepalivedLine: null, code: 'weight-with-owner', severity: 'warning' },
  { formats: ["(%s) Cannot have weighted track interface '%s' with member having priority %d - clearing weight"], config: ownerInGroup([], '  track_interface {', '    eth1 weight 10', '  }'), line: trackedLine([]), keepalivedLine: null, code: 'weight-with-owner', severity: 'warning' },
  // a unicast instance with a VMAC, read at the end of its block
  { formats: ['(%s) unicast with use_vmac requires vmac_xmit_base - setting'], config: instance('  use_vmac', '  unicast_peer {', '    192.0.2.2', '  }'), line: 3, keepalivedLine: 11, code: 'ineffective-setting', severity: 'warning' },
  { formats: ['(%s): Cannot use VMAC/ipvlan with unicast and no interface - clearing use_vmac'], config: ['vrrp_instance VI_1 {', '  use_vmac', '  unicast_src_ip 192.0.2.1', '  unicast_peer {', '    192.0.2.2', '  }', '  virtual_router_id 51', '  virtual_ipaddress {', '    192.0.2.10/24', '  }', '}'], line: 2, keepalivedLine: 11, code: 'ineffective-setting', severity: 'warning' },
  // settings dropped beside a VMAC
  { formats: ['(%s) promote_secondaries is automatically set for vmacs - ignoring'], config: instance('  use_vmac', '  promote_secondaries'), line: 4, keepalivedLine: null, code: 'ineffective-setting', severity: 'warning' },
  { formats: ['(%s) vmac_xmit_base is only valid with a vmac'], config: instance('  vmac_xmit_base'), line: 3, keepalivedLine: null, code: 'ineffective-setting', severity: 'warning' },
  { formats: ['(%s) xmit_base is incompatible with strict mode - resetting'], config: [...globalDefs('  vrrp_strict'), ...instance('  use_vmac', '  vmac_xmit_base')], line: 7, keepalivedLine: null, code: 'strict-mode-reset', severity: 'warning' },
];

export const VRRP_CORE_SILENT: readonly SilentMessage[] = [];
