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
