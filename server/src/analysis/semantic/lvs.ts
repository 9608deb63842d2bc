import type { Statement } from '../../syntax';
import { last, type VirtualServerView } from '../../syntax/views';
import { addressPart } from '../argTypes';
import { ownForwardingMethod } from './lvsDefaults';
import { collect, type ConfigUnit, type FileDiagnostic } from '../unit';

/** Checks of virtual_server blocks that keepalived applies when it loads them. */
export function checkLvs(unit: ConfigUnit): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  for (const { file, item } of collect(unit, 'virtualServers')) {
    if (item.form !== 'fwmark') continue;
    const haSuspend = last(item.statement, 'ha_suspend');
    if (haSuspend) {
      out.push({ file, range: haSuspend.range, severity: 'warning', code: 'ha-suspend-with-fwmark', message: 'ha_suspend does not work with an fwmark service (there is no address to wait for): keepalived clears it' });
    }
    if (item.protocol) {
      out.push({
        file,
        range: item.protocol.statement.keyword.range,
        severity: 'warning',
        code: 'protocol-with-fwmark',
        message: 'protocol is ignored for an fwmark service: the firewall mark already selects the packets',
      });
    }
    for (const rs of item.realServers) {
      // NAT rewrites the destination, port included: keepalived keeps a NAT real server's port
      if (rs.port && forwardingOf(rs.statement, item) !== 'NAT') {
        out.push({
          file,
          range: rs.port.word.range,
          severity: 'warning',
          code: 'port-with-fwmark',
          message: 'A real server of an fwmark service takes no port: keepalived clears it (the packet keeps its destination port)',
          fix: [{ title: 'Remove the port', range: { start: rs.address!.word.range.end, end: rs.port.word.range.end }, newText: '' }],
        });
      }
    }
  }
  return out;
}

/** a real server's forwarding method: its own lvs_method, else the service's, else NAT (keepalived's default) */
function forwardingOf(realServer: Statement, service: VirtualServerView): string {
  return (ownForwardingMethod(realServer) ?? service.lbKind?.value ?? 'NAT').toUpperCase();
}

/**
 * A virtual_server whose address no vrrp_instance carries as a VIP receives no traffic after a failover
 * (the seed's own config has this mistake). `vips` are the VIPs of every director of the cluster.
 */
export function checkServicesOnVips(unit: ConfigUnit, vips: ReadonlySet<string>): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  if (vips.size === 0) return out;
  for (const { file, item } of collect(unit, 'virtualServers')) {
    if (!item.address) continue;
    if (vips.has(addressPart(item.address.value))) continue;
    out.push({
      file,
      range: item.address.word.range,
      severity: 'warning',
      code: 'service-not-on-vip',
      message: `virtual_server ${item.address.value} is not a VIP of any vrrp_instance in the cluster (VIPs: ${[...vips].slice(0, 6).join(', ')}${vips.size > 6 ? ', …' : ''}); clients reaching it will not follow a failover`,
    });
  }
  return out;
}

/** The addresses of virtual_ipaddress entries, without prefix length. */
export function vipAddresses(unit: ConfigUnit): Set<string> {
  const vips = new Set<string>();
  for (const { item } of collect(unit, 'instances')) for (const vip of item.vips) vips.add(vip.value.split('/')[0]);
  return vips;
}
