// The files an include pattern names, as keepalived's glob(GLOB_MARK | GLOB_BRACE) call finds them: braces
// first, each alternative's matches sorted byte by byte, a wildcard matching within one path component (`**` is
// `*`, never a walk down the tree), hidden names only for a pattern starting with a dot. Directories are among
// the matches, as in glob's answer: keepalived then says it skips each (the workspace reports them alike).
import { lstatSync, readdirSync, type Dirent } from 'node:fs';
import { resolve } from 'node:path';
import { braceAlternatives } from '../globPattern';
import { asBytes, componentRegExp, hasMagic, unescapeComponent } from './fnmatch';

const join = (directory: string, name: string) => (directory === '/' ? `/${name}` : `${directory}/${name}`);

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** a directory's entries with `.` and `..`, which readdir(3) gives glob too; undefined when it cannot be read */
function entries(directory: string): { name: string; bytes: string; maybeDirectory: boolean }[] | undefined {
  let listed: Dirent<Buffer>[];
  try {
    listed = readdirSync(directory, { withFileTypes: true, encoding: 'buffer' });
  } catch {
    return undefined;
  }
  const dots = ['.', '..'].map((name) => ({ name, bytes: name, maybeDirectory: true }));
  return dots.concat(listed.map((e) => ({ name: e.name.toString('utf8'), bytes: e.name.toString('latin1'), maybeDirectory: e.isDirectory() || e.isSymbolicLink() })));
}

const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/**
 * The paths one brace-free pattern matches, directories included, and what glob found missing on the way: a
 * directory it could not open, or a plain name after a wildcard that is not there (keepalived counts both,
 * through its own opendir and lstat hooks, and warns that some config files are missing).
 */
function matchOne(pattern: string, missing: string[]): string[] {
  const components = pattern.slice(1).split('/');
  let paths = ['/'];
  let afterWildcard = false;
  components.forEach((component, index) => {
    const last = index === components.length - 1;
    if (!hasMagic(component)) {
      const name = unescapeComponent(component);
      paths = paths.map((directory) => join(directory, name));
      // glob looks a plain name up only where it ends the pattern or follows a wildcard
      if (last || afterWildcard) {
        paths = paths.filter((path) => exists(path) || !missing.push(path));
      }
      return;
    }
    afterWildcard = true;
    const matcher = componentRegExp(asBytes(component));
    paths = paths.flatMap((directory) => {
      const listed = entries(directory);
      if (!listed) missing.push(directory);
      return (listed ?? [])
        // glob's GLOB_ONLYDIR hint: a component before the last needs a directory, or a link that may be one
        .filter((entry) => (last || entry.maybeDirectory) && matcher.test(entry.bytes))
        .map((entry) => join(directory, entry.name));
    });
  });
  return paths;
}

/**
 * What an include pattern (absolute, as the workspace resolves it) makes keepalived open, in its order, and the
 * paths keepalived finds missing while it looks for them.
 */
export function includeGlob(pattern: string): { files: string[]; missing: string[] } {
  const missing: string[] = [];
  const files = braceAlternatives(pattern.startsWith('/') ? pattern : resolve(pattern)).flatMap((alternative) => matchOne(alternative, missing).sort(byteOrder));
  return { files, missing };
}
