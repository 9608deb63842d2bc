import { collect, type ConfigUnit } from '../unit';

/** Directors whose configs describe the same VRRP instances: their configs must agree. */
export interface Cluster {
  members: ConfigUnit[];
}

/**
 * Groups configs into clusters. An explicit grouping (from the cluster file) wins; otherwise configs that
 * share an instance name belong together, or, failing names, an instance with the same VRID and a common VIP.
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
  const byName = new Map<string, number>();
  const byVridVip = new Map<string, number>();
  units.forEach((unit, i) => {
    if (explicitlyPlaced.has(i)) return;
    for (const { item } of collect(unit, 'instances')) {
      if (item.name) {
        const other = byName.get(item.name);
        if (other !== undefined) union(i, other);
        else byName.set(item.name, i);
      }
      for (const vip of item.vips) {
        if (!item.vrid) continue;
        const key = `${item.vrid.value}|${vip.value.split('/')[0]}`;
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
