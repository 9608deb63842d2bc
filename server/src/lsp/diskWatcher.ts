import { existsSync, watch, type FSWatcher } from 'node:fs';
import { dirname, join } from 'node:path';

export type DiskChange = 'changed' | 'created' | 'deleted';

/**
 * For clients that cannot watch files for us (no dynamic registration of workspace/didChangeWatchedFiles):
 * one non-recursive fs.watch per directory that holds a config we read, plus the workspace folders.
 * Recursive watching would walk node_modules and friends; configs rarely live deeper than their folder.
 */
export class DiskWatcher {
  private readonly watchers = new Map<string, FSWatcher>();

  constructor(private readonly onChange: (path: string, change: DiskChange) => void) {}

  /** Watches exactly these directories: the folders and the parents of the files. */
  update(folders: readonly string[], files: readonly string[]): void {
    const wanted = new Set([...folders, ...files.map((f) => dirname(f))]);
    for (const [dir, watcher] of this.watchers) {
      if (!wanted.has(dir)) {
        watcher.close();
        this.watchers.delete(dir);
      }
    }
    for (const dir of wanted) {
      if (this.watchers.has(dir) || !existsSync(dir)) continue;
      try {
        const watcher = watch(dir, { persistent: false }, (event, name) => {
          if (!name) return;
          const path = join(dir, name.toString());
          this.onChange(path, event === 'change' ? 'changed' : existsSync(path) ? 'created' : 'deleted');
        });
        watcher.on('error', () => {
          watcher.close();
          this.watchers.delete(dir);
        });
        this.watchers.set(dir, watcher);
      } catch {
        // unreadable or vanished directory: nothing to watch
      }
    }
  }

  dispose(): void {
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }
}
