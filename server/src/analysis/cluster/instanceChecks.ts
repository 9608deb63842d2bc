import type { RuleCode } from '../../rules/registry';
import type { Range, RelatedInformation } from '../../syntax';
import { all, type VrrpInstanceView, type VrrpScriptView } from '../../syntax/views';
import { collect, type ConfigUnit, type FileDiagnostic } from '../unit';
import { schemaDefault } from './effective';
import { addressKey, prefixedAddressKey } from '../ipFamily';
import { addressPart } from '../argTypes';
import type { Cluster } from './grouping';
import { basePriority, droppedAuthentication, globalVrrpDefaults, initialState, instanceMode, OWNER_PRIORITY } from '../semantic/instanceMode';

interface Node {
  unit: ConfigUnit;
  file: string;
  instance: VrrpInstanceView;
  scripts: Map<string, VrrpScriptView>;
}

function label(node: Node): string {
  const id = node.unit.configId !== undefined ? ` -i ${node.unit.configId}` : '';
  return `${node.unit.root.split('/').pop()} (${id ? `${id.trim()}, ` : ''}${node.instance.state?.value ?? 'BACKUP'})`;
}

/**
 * Findings are reported on every node involved, each pointing at its peers, so that both editors show
 * the problem whichever file the user has open.
 */
function reportOnAll(
  nodes: readonly Node[],
  rangeOf: (n: Node) => Range,
  code: RuleCode,
  severity: FileDiagnostic['severity'],
  message: (n: Node) => string,
  out: FileDiagnostic[],
  fixFor?: (self: Node, peer: Node) => FileDiagnostic['fix'],
): void {
  for (const node of nodes) {
    const peers = nodes.filter((p) => p !== node);
    const related: RelatedInformation[] = peers.map((p) => ({ file: p.file, range: rangeOf(p), message: `${label(p)}` }));
    const fix = fixFor ? peers.flatMap((peer) => fixFor(node, peer) ?? []) : undefined;
    out.push({ file: node.file, range: rangeOf(node), severity, code, message: message(node), related, fix: fix?.length ? fix : undefined });
  }
}

/**
 * Compares what each director effectively uses: a keyword left out counts as keepalived's default (from the
 * schema), so `advert_int 1` on one side and nothing on the other agree.
 */
function compareValue(
  nodes: readonly Node[],
  keyword: string,
  value: (i: VrrpInstanceView) => { text: string; range: Range } | undefined,
  code: RuleCode,
  secret: boolean,
  out: FileDiagnostic[],
  fallback?: string,
  consequence: { severity: FileDiagnostic['severity']; text: string } = { severity: 'error', text: "The peers will not recognise each other's adverts and both become MASTER" },
): void {
  const effective = (n: Node) => value(n.instance)?.text ?? fallback;
  const distinct = new Set(nodes.map((n) => effective(n) ?? '(unset)'));
  if (distinct.size <= 1) return;
  const describe = (n: Node) => {
    const own = value(n.instance);
    if (secret) return own ? 'a different value' : 'none';
    if (own) return own.text;
    return fallback !== undefined ? `none (so keepalived's default ${fallback})` : 'nothing';
  };
  reportOnAll(
    nodes,
    (n) => value(n.instance)?.range ?? n.instance.statement.keyword.range,
    code,
    consequence.severity,
    (n) =>
      `${keyword} of '${n.instance.name}' differs between directors: ${nodes
        .filter((p) => p !== n)
        .map((p) => `${label(p)} has ${describe(p)}`)
        .join(', ')}${secret ? '' : `, this one ${describe(n)}`}. ${consequence.text}`,
    out,
    (self, peer) => {
      const mine = value(self.instance);
      const theirs = value(peer.instance);
      return mine && theirs ? [{ title: `Use the value of ${label(peer)}`, range: mine.range, newText: theirs.text }] : undefined;
    },
  );
}

/** keepalived's starting priority: `state MASTER` without one means 255 */
const priorityOf = basePriority;

function trackWeights(node: Node): { name: string; weight: number; range: Range }[] {
  const result: { name: string; weight: number; range: Range }[] = [];
  for (const t of node.instance.trackScripts) {
    const weight = t.weight ?? node.scripts.get(t.name)?.weight?.value ?? 0;
    if (weight !== 0) result.push({ name: `script '${t.name}'`, weight, range: t.statement.range });
  }
  for (const t of node.instance.trackInterfaces) {
    if (t.weight !== undefined && t.weight !== 0) result.push({ name: `interface '${t.name}'`, weight: t.weight, range: t.statement.range });
  }
  return result;
}

