// Patterns over whole paths, for the lint config's `ignore` list: gitignore-like, so `**` stands for any number
// of folders (`old/**` ignores everything under old/), where an include's `**` is only `*`. Each component
// matches as an include's does; wildcards skip hidden names.
import { braceAlternatives } from '../globPattern';
import { asBytes, componentRegExp } from './fnmatch';

const ANY_FOLDERS = '(?:/(?!\\.)[^/]*)*';

const alternativeSource = (pattern: string): string =>
  pattern
    .split('/')
    .slice(1)
    .map((component) => (component === '**' ? ANY_FOLDERS : '/' + componentRegExp(asBytes(component)).source.slice(1, -1)))
    .join('');

/** A test of absolute paths against an absolute pattern. */
export function pathMatcher(pattern: string): (path: string) => boolean {
  const regexp = new RegExp(`^(?:${braceAlternatives(pattern).map(alternativeSource).join('|')})$`, 's');
  return (path) => regexp.test(asBytes(path));
}
