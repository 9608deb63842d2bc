/** Optimal-string-alignment distance (a swap of two neighbours counts once), with an early exit once `limit` is exceeded. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let twoBack: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) current[j] = Math.min(current[j], twoBack[j - 2] + 1);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > limit) return limit + 1;
    twoBack = previous;
    previous = current;
  }
  return previous[b.length];
}

const firstPart = (name: string) => name.slice(0, name.indexOf('_'));
const lastPart = (name: string) => name.slice(name.lastIndexOf('_') + 1);

/**
 * The one candidate with the word's first part and another ending that candidates use: `HTTP_CHECK` is
 * HTTP_GET written with TCP_CHECK's ending, `SSL_CHECK` SSL_GET. Spelling distance would pick SMTP_CHECK.
 */
function withOtherEnding(word: string, candidates: readonly string[]): string | undefined {
  if (!word.includes('_')) return undefined;
  const first = firstPart(word);
  const last = lastPart(word);
  if (!candidates.some((c) => c.includes('_') && lastPart(c) === last)) return undefined;
  const matches = candidates.filter((c) => c.includes('_') && firstPart(c) === first && lastPart(c) !== last);
  return matches.length === 1 ? matches[0] : undefined;
}

/** The closest candidate, if it is close enough to be a plausible typo. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  const lower = word.toLowerCase();
  const all = [...candidates];
  for (const candidate of all) {
    const d = candidate.toLowerCase() === lower ? 0 : distance(lower, candidate.toLowerCase(), limit);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  // a slip of one character beats a confused ending
  if (bestDistance <= 1) return best;
  return withOtherEnding(word, all) ?? best;
}