export function checkInstancesAcrossCluster(cluster: Cluster): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  if (cluster.members.length < 2) return out;
  const byName = new Map<string, Node[]>();
  // authentication keepalived drops (VRRPv3, strict mode, ...) is not compared: adverts carry none
  const unauthenticated = new Set<VrrpInstanceView>();
  const versions = new Map<VrrpInstanceView, '2' | '3'>();
  for (const unit of cluster.members) {
    const scripts = new Map(collect(unit, 'scripts').map(({ item }) => [item.name, item]));
    const globals = globalVrrpDefaults(unit, undefined);
    for (const { file, item } of collect(unit, 'instances')) {
      byName.set(item.name, [...(byName.get(item.name) ?? []), { unit, file, instance: item, scripts }]);
      const mode = instanceMode(item, globals);
      versions.set(item, mode.version);
      if (droppedAuthentication(item, mode)) unauthenticated.add(item);
    }
  }
  for (const nodes of byName.values()) {
    if (new Set(nodes.map((n) => n.unit)).size < 2) continue;
    const word = (v?: { word: { text: string; range: Range } }) => (v ? { text: v.word.text, range: v.word.range } : undefined);
    compareValue(nodes, 'virtual_router_id', (i) => word(i.vrid), 'cluster-vrid-mismatch', false, out);
    const authenticated = <T>(i: VrrpInstanceView, v: T) => (unauthenticated.has(i) ? undefined : v);
    compareValue(nodes, 'auth_type', (i) => authenticated(i, word(i.authType)), 'cluster-auth-type-mismatch', false, out);
    compareValue(nodes, 'auth_pass', (i) => authenticated(i, word(i.authPass)), 'cluster-auth-pass-mismatch', true, out);
    // compared as numbers: 1 and 1.0 are one interval
    const advert = (i: VrrpInstanceView) => (i.advertInt ? { text: String(i.advertInt.value), range: i.advertInt.word.range } : undefined);
    const versionOf = (n: Node) => versions.get(n.instance)!;
    if (new Set(nodes.map(versionOf)).size > 1) checkVersions(nodes, versionOf, out);
    // VRRPv2 drops an advert of another interval; VRRPv3 takes it, logs the mismatch, and a BACKUP times out on the MASTER's
    const v3 = nodes.every((n) => versionOf(n) === '3');
    const consequence = v3 ? { severity: 'warning' as const, text: "VRRPv3 still takes the adverts: keepalived logs a mismatch for them and a BACKUP times out on the MASTER's interval, so failover timing depends on who is MASTER" } : undefined;
    compareValue(nodes, 'advert_int', advert, 'cluster-advert-int-mismatch', false, out, schemaDefault('vrrp_instance', 'advert_int'), consequence);
    checkVips(nodes, out);
    checkUnicast(nodes, out);
    checkRoles(nodes, out);
  }
  return out;
}

function checkVips(nodes: readonly Node[], out: FileDiagnostic[]): void {
  // each address as written first, by the text that is the same for every spelling of it
  const written = new Map<string, string>();
  const sets = nodes.map((n) => new Set(n.instance.vips.map((v) => {
    const key = prefixedAddressKey(v.value);
    if (!written.has(key)) written.set(key, v.value);
    return key;
  })));
  const union = new Set(sets.flatMap((s) => [...s]));
  if (sets.every((s) => s.size === union.size)) return;
  reportOnAll(
    nodes,
    (n) => n.instance.virtualIpaddress?.keyword.range ?? n.instance.statement.keyword.range,
    'cluster-vip-mismatch',
    'error',
    (n) => {
      const mine = sets[nodes.indexOf(n)];
      const missing = [...union].filter((v) => !mine.has(v)).map((key) => written.get(key));
      return `virtual_ipaddress of '${n.instance.name}' differs between directors${missing.length ? `: this one lacks ${missing.join(', ')}` : ': the peers lack some of these'}; after a failover those addresses would disappear`;
    },
    out,
  );
}

function checkUnicast(nodes: readonly Node[], out: FileDiagnostic[]): void {
  if (!nodes.some((n) => n.instance.unicastPeers.length > 0)) return;
  for (const node of nodes) {
    const mine = new Set(node.instance.unicastPeers.map((p) => addressKey(addressPart(p.value))));
    for (const peer of nodes) {
      if (peer === node) continue;
      const src = peer.instance.unicastSrcIp?.value;
      if (!src) {
        out.push({
          file: peer.file,
          range: peer.instance.statement.keyword.range,
          severity: 'warning',
          code: 'cluster-unicast-src-missing',
          message: `'${peer.instance.name}' uses unicast peers but sets no unicast_src_ip, so its peers cannot be checked to list it`,
        });
        continue;
      }
      if (!mine.has(addressKey(addressPart(src)))) {
        out.push({
          file: node.file,
          range: node.instance.unicastPeer?.keyword.range ?? node.instance.statement.keyword.range,
          severity: 'error',
          code: 'cluster-unicast-asymmetric',
          message: `unicast_peer of '${node.instance.name}' does not list ${src}, the unicast_src_ip of ${label(peer)}: this director never sends its adverts there, so ${label(peer)} does not hear it (and with check_unicast_src, it drops that director's adverts too)`,
          related: [{ file: peer.file, range: peer.instance.unicastSrcIp!.word.range, message: `unicast_src_ip of ${label(peer)}` }],
        });
      }
    }
  }
}

