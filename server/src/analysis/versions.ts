/** a config's checks compare the same few releases for every statement that has one */
const compared = new Map<string, Map<string, number>>();

/** Compares dotted release numbers: negative when a < b. */
export function compareVersions(a: string, b: string): number {
  let withA = compared.get(a);
  if (!withA) compared.set(a, (withA = new Map()));
  let result = withA.get(b);
  if (result === undefined) withA.set(b, (result = compareParts(a, b)));
  return result;
}

function compareParts(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((p) => parseInt(p, 10) || 0);
  const pb = b.split(/[.-]/).map((p) => parseInt(p, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function isValidVersion(v: string): boolean {
  return /^\d+(?:\.\d+){0,2}$/.test(v);
}

/** whether a release knows what came in `since` (unknown target: the newest, which knows everything) */
export function knownTo(since: string | undefined, version: string | undefined): boolean {
  return since === undefined || version === undefined || compareVersions(version, since) >= 0;
}
