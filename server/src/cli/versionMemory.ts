// The CLI's memory of which release each keepalived binary is, in the user's cache directory: one small JSON
// file, read once per run. A file that cannot be read or parsed is an empty memory; one that cannot be
// written only costs the next run a probe.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VersionMemory } from '../host/installedKeepalived';
import { userCacheDir } from './cacheHome';
import { writeAside } from './writeAside';

type Entries = Record<string, { stamp: string; version: string | null }>;

/** binaries remembered at most: one per PATH a user runs the linter with is a handful */
const MAX_ENTRIES = 32;

export function versionMemoryFile(): string | undefined {
  const dir = userCacheDir();
  return dir && join(dir, 'keepalived-versions.json');
}

export function fileVersionMemory(file = versionMemoryFile()): VersionMemory | undefined {
  if (!file) return undefined;
  let entries: Entries | undefined;
  const load = (): Entries => (entries ??= readEntries(file));
  return {
    recall(binary, stamp) {
      const entry = Object.hasOwn(load(), binary) ? load()[binary] : undefined;
      return entry?.stamp === stamp ? entry.version : undefined;
    },
    remember(binary, stamp, version) {
      const kept = Object.entries(load()).filter(([b]) => b !== binary).slice(-(MAX_ENTRIES - 1));
      entries = Object.fromEntries([...kept, [binary, { stamp, version }]]);
      writeAside(file, JSON.stringify(entries));
    },
  };
}

function readEntries(file: string): Entries {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    const valid = Object.entries(parsed as Record<string, unknown>).filter(([, e]) => isEntry(e));
    return Object.fromEntries(valid) as Entries;
  } catch {
    return {};
  }
}

function isEntry(e: unknown): e is Entries[string] {
  const entry = e as Partial<Entries[string]> | null;
  return typeof entry === 'object' && entry !== null && typeof entry.stamp === 'string' && (entry.version === null || (typeof entry.version === 'string' && /^\d+\.\d+(\.\d+)?$/.test(entry.version)));
}
