/**
 * Message cases of what keepalived changes when it completes an instance in strict mode (vrrp.c), and of
 * settings it sets aside there: mcast_dst_ip beside unicast peers, an interface a sync group tracks again.
 */
import { instance } from './configParts';
import type { MessageCase } from './messageTable';

/** global_defs with vrrp_strict (lines 1-3), then an instance whose `lines` start at line 6 */
const strict = (...lines: string[]) => ['global_defs {', '  vrrp_strict', '}', ...instance(...lines)];
const reset = (format: string, lines: string[], says?: RegExp): MessageCase => ({ formats: [format], config: strict(...lines), line: 6, keepalivedLine: null, code: 'strict-mode-reset', severity: 'warning', says });
const IPV6_VIP = (first: string) => ['  virtual_ipaddress {', `    ${first}`, '    2001:db8::10/64', '  }'];
/** VI_1 (with `vi1` from line 3) and VI_2 on eth0, in sync group G whose last lines are `lines` */
const synced = (vi1: string[], ...lines: string[]) => [
  ...instance('  virtual_router_id 51', ...vi1, '  virtual_ipaddress {', '    192.0.2.10/24', '  }'),
  ...instance('  virtual_router_id 52', '  virtual_ipaddress {', '    192.0.2.11/24', '  }').map((l) => l.replace('VI_1', 'VI_2')),
  'vrrp_sync_group G {',
  '  group {',
  '    VI_1',
  '    VI_2',
  '  }',
  ...lines,
  '}',
];

export const STRICT_CASES: readonly MessageCase[] = [
  reset('(%s) State MASTER must match being address owner', ['  state MASTER', '  priority 100'], /starts VI_1 as BACKUP/),
  reset('(%s) State MASTER must match being address owner', ['  state BACKUP', '  priority 255'], /starts VI_1 as MASTER/),
  // 2.2.7's keepalived -t does not read the interface's flags, so it cannot see the interface is multicast-capable
  { formats: ['(%s) Unicast peers are not supported in strict mode'], config: strict('  unicast_peer {', '    192.0.2.2', '  }'), line: 6, keepalivedLine: null, code: 'strict-mode-reset', severity: 'error', runtimeOnly: ['2.2.7'] },
  reset('(%s) cannot use IPv6 with VRRP version 2; setting version 3', ['  version 2', ...IPV6_VIP('fe80::10/64')]),
  { formats: ['(%s) the first IPv6 VIP address must be link local'], config: strict(...IPV6_VIP('2001:db8::11/64')), line: 7, keepalivedLine: null, code: 'strict-mode-reset', severity: 'warning' },
  reset('(%s) down_timer_adverts is incompatible with strict mode - resetting', ['  down_timer_adverts 5']),
  reset('(%s) warning - accept mode for VRRP version 2 does not comply with RFC3768 - resetting', ['  accept', '  priority 100']),
  reset('(%s) Strict mode requires no repeat garps. resetting', ['  garp_lower_prio_repeat 2']),
  reset('(%s) Strict mode requires no repeat garp delay. resetting', ['  garp_lower_prio_delay 2']),
  reset('(%s) Strict mode requires no lower priority advert. resetting', ['  lower_prio_no_advert off']),
  reset('(%s) strict mode requires higher_prio_send_advert to be clear. resetting', ['  higher_prio_send_advert']),
  { formats: ['(%s) multicast destination specified with unicast - ignoring'], config: instance('  mcast_dst_ip 224.0.0.19', '  unicast_peer {', '    192.0.2.2', '  }'), line: 3, keepalivedLine: null, code: 'ineffective-setting', severity: 'warning' },
  {
    formats: ['(%s) track_interface %s is configured on VRRP instance and sync group. Remove vrrp instance or sync group config'],
    config: synced([], '  track_interface {', '    eth0', '  }'),
    line: 21,
    keepalivedLine: null,
    code: 'tracked-by-sync-group',
    severity: 'warning',
  },
  {
    formats: ['(%s) track_interface %s is configured on VRRP instance and sync group. Remove vrrp instance or sync group config'],
    config: synced(['  track_interface {', '    eth1', '  }'], '  track_interface {', '    eth1', '  }'),
    line: 24,
    keepalivedLine: null,
    code: 'tracked-by-sync-group',
    severity: 'warning',
  },
];
