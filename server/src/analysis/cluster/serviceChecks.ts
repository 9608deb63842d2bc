import type { Range } from '../../syntax';
import type { CheckerView, RealServerView, VirtualServerView } from '../../syntax/views';
import { addressKey } from '../ipFamily';
import { addressPart } from '../argTypes';
import { collect, type ConfigUnit, type FileDiagnostic } from '../unit';
import { schemaDefault } from './effective';
import type { Cluster } from './grouping';

interface Service {
  unit: ConfigUnit;
  file: string;
  vs: VirtualServerView;
}

/** What a checker tests: its type and target, so that directors checking different things differ. */
function checkerSignature(c: CheckerView): string {
  const urls = c.urls.map((u) => `${u.path?.value ?? '?'}=${u.statusCodes.map((s) => s.value).join('/') || u.digest?.value || '200-299'}`);
  const target = [c.connectIp && addressKey(c.connectIp.value), c.connectPort?.value, c.miscPath?.value, c.trackedName?.value, ...urls].filter((x) => x !== undefined);
  return target.length ? `${c.type}(${target.join(' ')})` : c.type;
}

function name(s: Service): string {
  return s.unit.root.split('/').pop() ?? s.unit.root;
}

/** how a finding names the service: as written */
function serviceLabel(vs: VirtualServerView): string {
  if (vs.form === 'fwmark') return `fwmark ${vs.fwmark?.value ?? '?'}`;
  if (vs.form === 'group') return `group ${vs.group?.value ?? '?'}`;
  return `${vs.address?.value ?? '?'}${vs.port ? ` ${vs.port.value}` : ''}`;
}

/** the same for two spellings of one address, as keepalived compares them */
function serviceKey(vs: VirtualServerView): string {
  return vs.form === 'address' && vs.address ? `${addressKey(addressPart(vs.address.value))}${vs.port ? ` ${vs.port.value}` : ''}` : serviceLabel(vs);
}

/** the protocol keepalived gives the service: the one written, else the schema's default */
function effectiveProtocol(vs: VirtualServerView): string {
  return (vs.protocol?.value ?? schemaDefault('virtual_server', 'protocol') ?? 'TCP').toUpperCase();
}

/**
 * keepalived (and IPVS) tell services apart by protocol too: one config may define the same address and port,
 * or the same group, once for TCP and once for UDP (DNS is the common case). When a director defines a key
 * more than once, each protocol is its own service, compared with the same protocol on the other directors;
 * otherwise a differing protocol is a difference of the one service, as reported. Each group comes with the
 * words a finding adds after the service: its protocol when split.
 */
function splitByProtocol(services: Service[]): [string, Service[]][] {
  const units = services.map((s) => s.unit);
  if (new Set(units).size === units.length) return [['', services]];
  const byProtocol = new Map<string, Service[]>();
  for (const s of services) {
    const protocol = effectiveProtocol(s.vs);
    byProtocol.set(protocol, [...(byProtocol.get(protocol) ?? []), s]);
  }
  return [...byProtocol].map(([protocol, group]) => [` (${protocol})`, group]);
}

/** What must be equal on every director for the service to behave the same after a failover. */
/** a compared field: `own` when the service sets it on a line of its own (a value a quick fix can replace) */
interface Field {
  text: string;
  /** what keepalived effectively uses: an unset value is the schema's default */
  effective: string;
  range: Range;
  own: boolean;
}

function signature(vs: VirtualServerView): Map<string, Field> {
  const fields = new Map<string, Field>();
  const here = vs.statement.keyword.range;
  const valued = (v: { value: string; word: { range: Range } } | undefined, fallback: string | undefined): Field =>
    v
      ? { text: v.value, effective: v.value.toUpperCase(), range: v.word.range, own: true }
      : { text: fallback ? `(default) ${fallback}` : '(default)', effective: (fallback ?? '(default)').toUpperCase(), range: here, own: false };
  // lb_algo and lb_kind are the older names of lvs_sched and lvs_method, whose defaults the schema gives
  fields.set('lb_algo', valued(vs.lbAlgo, schemaDefault('virtual_server', 'lvs_sched')));
  fields.set('lb_kind', valued(vs.lbKind, schemaDefault('virtual_server', 'lvs_method')));
  fields.set('protocol', valued(vs.protocol, schemaDefault('virtual_server', 'protocol')));
  const server = (address: (text: string) => string) => (rs: RealServerView) => `${rs.address ? address(rs.address.value) : '?'}${rs.port ? ` ${rs.port.value}` : ''} [${rs.checkers.map(checkerSignature).join(',') || 'no check'}]`;
  const listed = vs.realServers.map(server((text) => text)).sort().join('; ') || '(none)';
  const compared = vs.realServers.map(server((text) => addressKey(addressPart(text)))).sort().join('; ') || '(none)';
  fields.set('real servers', { text: listed, effective: compared, range: here, own: false });
  return fields;
}

/** whether the unit defines at least one item of the kind */
function byUnit(unit: ConfigUnit, kind: 'virtualServers' | 'instances'): boolean {
  return collect(unit, kind).length > 0;
}

export function checkServicesAcrossCluster(cluster: Cluster): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  if (cluster.members.length < 2) return out;
  const byKey = new Map<string, Service[]>();
  for (const unit of cluster.members) {
    for (const { file, item } of collect(unit, 'virtualServers')) {
      const key = serviceKey(item);
      byKey.set(key, [...(byKey.get(key) ?? []), { unit, file, vs: item }]);
    }
  }
  // a config that defines neither an instance nor a service directs nothing yet (being written, or emptied:
  // the deploy's empty-config guard names that case); it lacks no one service more than another
  const directing = cluster.members.filter((u) => byUnit(u, 'virtualServers') || byUnit(u, 'instances'));
  for (const [protocol, services] of [...byKey.values()].flatMap(splitByProtocol)) {
    const units = new Set(services.map((s) => s.unit));
    if (units.size < directing.length) {
      const missing = directing.filter((u) => !units.has(u)).map((u) => u.root.split('/').pop());
      for (const s of services) {
        out.push({
          file: s.file,
          range: s.vs.statement.keyword.range,
          severity: 'error',
          code: 'cluster-service-missing',
          message: `virtual_server ${serviceLabel(s.vs)}${protocol} is not defined on ${missing.join(', ')}: after a failover to it, this service is gone`,
        });
      }
      continue;
    }
    const signatures = services.map((s) => signature(s.vs));
    for (const field of signatures[0].keys()) {
      const texts = new Set(signatures.map((sig) => sig.get(field)!.effective));
      if (texts.size <= 1) continue;
      services.forEach((s, i) => {
        const mine = signatures[i].get(field)!;
        const peers = services.map((p, j) => ({ p, value: signatures[j].get(field)! })).filter(({ p }) => p !== s);
        out.push({
          file: s.file,
          range: mine.range,
          severity: 'error',
          code: 'cluster-service-mismatch',
          message: `${field} of virtual_server ${serviceLabel(s.vs)}${protocol} differs between directors: here ${mine.text}; ${peers.map(({ p, value }) => `${name(p)} has ${value.text}`).join('; ')}`,
          related: peers.map(({ p, value }) => ({ file: p.file, range: value.range, message: `${field} on ${name(p)}` })),
          fix:
            // a value set nowhere has no word to replace (the range is the service's keyword)
            !mine.own
              ? undefined
              : peers
                  .filter(({ value }) => value.own)
                  .map(({ p, value }) => ({ title: `Use ${value.text} as on ${name(p)}`, range: mine.range, newText: value.text })),
        });
      });
    }
  }
  return out;
}