/** keepalived drops an advert of the other VRRP version (vrrp.c's vrrp_check_packet: "wrong VRRP version") */
function checkVersions(nodes: readonly Node[], versionOf: (n: Node) => '2' | '3', out: FileDiagnostic[]): void {
  const own = (n: Node) => all(n.instance.statement, 'version').at(0);
  const why = (n: Node) =>
    `VRRPv${versionOf(n)} (${own(n)?.args[0]?.text === versionOf(n) ? 'its version line' : versionOf(n) === '3' ? 'from global_defs vrrp_version or an IPv6 address' : 'the default'})`;
  reportOnAll(
    nodes,
    (n) => (own(n) ?? n.instance.statement).keyword.range,
    'cluster-version-mismatch',
    'error',
    (n) =>
      `'${n.instance.name}' speaks ${why(n)} here, but ${nodes
        .filter((p) => versionOf(p) !== versionOf(n))
        .map((p) => `${why(p)} on ${label(p)}`)
        .join(', ')}: keepalived drops adverts of the other version, so the directors do not hear each other and both become MASTER`,
    out,
  );
}

function checkRoles(nodes: readonly Node[], out: FileDiagnostic[]): void {
  const masters = nodes.filter((n) => initialState(n.instance) === 'MASTER');
  if (masters.length > 1) {
    // below the owner priority 255, keepalived starts a MASTER as a BACKUP that waits one advert interval: the
    // priorities decide, so the config works and only its intent is unclear; owners take the VIPs at once, together
    const owners = masters.filter((n) => basePriority(n.instance) === OWNER_PRIORITY).length;
    const message = (n: Node) =>
      owners > 1
        ? `'${n.instance.name}' starts as MASTER at priority ${OWNER_PRIORITY} on ${owners} directors: each takes the VIPs at start-up without waiting for the others. Only one director may own the addresses`
        : `'${n.instance.name}' has state MASTER on ${masters.length} directors: below priority ${OWNER_PRIORITY} keepalived starts each as BACKUP and the priorities decide, so state no longer says which director should hold the VIPs. Set BACKUP on all but one`;
    reportOnAll(masters, (n) => n.instance.state!.word.range, 'cluster-multiple-masters', owners > 1 ? 'error' : 'warning', message, out);
  }
  const byPriority = new Map<number, Node[]>();
  for (const node of nodes) byPriority.set(priorityOf(node.instance), [...(byPriority.get(priorityOf(node.instance)) ?? []), node]);
  for (const [priority, same] of byPriority) {
    if (same.length < 2) continue;
    reportOnAll(same, (n) => n.instance.priority?.word.range ?? n.instance.statement.keyword.range, 'cluster-priority-tie', 'warning', (n) => `priority ${priority} of '${n.instance.name}' is the same on ${same.length} directors; the election then falls back to the highest IP address`, out);
  }
  if (masters.length !== 1) return;
  const master = masters[0];
  const backups = nodes.filter((n) => n !== master);
  const masterPriority = priorityOf(master.instance);
  const notBelow = backups.filter((b) => priorityOf(b.instance) >= masterPriority);
  if (notBelow.length > 0) {
    reportOnAll(
      [master, ...notBelow],
      (n) => n.instance.priority?.word.range ?? n.instance.statement.keyword.range,
      'cluster-master-priority',
      'error',
      (n) =>
        n === master
          ? `The MASTER's priority ${masterPriority} for '${n.instance.name}' is not above ${notBelow.map((b) => `${label(b)} with ${priorityOf(b.instance)}`).join(', ')}: that BACKUP takes the VIP as soon as it starts`
          : `This BACKUP's priority ${priorityOf(n.instance)} for '${n.instance.name}' is not below the MASTER's ${masterPriority} (${label(master)}): it takes the VIP as soon as it starts`,
      out,
    );
    return;
  }
  const highestBackup = Math.max(...backups.map((b) => priorityOf(b.instance)));
  for (const track of trackWeights(master)) {
    const failed = track.weight < 0 ? masterPriority + track.weight : masterPriority;
    const healthyBackup = track.weight > 0 ? highestBackup + track.weight : highestBackup;
    if (failed >= healthyBackup) {
      out.push({
        file: master.file,
        range: track.range,
        severity: 'warning',
        code: 'cluster-weight-too-small',
        message: `When ${track.name} fails, the MASTER's priority becomes ${failed}, still not below the BACKUP's ${healthyBackup}: this check can never cause a failover. Make |weight| larger than ${masterPriority - highestBackup}`,
        related: backups.map((b) => ({ file: b.file, range: b.instance.priority?.word.range ?? b.instance.statement.keyword.range, message: `${label(b)} priority ${priorityOf(b.instance)}` })),
      });
    }
  }
}
