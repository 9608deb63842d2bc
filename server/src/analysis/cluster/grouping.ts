import { collect, type ConfigUnit } from '../unit';

/** Directors whose configs describe the same VRRP instances: their configs must agree. */
export interface Cluster {
  members: ConfigUnit[];
}

/**
 * Groups configs into clusters. An explicit grouping (from the cluster file) wins; otherwise configs whose
 * instances share a name (and a VRID or a VIP) belong together, or, failing names, a VRID and a common VIP.
 */
export function groupClusters(units: readonly ConfigUnit[], explicit?: readonly (readonly string[])[]): Cluster[] {
  const parent = units.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const union = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };
  const byRoot = new Map(units.map((u, i) => [u.root, i]));
  const explicitlyPlaced = new Set<number>();
  for (const group of explicit ?? []) {
    const indexes = group.map((root) => byRoot.get(root)).filter((i): i is number => i !== undefined);
    indexes.forEach((i) => explicitlyPlaced.add(i));
    for (let k = 1; k < indexes.length; k++) union(indexes[0], indexes[k]);
  }
  // Instance names like VI_1 are common to unrelated configs, so a shared name joins two configs only when
  // the instances also share a VRID or a VIP; a shared VRID and VIP joins them whatever the names.
  const seen = new Map<string, { unit: number; vrid?: number; vips: Set<string> }[]>();
  const byVridVip = new Map<string, number>();
  units.forEach((unit, i) => {
    if (explicitlyPlaced.has(i)) return;
    for (const { item } of collect(unit, 'instances')) {
      const vips = new Set(item.vips.map((v) => v.value.split('/')[0]));
      if (item.name) {
        const others = seen.get(item.name) ?? [];
        for (const other of others) {
          const sameVrid = item.vrid !== undefined && other.vrid === item.vrid.value;
          if (sameVrid || [...vips].some((v) => other.vips.has(v))) union(i, other.unit);
        }
        others.push({ unit: i, vrid: item.vrid?.value, vips });
        seen.set(item.name, others);
      }
      for (const vip of vips) {
        if (!item.vrid) continue;
        const key = `${item.vrid.value}|${vip}`;
        const other = byVridVip.get(key);
        if (other !== undefined) union(i, other);
        else byVridVip.set(key, i);
      }
    }
  });
  const clusters = new Map<number, ConfigUnit[]>();
  units.forEach((unit, i) => {
    const root = find(i);
    clusters.set(root, [...(clusters.get(root) ?? []), unit]);
  });
  return [...clusters.values()].map((members) => ({ members }));
}
