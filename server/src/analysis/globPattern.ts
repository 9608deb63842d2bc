// Include patterns, read the way the globber reads them (no file system here: the linter's launcher uses it).

const WILDCARD = /[*?[{]/;

export function hasWildcard(pattern: string): boolean {
  return WILDCARD.test(pattern);
}
/** a directory taken as it is: no wildcard, and no backslash (which the globber reads as an escape) */
const LITERAL_DIRECTORY = /^[^*?[{\\]*$/;

/** `/a/b/*.conf` → `/a/b` and `*.conf`: the leading directories without a wildcard, and the rest */
export function splitAtWildcard(pattern: string): { base: string; rest: string } {
  const parts = pattern.split('/');
  let fixed = 0;
  while (fixed < parts.length - 1 && LITERAL_DIRECTORY.test(parts[fixed])) fixed++;
  return { base: parts.slice(0, fixed).join('/') || '/', rest: parts.slice(fixed).join('/') };
}

/** brace patterns expanding to more than this are not checked alternative by alternative */
const MAX_ALTERNATIVES = 64;

/**
 * The patterns a brace expression stands for (`a/{b,c}.conf` → `a/b.conf`, `a/c.conf`), as glob's GLOB_BRACE
 * expands them; the pattern itself when it has none, or expands to too many.
 */
export function braceAlternatives(pattern: string): string[] {
  const open = pattern.indexOf('{');
  if (open === -1) return [pattern];
  let depth = 0;
  const commas: number[] = [];
  for (let i = open; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      if (commas.length === 0) return [pattern];
      const bounds = [open, ...commas, i];
      const out: string[] = [];
      for (let k = 0; k + 1 < bounds.length; k++) {
        out.push(...braceAlternatives(pattern.slice(0, open) + pattern.slice(bounds[k] + 1, bounds[k + 1]) + pattern.slice(i + 1)));
        if (out.length > MAX_ALTERNATIVES) return [pattern];
      }
      return out;
    } else if (c === ',' && depth === 1) commas.push(i);
  }
  return [pattern];
}
