// The files under a folder, for the walks that find a workspace's configs (the language server's scan and
// `keepalived-lint DIR`). Hidden names and the folders no user config lives in are passed by; symbolic links
// are listed, never followed (a link back up the tree would make the walk endless).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** folders a walk never enters: dependencies and build output hold no config of the user's */
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'out']);

/** The paths of the files (and links) under `folder` whose path `accept` takes, sorted. */
export function filesUnder(folder: string, accept: (path: string) => boolean): string[] {
  const found: string[] = [];
  const pending = [folder];
  for (let directory = pending.pop(); directory !== undefined; directory = pending.pop()) {
    let listed;
    try {
      listed = readdirSync(directory, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of listed) {
      if (entry.name.startsWith('.')) continue;
      const path = join(directory, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) pending.push(path);
      } else if (accept(path)) found.push(path);
    }
  }
  return found.sort();
}
