import type { Statement } from '../../syntax';
import { isForwardingMethod, last, type VirtualServerView } from '../../syntax/views';
import { addressPart } from '../argTypes';
import { addressKey } from '../ipFamily';
import { ownForwardingMethod } from './lvsDefaults';
import { readGroupAddress } from './lvsForms';
import { isDigits } from '../../syntax/numbers';
import { collect, type ConfigUnit, type FileDiagnostic } from '../unit';

/** Checks of virtual_server blocks that keepalived applies when it loads them. */
export function checkLvs(unit: ConfigUnit): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  const groups = new Map<string, Statement>();
  for (const { file, item } of collect(unit, 'virtualServerGroups')) {
    if (!groups.has(item.name)) groups.set(item.name, item.statement);
    out.push(...groupFamilyFindings(file, item.statement));
  }
  for (const { file, item } of collect(unit, 'virtualServers')) {
    const group = item.form === 'group' && item.group ? groups.get(item.group.value) : undefined;
    if (group) out.push(...groupPortFindings(file, item, group), ...groupHaSuspendFindings(file, item, group));
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
      // NAT rewrites the destination, port included: keepalived keeps a NAT real server's port; and it says
      // nothing of a port 0, which is what it clears the port to
      if (rs.port && rs.port.value !== 0 && forwardingOf(rs.statement, item) !== 'NAT') {
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

interface GroupEntries {
  fwmarks: Statement[];
  fwmarkWithoutFamily: boolean;
  families: Set<4 | 6>;
  /** the address entries keepalived keeps, with their ports (0 without one) */
  addresses: { entry: Statement; port: number }[];
}

/** The entries of a virtual_server_group that keepalived keeps (the others get findings of their own). */
function groupEntries(group: Statement): GroupEntries {
  const read: GroupEntries = { fwmarks: [], fwmarkWithoutFamily: false, families: new Set(), addresses: [] };
  for (const entry of group.block?.statements ?? []) {
    const [first, second] = entry.args;
    if (entry.name === 'fwmark') {
      if (!first || !isDigits(first.text)) continue;
      if (!second) read.fwmarkWithoutFamily = true;
      else if (second.text === 'inet' || second.text === 'inet6') read.families.add(second.text === 'inet' ? 4 : 6);
      else continue;
      read.fwmarks.push(entry);
      continue;
    }
    const address = readGroupAddress(entry.name);
    if (!('family' in address) || (first && !isDigits(first.text))) continue;
    read.families.add(address.family);
    read.addresses.push({ entry, port: first ? Number(first.text) : 0 });
  }
  return read;
}

const removedForFamilies = (entries: GroupEntries) => entries.fwmarkWithoutFamily && entries.families.has(4) && entries.families.has(6);

/** An fwmark without a family cannot be placed in a group holding both families. */
function groupFamilyFindings(file: string, group: Statement): FileDiagnostic[] {
  if (!removedForFamilies(groupEntries(group))) return [];
  return [{ file, range: group.keyword.range, severity: 'error', code: 'ip-family-mismatch', message: `virtual_server_group ${group.args[0]?.text ?? ''} holds IPv4 and IPv6 entries and an fwmark without a family: keepalived removes the group (write 'fwmark N inet' or 'fwmark N inet6')` }];
}

/**
 * Outside NAT a real or sorry server answers on the port the client asked for: a port of its own that differs
 * from a group entry's is ignored, as is any port under the group's fwmark entries (check_data.c warns, and
 * changes nothing).
 */
function groupPortFindings(file: string, service: VirtualServerView, group: Statement): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  const entries = groupEntries(group);
  if (removedForFamilies(entries)) return out;
  const servers = service.realServers.map((rs) => ({ word: rs.port?.word, method: forwardingOf(rs.statement, service), what: 'real server' }));
  const sorry = last(service.statement, 'sorry_server');
  const sorryMethod = last(service.statement, 'sorry_server_lvs_method')?.args[0]?.text;
  if (sorry) servers.push({ word: sorry.args[1], method: (isForwardingMethod(sorryMethod) ? sorryMethod : undefined) ?? service.lbKind?.value ?? 'NAT', what: 'sorry server' });
  for (const { word, method, what } of servers) {
    const port = word && isDigits(word.text) ? Number(word.text) : 0;
    if (!word || method === 'NAT' || port === 0) continue;
    if (entries.fwmarks.length > 0) {
      out.push({ file, range: word.range, severity: 'warning', code: 'port-with-fwmark', message: `With ${method} forwarding the ${what} port ${port} is ignored for group ${group.args[0]?.text ?? ''}'s fwmark entries (line ${entries.fwmarks[0].range.start.line + 1})` });
    }
    const other = entries.addresses.find((a) => a.port !== port);
    if (other) {
      out.push({ file, range: word.range, severity: 'warning', code: 'real-server-port', message: `With ${method} forwarding the ${what} answers on the port the client used: its port ${port} differs from group entry ${other.entry.name} ${other.port} (line ${other.entry.range.start.line + 1})` });
    }
  }
  return out;
}

/**
 * keepalived clears ha_suspend of a service whose group holds an fwmark entry, for the whole service, its
 * address entries too (check_data.c: "cannot use ha_suspend with fwmarks - clearing ha_suspend").
 */
function groupHaSuspendFindings(file: string, service: VirtualServerView, group: Statement): FileDiagnostic[] {
  const haSuspend = last(service.statement, 'ha_suspend');
  const entries = groupEntries(group);
  if (!haSuspend || entries.fwmarks.length === 0 || removedForFamilies(entries)) return [];
  const message = `ha_suspend does not work with group ${group.args[0]?.text ?? ''}'s fwmark entries (line ${entries.fwmarks[0].range.start.line + 1}): keepalived clears it for the whole service`;
  return [{ file, range: haSuspend.range, severity: 'warning', code: 'ha-suspend-with-fwmark', message }];
}

/** a real server's forwarding method: its own lvs_method, else the service's, else NAT (keepalived's default) */
function forwardingOf(realServer: Statement, service: VirtualServerView): string {
  return ownForwardingMethod(realServer) ?? service.lbKind?.value ?? 'NAT';
}

/**
 * A virtual_server whose address no vrrp_instance carries as a VIP receives no traffic after a failover
 * (the seed's own config has this mistake). `vips` are the VIPs of every director of the cluster, by vipAddresses.
 */
export function checkServicesOnVips(unit: ConfigUnit, vips: ReadonlyMap<string, string>): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  if (vips.size === 0) return out;
  for (const { file, item } of collect(unit, 'virtualServers')) {
    if (!item.address) continue;
    if (vips.has(addressKey(addressPart(item.address.value)))) continue;
    out.push({
      file,
      range: item.address.word.range,
      severity: 'warning',
      code: 'service-not-on-vip',
      message: `virtual_server ${item.address.value} is not a VIP of any vrrp_instance in the cluster (VIPs: ${[...vips.values()].slice(0, 6).join(', ')}${vips.size > 6 ? ', …' : ''}); clients reaching it will not follow a failover`,
    });
  }
  return out;
}

/**
 * The addresses VRRP moves on a failover, without prefix length, as addressKey writes them: virtual_ipaddress
 * and virtual_ipaddress_excluded entries alike (excluded ones only stay out of the adverts).
 */
export function vipAddresses(unit: ConfigUnit): Map<string, string> {
  const vips = new Map<string, string>();
  for (const { item } of collect(unit, 'instances')) {
    const excluded = item.statement.block?.statements.filter((s) => s.name === 'virtual_ipaddress_excluded').flatMap((b) => b.block?.statements ?? []) ?? [];
    for (const vip of [...item.vips.map((v) => v.statement), ...excluded]) {
      const address = vip.name.split('/')[0];
      if (!vips.has(addressKey(address))) vips.set(addressKey(address), address);
    }
  }
  return vips;
}
