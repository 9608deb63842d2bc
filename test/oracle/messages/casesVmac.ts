/** Message cases of the words after use_vmac, as vrrp_vmac_handler reads them (vrrp_parser.c). */
import { instance } from './configParts';
import type { MessageCase } from './messageTable';

/** an instance whose line 3 is `use_vmac WORDS` */
const vmac = (words: string) => instance(`  use_vmac ${words}`);
const bad = (format: string, words: string, code = 'invalid-value', severity: 'error' | 'warning' = 'error'): MessageCase => ({ formats: [format], config: vmac(words), line: 3, code, severity });
const second = ['vrrp_instance VI_2 {', '  interface eth0', '  virtual_router_id 52', '  use_vmac vr1', '  virtual_ipaddress {', '    192.0.2.11/24', '  }', '}'];

/** an instance with use_vmac (and other settings) and a VIP with use_vmac of its own */
const vipVmac = (vip: string, ...settings: string[]) => instance('  use_vmac', ...settings, '  virtual_ipaddress {', `    ${vip} use_vmac`, '  }');

export const VMAC_CASES: readonly MessageCase[] = [
  { formats: ['(%s) use_vmac specified for VIP/eVIP %s and vrrp instance'], config: vipVmac('192.0.2.20/24'), line: 5, keepalivedLine: null, code: 'ineffective-setting', severity: 'warning' },
  { formats: ['(%s) use_vmac_addr specified and use_vmac specified for VIP/eVIP %s'], config: vipVmac('192.0.2.21/24 dev eth1', '  use_vmac_addr'), line: 6, keepalivedLine: null, code: 'ineffective-setting', severity: 'warning' },
  bad('VMAC interface address already specified', '02:00:00:00:00:01 02:00:00:00:00:02', 'duplicate-keyword', 'warning'),
  bad('VMAC interface name already specified', 'vrrp.51 vrrp.52', 'duplicate-keyword', 'warning'),
  bad('VMAC invalid MAC address %s', '02:zz:00:00:00:01'),
  bad('VMAC invalid MAC address %s - ignored', '02:00:00:00'),
  bad('VMAC MAC address is multicast %s - ignoring', '03:00:00:00:00:01'),
  bad('VMAC MAC address not allowed to be RFC5798 address (%s) - ignoring', '00:00:5e:00:01:05'),
  bad("VMAC interface name '%s' too long or invalid characters - ignoring", 'vrrp.instance.one', 'invalid-argument'),
  // an option from 2.3.0, which 2.2.7 reads as the macvlan's name
  { formats: ["VMAC interface name '%s' too long or invalid characters - ignoring"], config: vmac('netlink_notify_msg'), line: 3, code: 'invalid-argument', severity: 'error', notIn: ['2.4.3'] },
  { formats: ['(%s) VRRP instance %s is already using %s - ignoring name'], config: [...vmac('vr1'), ...second], line: 12, code: 'duplicate-name', severity: 'error' },
];
