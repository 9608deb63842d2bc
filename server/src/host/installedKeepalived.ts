// Which keepalived release a config is checked against when the user does not say: the one installed on
// this machine (the `keepalived` found on PATH, asked for its version), else the newest release we know.
// The CLI and the language server both ask here, so they agree.
import { accessSync, constants, statSync, type Stats } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The newest keepalived release whose keywords and checks the linter follows (and tests against). */
export const NEWEST_KNOWN_RELEASE = '2.4.3';

export interface TargetVersion {
  version: string;
  /** where the version came from: given by the user, read from the installed binary, or the default */
  source: 'given' | 'installed' | 'newest';
  /** the binary asked, for `installed` */
  binary?: string;
}

/** The first executable file named `name` in the PATH-like list `pathEnv`. */
export function findOnPath(name: string, pathEnv: string | undefined): string | undefined {
  return findExecutable(name, pathEnv)?.path;
}

function findExecutable(name: string, pathEnv: string | undefined): { path: string; stats: Stats } | undefined {
  for (const dir of (pathEnv ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      const stats = statSync(candidate);
      if (!stats.isFile()) continue;
      accessSync(candidate, constants.X_OK);
      return { path: candidate, stats };
    } catch {
      // not there, or not executable: keep looking, as a shell would
    }
  }
  return undefined;
}

/** `Keepalived v2.2.7 (01/16,2022)` → `2.2.7`; keepalived prints its version banner on stderr. */
export function parseVersionBanner(output: string): string | undefined {
  return /Keepalived v(\d+\.\d+(?:\.\d+)?)/.exec(output)?.[1];
}

/**
 * Answers of earlier runs kept across processes (the CLI keeps them in the user's cache directory): asking the
 * binary costs a process start, several times what a small config takes to check. `stamp` changes whenever the
 * file does (an upgrade replaces it); null is a binary that named no release.
 */
export interface VersionMemory {
  recall(binary: string, stamp: string): string | null | undefined;
  remember(binary: string, stamp: string, version: string | null): void;
}

const asked = new Map<string, { version: string; binary: string } | undefined>();

/** The keepalived on PATH and its release, or undefined when there is none or it does not say (asked once per PATH). */
export function installedKeepalived(pathEnv = process.env.PATH, memory?: VersionMemory): { version: string; binary: string } | undefined {
  const key = pathEnv ?? '';
  if (asked.has(key)) return asked.get(key);
  const found = probe(findExecutable('keepalived', pathEnv), memory);
  asked.set(key, found);
  return found;
}

function probe(executable: { path: string; stats: Stats } | undefined, memory: VersionMemory | undefined): { version: string; binary: string } | undefined {
  if (!executable) return undefined;
  const { path: binary, stats } = executable;
  const stamp = [stats.dev, stats.ino, stats.size, stats.mtimeMs, stats.ctimeMs].join(':');
  let version = memory?.recall(binary, stamp);
  if (version === undefined) {
    // loaded here: child_process pulls in net, streams and dgram, a sizeable part of a small run's start-up
    const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
    const run = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 5_000 });
    version = parseVersionBanner(`${run.stderr ?? ''}${run.stdout ?? ''}`) ?? null;
    // a probe that timed out or could not start says nothing about the binary: asked again next time
    if (!run.error) memory?.remember(binary, stamp, version);
  }
  return version ? { version, binary } : undefined;
}

/** The release to check against: the one given, else the installed one, else the newest known. */
export function resolveTargetVersion(given: string | undefined, pathEnv = process.env.PATH, memory?: VersionMemory): TargetVersion {
  if (given) return { version: given, source: 'given' };
  const installed = installedKeepalived(pathEnv, memory);
  if (installed) return { version: installed.version, source: 'installed', binary: installed.binary };
  return { version: NEWEST_KNOWN_RELEASE, source: 'newest' };
}

/** One phrase for a summary: `keepalived 2.2.7 (/usr/sbin/keepalived on PATH)`. */
export function describeTarget(target: TargetVersion): string {
  if (target.source === 'installed') return `keepalived ${target.version} (${target.binary} on PATH)`;
  if (target.source === 'newest') return `keepalived ${target.version} (the newest release known; no keepalived on PATH)`;
  return `keepalived ${target.version}`;
}
