// Where a rule's page is: docs/rules/CODE.md of the installed package, as a file: URI that works in a clone and
// in node_modules alike, offline (the .vsix leaves the pages out for its size budget: no link there); or
// BASE/CODE.md when a base URL is given (e.g. the repository's docs/rules on a web host, for SARIF uploaded to a
// code-scanning service).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const PACKAGE_NAME = 'keepalived-tools';
let root: string | null | undefined;

/** the directory of this package's package.json, found upward from the running code (source or bundle) */
export function packageRoot(): string | undefined {
  if (root !== undefined) return root ?? undefined;
  root = null;
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === PACKAGE_NAME) return (root = dir);
      } catch {
        // not ours; keep looking
      }
    }
    if (dirname(dir) === dir) return undefined;
  }
}

export function packageVersion(): string {
  const dir = packageRoot();
  if (!dir) return '0.0.0';
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The page of rule `code`: `${base}/${code}.md`, or the installed docs' file: URI. */
export function ruleDocUrl(code: string, base?: string): string | undefined {
  if (base) return `${base.replace(/\/+$/, '')}/${encodeURIComponent(code)}.md`;
  const dir = docsDir();
  return dir ? pathToFileURL(join(dir, `${code}.md`)).href : undefined;
}

let docs: string | null | undefined;

/** docs/rules of the installed package, if it ships them (the .vsix does not: its size budget) */
function docsDir(): string | undefined {
  if (docs === undefined) {
    const root = packageRoot();
    docs = root && existsSync(join(root, 'docs', 'rules')) ? join(root, 'docs', 'rules') : null;
  }
  return docs ?? undefined;
}
