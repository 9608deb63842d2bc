// Include patterns, read the way keepalived's glob reads them (no file system here: the linter's launcher uses it).

const WILDCARD = /[*?[{]/;

export function hasWildcard(pattern: string): boolean {
  return WILDCARD.test(pattern);
}
/** a directory taken as it is: no wildcard, and no backslash (which glob reads as an escape) */
const LITERAL_DIRECTORY = /^[^*?[{\\]*$/;

/** `/a/b/*.conf` → `/a/b` and `*.conf`: the leading directories without a wildcard, and the rest */
export function splitAtWildcard(pattern: string): { base: string; rest: string } {
  const parts = pattern.split('/');
  let fixed = 0;
  while (fixed < parts.length - 1 && LITERAL_DIRECTORY.test(parts[fixed])) fixed++;
  return { base: parts.slice(0, fixed).join('/') || '/', rest: parts.slice(fixed).join('/') };
}

/** brace patterns are expanded to at most this many alternatives (keepalived has no bound; the linter needs one) */
const MAX_ALTERNATIVES = 256;

/** where one brace alternative starting at `from` ends: its ',' or '}' at depth 0 (escapes skipped), or -1 */
function alternativeEnd(pattern: string, from: number): number {
  let depth = 0;
  for (let i = from; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if ((c === '}' && depth-- === 0) || (c === ',' && depth === 0)) return i;
    else if (c === '{') depth++;
  }
  return -1;
}

/**
 * The patterns a brace expression stands for, in glibc's GLOB_BRACE order (`a/{c,b}.conf` → `a/c.conf`,
 * `a/b.conf`; `{x}` → `x`); the pattern itself when it has no brace or its first one is never closed.
 */
export function braceAlternatives(pattern: string): string[] {
  let open = 0;
  while (open < pattern.length && pattern[open] !== '{') open += pattern[open] === '\\' ? 2 : 1;
  if (open >= pattern.length) return [pattern];
  const ends = [alternativeEnd(pattern, open + 1)];
  while (ends[ends.length - 1] !== -1 && pattern[ends[ends.length - 1]] !== '}') ends.push(alternativeEnd(pattern, ends[ends.length - 1] + 1));
  const close = ends[ends.length - 1];
  if (close === -1) return [pattern];
  const out: string[] = [];
  let from = open + 1;
  for (const end of ends) {
    // checked before each alternative's own expansion: checked only after it, the cap would not bound the time
    if (out.length === MAX_ALTERNATIVES) return out;
    for (const alternative of braceAlternatives(pattern.slice(0, open) + pattern.slice(from, end) + pattern.slice(close + 1))) {
      if (out.length === MAX_ALTERNATIVES) return out;
      out.push(alternative);
    }
    from = end + 1;
  }
  return out;
}
