import { basename, dirname } from 'node:path';
import type { VrrpInstanceView } from '../../syntax/views';
import { collect, type ConfigUnit } from '../unit';
import { basePriority } from '../semantic/instanceMode';
import { addressKey } from '../ipFamily';
import { isOtherConfigId } from '../configIds';
import { addressPart } from '../argTypes';

/** Directors whose configs describe the same VRRP instances: their configs must agree. */
export interface Cluster {
  members: ConfigUnit[];
  /**
   * Why these configs are compared, in words a finding can end with: the cluster file that lists them, or
   * the evidence found in the configs themselves (and how to declare the clusters instead).
   */
  reason?: string;
}

/** A cluster someone declared: the main configs of its directors, and where it was declared. */
export interface DeclaredCluster {
  configs: readonly string[];
  /** the cluster file (keepalived-cluster.json) that lists them */
  source?: string;
  /** the director each config goes to, by the name the cluster file gives it */
  directorNames?: Record<string, string>;
}

export interface GroupingOptions {
  /**
   * Units with the same key may be inferred to be one cluster; by default the directory of the main config
   * (configs of one cluster kept elsewhere are joined by a cluster file, never guessed).
   */
  scopeOf?: (unit: ConfigUnit) => string;
}

const CLUSTER_FILE = 'keepalived-cluster.json';
const HOW_TO_DECLARE = `a ${CLUSTER_FILE} listing each cluster's directors decides instead`;

/** What of one instance tells two directors of one virtual router apart from two unrelated configs. */
interface Facts {
  vrid?: number;
  vips: Set<string>;
  role: string;
  src?: string;
  peers: Set<string>;
}

function factsOf(item: VrrpInstanceView): Facts {
  const priority = basePriority(item);
  return {
    vrid: item.vrid?.value,
    vips: new Set(item.vips.map((v) => addressKey(v.value.split('/')[0]))),
    role: `${item.state?.value ?? 'BACKUP'} ${priority}`,
    src: item.unicastSrcIp && addressKey(addressPart(item.unicastSrcIp.value)),
    peers: new Set(item.unicastPeers.map((p) => addressKey(addressPart(p.value)))),
  };
}

/**
 * The evidence that two configs are directors of one virtual router, in words, or undefined: an instance
 * of one name and VRID whose unicast peers point at each other; or the same instances throughout (names,
 * VRIDs, a shared virtual address each) held in different roles. Copies of one tutorial agree on
 * everything, and configs that merely reuse VI_1 differ in their other instances.
 */
function evidence(a: Map<string, Facts>, b: Map<string, Facts>): string | undefined {
  for (const [name, x] of a) {
    const y = b.get(name);
    if (y && x.vrid !== undefined && x.vrid === y.vrid && x.src && y.src && x.src !== y.src && y.peers.has(x.src) && x.peers.has(y.src)) {
      return `their '${name}' (VRID ${x.vrid}) list each other as unicast peers`;
    }
  }
  if (a.size !== b.size) return undefined;
  const roles: string[] = [];
  for (const [name, x] of a) {
    const y = b.get(name);
    if (!y) return undefined;
    // a side with no address yet (being written) does not contradict the other
    const addressesAgree = x.vips.size === 0 || y.vips.size === 0 || [...x.vips].some((v) => y.vips.has(v));
    if (x.vrid === undefined || x.vrid !== y.vrid || !addressesAgree) return undefined;
    if (x.role !== y.role) roles.push(`'${name}' ${x.role} / ${y.role}`);
  }
  if (roles.length === 0) return undefined;
  const names = [...a.keys()].map((n) => `'${n}'`).join(', ');
  return `both define the same instances (${names}) with the same VRIDs and virtual addresses, in different roles (${roles.join(', ')})`;
}

function unitLabel(unit: ConfigUnit): string {
  return `${basename(unit.root)}${unit.configId !== undefined ? ` (-i ${unit.configId})` : ''}`;
}

