// One path component of a glob, matched as glibc's fnmatch() matches it for keepalived's include (FNM_PERIOD,
// backslash escapes, no extended patterns). keepalived never calls setlocale(), so it matches in the C locale:
// byte by byte. Patterns and names are therefore compared as latin1 strings, one character per byte.

/** the bytes of a UTF-8 text as a string of one character per byte */
export const asBytes = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: '0-9A-Za-z',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\v\\f\\r',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  print: ' -~',
  graph: '!-~',
  cntrl: '\\x00-\\x1f\\x7f',
  xdigit: '0-9A-Fa-f',
};

const NEVER = '(?!)';
const literal = (c: string) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;

/** A bracket expression from `[` at `start`: its regular expression and where it ends, or undefined when unclosed. */
function bracket(pattern: string, start: number): { source: string; end: number } | undefined {
  let i = start + 1;
  const negated = pattern[i] === '!' || pattern[i] === '^';
  if (negated) i++;
  const items: string[] = [];
  // glibc fails the whole match on a character class it does not know
  let unknownClass = false;
  let first = true;
  while (i < pattern.length && (first || pattern[i] !== ']')) {
    first = false;
    const classEnd = pattern.startsWith('[:', i) ? pattern.indexOf(':]', i + 2) : -1;
    if (classEnd !== -1) {
      const range = CLASSES[pattern.slice(i + 2, classEnd)];
      if (range === undefined) unknownClass = true;
      else items.push(range);
      i = classEnd + 2;
      continue;
    }
    let low = pattern[i];
    if (low === '\\' && i + 1 < pattern.length) low = pattern[++i];
    i++;
    if (pattern[i] === '-' && i + 1 < pattern.length && pattern[i + 1] !== ']') {
      let high = pattern[i + 1];
      i += 2;
      if (high === '\\' && i < pattern.length) high = pattern[i++];
      // a range running backwards matches nothing
      if (low <= high) items.push(`${literal(low)}-${literal(high)}`);
      continue;
    }
    items.push(literal(low));
  }
  if (i >= pattern.length) return undefined;
  const set = items.join('');
  const source = unknownClass ? NEVER : negated ? `[^/${set}]` : set === '' ? NEVER : `[${set}]`;
  return { source, end: i + 1 };
}

/** Whether fnmatch treats the component as a pattern (glibc's "magic"): `*`, `?` or a closed bracket. */
export function hasMagic(component: string): boolean {
  for (let i = 0; i < component.length; i++) {
    const c = component[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?' || (c === '[' && bracket(component, i))) return true;
  }
  return false;
}

/** The component with its escapes removed: the name it stands for when it has no magic. */
export const unescapeComponent = (component: string): string => component.replace(/\\(.)/gs, '$1');

/** The component (latin1 bytes) as a regular expression over one name (latin1 bytes). */
export function componentRegExp(component: string): RegExp {
  let source = '';
  for (let i = 0; i < component.length; i++) {
    const c = component[i];
    // never across a '/': the same expression serves within a whole path (pathPattern.ts)
    if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '[') {
      const set = bracket(component, i);
      if (set) {
        source += set.source;
        i = set.end - 1;
      } else source += literal(c);
    } else if (c === '\\') {
      // a lone backslash at the end matches nothing
      source += i + 1 < component.length ? literal(component[++i]) : NEVER;
    } else source += literal(c);
  }
  // FNM_PERIOD: a name's leading dot is matched by a dot written in the pattern, by no wildcard
  const explicitDot = component.startsWith('.') || component.startsWith('\\.');
  return new RegExp(`^${explicitDot ? '' : '(?!\\.)'}${source}$`, 's');
}
