/**
 * Test labs run in parallel (node --test runs files concurrently) and each puts its hosts on a
 * 169.254.<N>.0/24. Two labs on the same N would route one lab's connections to the other's sshd.
 * A lab therefore claims N by adding its links first and checking afterwards that no other interface
 * holds an address in N; on a clash it removes its links and tries another N. Add-then-check on both
 * sides means at least one of two racing labs sees the other. The interfaces themselves are the
 * record, so links left behind by a crashed run are avoided too.
 */
import { execFileSync } from 'node:child_process';

const FIRST = 100;
const LAST = 249;

/** Subnets N of 169.254.N.0/24 used by interfaces whose names do not start with `ownPrefix`. */
export function subnetsInUse(ownPrefix: string): Set<number> {
  const used = new Set<number>();
  const listing = execFileSync('ip', ['-4', '-o', 'addr', 'show'], { encoding: 'utf8' });
  for (const line of listing.split('\n')) {
    const m = /^\d+:\s+(\S+)\s+inet 169\.254\.(\d+)\./.exec(line);
    if (m && !m[1].startsWith(ownPrefix)) used.add(Number(m[2]));
  }
  return used;
}

/** Claims a subnet for links named `ownPrefix…`; `link(n)` creates them, `unlink()` removes them. */
export function claimSubnet(ownPrefix: string, link: (subnet: number) => void, unlink: () => void): number {
  for (let attempt = 0; attempt < 50; attempt++) {
    const used = subnetsInUse(ownPrefix);
    const free: number[] = [];
    for (let n = FIRST; n <= LAST; n++) if (!used.has(n)) free.push(n);
    if (free.length === 0) break;
    // a random pick keeps two labs that backed off from the same N from choosing it again together
    const subnet = free[Math.floor(Math.random() * free.length)];
    try {
      link(subnet);
    } catch (e) {
      unlink();
      throw e;
    }
    if (!subnetsInUse(ownPrefix).has(subnet)) return subnet;
    unlink();
  }
  throw new Error(`no free 169.254.N.0/24 for ${ownPrefix} (N ${FIRST}–${LAST})`);
}
