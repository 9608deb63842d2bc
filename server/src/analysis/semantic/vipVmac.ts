// `use_vmac` on a single VIP or excluded VIP, as keepalived settles it when it completes the instance
// (vrrp.c): an address on the instance's interface and family already goes on the instance's VMAC when the
// instance has use_vmac; an address elsewhere cannot have a VMAC of its own beside use_vmac_addr.
import { all, type VrrpInstanceView } from '../../syntax/views';
import { addressPart, devOf } from '../argTypes';
import { ipFamily, readableAddress } from '../ipFamily';
import type { FileDiagnostic } from '../unit';
import { instanceFamily } from './instanceFamily';

export function vipVmacFindings(file: string, item: VrrpInstanceView): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  const vmac = all(item.statement, 'use_vmac').length > 0;
  const vmacAddr = all(item.statement, 'use_vmac_addr').length > 0;
  if (!vmac && !vmacAddr) return out;
  const family = instanceFamily(item);
  const entries = ['virtual_ipaddress', 'virtual_ipaddress_excluded'].flatMap((name) => all(item.statement, name).flatMap((b) => b.block?.statements ?? []));
  for (const entry of entries) {
    const option = entry.args.find((w) => w.text === 'use_vmac');
    if (!option || !readableAddress(entry.name)) continue;
    const dev = devOf(entry);
    const sameInterface = dev === '' || dev === item.iface?.value;
    const sameFamily = ipFamily(addressPart(entry.name)) === family;
    if (vmac && sameInterface && sameFamily) {
      out.push({ file, range: option.range, severity: 'warning', code: 'ineffective-setting', message: `${item.name} has use_vmac, and ${entry.name} is on its interface: the address goes on the instance's VMAC anyway, and keepalived ignores this use_vmac` });
    } else if (vmacAddr && (!sameInterface || !sameFamily)) {
      out.push({ file, range: option.range, severity: 'warning', code: 'ineffective-setting', message: `${item.name} has use_vmac_addr: keepalived gives ${entry.name}, which is ${sameFamily ? 'on another interface' : 'of the other address family'}, no VMAC of its own and ignores this use_vmac` });
    }
  }
  return out;
}