/**
 * Groups configs into clusters, never on a guess: a declared cluster (the cluster file) wins; one file that
 * serves several directors through `@id` lines is a cluster of its ids' views; otherwise two configs in one
 * scope (directory) are joined only on evidence that they direct one virtual router: an instance of the same
 * name and VRID whose unicast peers point at each other, or that shares a virtual address in another role.
 * Shared instance names alone prove nothing: every sample and tutorial uses VI_1 with VRID 51.
 */
export function groupClusters(
  units: readonly ConfigUnit[],
  explicit?: readonly (readonly string[] | DeclaredCluster)[],
  options: GroupingOptions = {},
): Cluster[] {
  const parent = units.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const reasons = new Map<number, Set<string>>();
  const union = (a: number, b: number, why: string) => {
    const [ra, rb] = [find(a), find(b)];
    const merged = new Set([...(reasons.get(ra) ?? []), ...(reasons.get(rb) ?? []), why]);
    parent[ra] = rb;
    reasons.set(rb, merged);
  };
  const byRoot = new Map<string, number[]>();
  units.forEach((u, i) => byRoot.set(u.root, [...(byRoot.get(u.root) ?? []), i]));
  const explicitlyPlaced = new Set<number>();
  for (const entry of explicit ?? []) {
    const declared: DeclaredCluster = 'configs' in entry ? (entry as DeclaredCluster) : { configs: entry as readonly string[] };
    const indexes = declared.configs.flatMap((root) => byRoot.get(root) ?? []);
    indexes.forEach((i) => explicitlyPlaced.add(i));
    const why = declared.source ? `${declared.source} lists them as one cluster` : 'they are declared one cluster';
    for (let k = 1; k < indexes.length; k++) union(indexes[0], indexes[k], why);
  }
  // the views of one file under its config ids: the file itself says they are directors of one setup
  for (const indexes of byRoot.values()) {
    const viewed = indexes.filter((i) => !explicitlyPlaced.has(i) && units[i].configId !== undefined);
    // a file that says which directors it serves is their cluster: no guess joins it with other files
    viewed.forEach((i) => explicitlyPlaced.add(i));
    // `@^ID` lines with one id named are how the others (the BACKUPs) are written; with several named, they
    // serve those named, and a director named by none is a guess: its view is checked, not compared
    const named = viewed.filter((i) => !isOtherConfigId(units[i].configId!));
    const free = named.length >= 2 ? named : viewed;
    for (let k = 1; k < free.length; k++) {
      union(free[0], free[k], `${basename(units[free[0]].root)} serves each of them through its @id lines (keepalived -i ID)`);
    }
  }
  const scopeOf = options.scopeOf ?? ((u: ConfigUnit) => dirname(u.root));
  const facts = units.map((unit) => new Map(collect(unit, 'instances').map(({ item }) => [item.name, factsOf(item)])));
  const byScope = new Map<string, number[]>();
  units.forEach((unit, i) => {
    if (explicitlyPlaced.has(i) || facts[i].size === 0) return;
    byScope.set(scopeOf(unit), [...(byScope.get(scopeOf(unit)) ?? []), i]);
  });
  for (const members of byScope.values()) {
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const [i, j] = [members[x], members[y]];
        if (find(i) === find(j) || units[i].root === units[j].root) continue;
        const found = evidence(facts[i], facts[j]);
        if (found) union(i, j, `${unitLabel(units[i])} and ${unitLabel(units[j])} are in one directory and ${found}`);
      }
    }
  }
  const clusters = new Map<number, ConfigUnit[]>();
  units.forEach((unit, i) => {
    const root = find(i);
    clusters.set(root, [...(clusters.get(root) ?? []), unit]);
  });
  return [...clusters.entries()].map(([root, members]) => {
    const why = [...(reasons.get(root) ?? [])];
    if (members.length < 2 || why.length === 0) return { members };
    const declared = members.every((member) => explicitlyPlaced.has(units.indexOf(member)));
    return { members, reason: `Compared because ${why.join('; ')}${declared ? '' : `; ${HOW_TO_DECLARE}`}.` };
  });
}
