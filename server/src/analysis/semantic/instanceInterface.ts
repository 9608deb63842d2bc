// An instance needs an interface to send and receive adverts on. keepalived drops one without (vrrp.c,
// chk_min_cfg: "Unknown interface!"); global_defs' default_interface does not stand in. From 2.2.8 on a unicast
// instance may leave it out if it names its source address, and then each of its VIPs needs a `dev`.
import { includeDirective } from '../../schema';
import type { Statement } from '../../syntax';
import type { VrrpInstanceView } from '../../syntax/views';
import { collect, type ConfigUnit, type FileDiagnostic } from '../unit';
import { compareVersions } from '../versions';
import { UNICAST_KEYWORDS } from './instanceMode';
import { ipFamily, isIpv6LinkLocal } from '../ipFamily';

const UNICAST_WITHOUT_INTERFACE_SINCE = '2.2.8';
const ADDRESS_BLOCKS = new Map([['virtual_ipaddress', 'VIP'], ['virtual_ipaddress_excluded', 'eVIP']]);

/** why keepalived drops an instance that names no interface, or undefined when it keeps it */
export function withoutInterface(item: VrrpInstanceView, keepalivedVersion: string | undefined): string | undefined {
  const unicastMayOmit = keepalivedVersion === undefined || compareVersions(keepalivedVersion, UNICAST_WITHOUT_INTERFACE_SINCE) >= 0;
  if (!unicastMayOmit || !(item.statement.block?.statements ?? []).some((s) => UNICAST_KEYWORDS.includes(s.name))) {
    return `has no interface${unicastMayOmit ? ' (a unicast instance may leave it out if it gives unicast_src_ip)' : ''}`;
  }
  if (!item.unicastSrcIp) return 'is a unicast instance with neither interface nor unicast_src_ip';
  return undefined;
}

export function checkInstanceInterfaces(unit: ConfigUnit, keepalivedVersion: string | undefined): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  for (const { file, item } of collect(unit, 'instances')) {
    const body = item.statement.block?.statements ?? [];
    // an include inside the block may give the interface; the included file is checked on its own
    if (body.some((s) => s.name === 'interface' || includeDirective(s.name))) continue;
    const at = item.statement.args[0]?.range ?? item.statement.keyword.range;
    const why = withoutInterface(item, keepalivedVersion);
    if (why) {
      out.push({ file, range: at, severity: 'error', code: 'missing-required', message: `${item.name} ${why}: keepalived drops the instance` });
      continue;
    }
    const source = item.unicastSrcIp!;
    if (ipFamily(source.value) === 6 && isIpv6LinkLocal(source.value)) {
      out.push({ file, range: source.word.range, severity: 'error', code: 'invalid-address', message: `Without an interface ${item.name} cannot send from the link-local ${source.value}: keepalived drops the instance. Give interface, or a global unicast_src_ip` });
      continue;
    }
    for (const block of body) {
      const kind = ADDRESS_BLOCKS.get(block.name);
      if (!kind) continue;
      for (const line of block.block?.statements ?? []) {
        if (hasDev(line)) continue;
        out.push({ file, range: line.keyword.range, severity: 'error', code: 'missing-required', message: `${kind} ${line.name} has no dev, and ${item.name} no interface: keepalived removes the address` });
      }
    }
  }
  return out;
}

const hasDev = (line: Statement) => line.args.some((word, i) => word.text === 'dev' && i + 1 < line.args.length);
