// Which keepalived release a config is checked against when the user does not say: the one installed on
// this machine (the `keepalived` found on PATH, asked for its version), else the newest release we know.
// The CLI and the language server both ask here, so they agree.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
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
  for (const dir of (pathEnv ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      if (!statSync(candidate).isFile()) continue;
      accessSync(candidate, constants.X_OK);
      return candidate;
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

const asked = new Map<string, { version: string; binary: string } | undefined>();

/** The keepalived on PATH and its release, or undefined when there is none or it does not say (asked once per PATH). */
export function installedKeepalived(pathEnv = process.env.PATH): { version: string; binary: string } | undefined {
  const key = pathEnv ?? '';
  if (asked.has(key)) return asked.get(key);
  const binary = findOnPath('keepalived', pathEnv);
  let found: { version: string; binary: string } | undefined;
  if (binary) {
    const run = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 5_000 });
    const version = parseVersionBanner(`${run.stderr ?? ''}${run.stdout ?? ''}`);
    if (version) found = { version, binary };
  }
  asked.set(key, found);
  return found;
}

/** The release to check against: the one given, else the installed one, else the newest known. */
export function resolveTargetVersion(given: string | undefined, pathEnv = process.env.PATH): TargetVersion {
  if (given) return { version: given, source: 'given' };
  const installed = installedKeepalived(pathEnv);
  if (installed) return { version: installed.version, source: 'installed', binary: installed.binary };
  return { version: NEWEST_KNOWN_RELEASE, source: 'newest' };
}

/** One phrase for a summary: `keepalived 2.2.7 (/usr/sbin/keepalived on PATH)`. */
export function describeTarget(target: TargetVersion): string {
  if (target.source === 'installed') return `keepalived ${target.version} (${target.binary} on PATH)`;
  if (target.source === 'newest') return `keepalived ${target.version} (the newest release known; no keepalived on PATH)`;
  return `keepalived ${target.version}`;
}
