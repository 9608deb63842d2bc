// keepalived-lint --cache: a run whose inputs are all as they were at a stored run prints the stored report
// instead of parsing again. The inputs are everything the analysis read through its FileSystem: each file's
// text or its absence, and the matches of each include glob. The build of the linter and its options are in
// the entry's name. Only what the CLI prints is stored: never a quick fix, whose edits can carry a peer's
// auth_pass, and never a file's text (a SHA-256 digest stands for it).
//
// Telling "unchanged" fast is the point (a hit must cost less than keepalived -t), so a file or directory
// whose inode, size, mtime and ctime all equal the recorded ones counts as unchanged without being read.
// ctime cannot be set back by a user, so an edit that restores size and mtime still shows. The one gap is an
// edit in the same clock tick as the recorded stat (timestamps are coarse: a few ms, seconds on some file
// systems); as git does with its index, anything changed less than RACY_NS before the recording is checked
// by content instead, and the entry is re-recorded once that content proves the same.
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { FileSystem } from '../analysis/diskFileSystem';
import type { TargetVersion } from '../host/installedKeepalived';
import { readConfigBytes } from '../analysis/safeRead';
import { hasWildcard, splitAtWildcard } from '../analysis/globPattern';
import type { CliOptions } from './lintArgs';
import { writeAside } from './writeAside';
import { installedKeepalived } from '../host/installedKeepalived';
import { fileVersionMemory } from './versionMemory';

/** One finding as the CLI prints it (1-based positions). */
export interface PrintedDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
  /** other places the finding concerns (a peer director's value, a first definition), 1-based too */
  related?: PrintedLocation[];
}

export interface PrintedLocation {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

/** inode, size, mtime and ctime (ns), as decimal strings */
type Stamp = [string, string, string, string];

interface FileInput {
  path: string;
  /** digest of the bytes the analysis got, or null where the file could not be read */
  digest: string | null;
  stamp?: Stamp;
}

interface GlobInput {
  pattern: string;
  matches: string[];
  /** the one directory whose entries decide the matches (patterns with no wildcard below it), and its stamp */
  directory?: { path: string; stamp: Stamp };
}

interface Entry {
  format: typeof FORMAT;
  key: string;
  /** wall clock (ns) when the inputs were stamped */
  recordedAt: string;
  files: FileInput[];
  globs: GlobInput[];
  diagnostics: PrintedDiagnostic[];
  /** the release the report was checked against (a lint config may pin it; the launcher does not read that) */
  target?: TargetVersion;
  /** the environment variables ${_ENV NAME} read, and their values (null: not set) */
  environment?: [string, string | null][];
}

const FORMAT = 'keepalived-lint-results/3';
/** entries kept per cache directory: one per distinct command line, the least recently written go first */
export const MAX_ENTRIES = 200;
/** changes this close before the recording may share a timestamp with a later edit: checked by content */
export const RACY_NS = 3_000_000_000n;

/** crypto is loaded only to hash (it pulls in Node's streams: ~10 ms of a cache hit's ~130) */
function digestOf(bytes: Uint8Array): string {
  return (require('node:crypto') as typeof import('node:crypto')).createHash('sha256').update(bytes).digest('base64');
}

/** an execute bit changes what an include does (keepalived skips the file): part of a file's key, after its digest */
const withMode = (digest: string, executable: boolean | undefined) => (executable ? `${digest}+x` : digest);

/** what a recording keeps of a file's content: its digest (and execute bit), null when missing, `!why` when not read */
function contentKeyOf(path: string): string | null {
  const read = readConfigBytes(path);
  if (read === undefined) return null;
  return 'bytes' in read ? withMode(digestOf(read.bytes), read.executable) : `!${read.unreadable}`;
}

function stampOf(path: string): Stamp | undefined {
  try {
    const s = statSync(path, { bigint: true });
    return [String(s.ino), String(s.size), String(s.mtimeNs), String(s.ctimeNs)];
  } catch {
    return undefined;
  }
}

function sameStamp(a: Stamp | undefined, b: Stamp | undefined): boolean {
  return a !== undefined && b !== undefined && a.every((x, i) => x === b[i]);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** the directory whose entries alone decide what `pattern` matches, if there is one */
function deciderOf(pattern: string): string | undefined {
  if (!hasWildcard(pattern)) return dirname(pattern);
  const { base, rest } = splitAtWildcard(pattern);
  return rest.includes('/') ? undefined : base;
}

/** Passes reads and globs through to another FileSystem and remembers what each gave, and when. */
export class RecordingFileSystem implements FileSystem {
  private readonly files = new Map<string, FileInput>();
  private readonly globs = new Map<string, GlobInput>();
  private readonly variables = new Map<string, string | null>();
  private readonly startedAt = nowNs();
  /** false once a path gave two answers (it changed during the run): such a run is not stored */
  consistent = true;

  constructor(private readonly inner: FileSystem) {}

  readFile(path: string): string | undefined {
    const before = stampOf(path);
    const text = this.inner.readFile(path);
    const after = stampOf(path);
    // a file absent before and after the read is a stable answer too (a lookup checks it is still absent)
    if (!sameStamp(before, after) && !(before === undefined && after === undefined)) this.consistent = false;
    // the text's UTF-8 is the file's bytes, unless the file is not valid UTF-8: then no lookup matches
    const unread = text === undefined ? this.unreadableKey(path) : undefined;
    const digest = text === undefined ? unread ?? null : withMode(digestOf(Buffer.from(text, 'utf8')), this.inner.executable?.(path));
    const input: FileInput = { path, digest, stamp: text === undefined ? undefined : before };
    const seen = this.files.get(path);
    if (seen && seen.digest !== input.digest) this.consistent = false;
    this.files.set(path, input);
    return text;
  }

  unreadable(path: string): string | undefined {
    return this.inner.unreadable?.(path);
  }

  /** recorded with the file's content (its key carries the bit): the file is read for the include anyway */
  executable(path: string): boolean {
    return this.inner.executable?.(path) ?? false;
  }

  /** a file that exists but was not read is recorded as such, so the lookup sees it become readable */
  private unreadableKey(path: string): string | undefined {
    const read = readConfigBytes(path);
    return read && 'unreadable' in read ? `!${read.unreadable}` : undefined;
  }

  glob(pattern: string): string[] {
    const decider = deciderOf(pattern);
    const before = decider === undefined ? undefined : stampOf(decider);
    const matches = this.inner.glob(pattern);
    const directory = decider !== undefined && before && sameStamp(before, stampOf(decider)) ? { path: decider, stamp: before } : undefined;
    const seen = this.globs.get(pattern);
    if (seen && !sameList(seen.matches, matches)) this.consistent = false;
    this.globs.set(pattern, { pattern, matches, directory });
    return matches;
  }

  /** not recorded: a lookup sees the files change, not a directory appearing where glob found none */
  globMissing(pattern: string): string[] {
    return this.inner.globMissing?.(pattern) ?? [];
  }

  environment(name: string): string | undefined {
    const value = this.inner.environment ? this.inner.environment(name) : process.env[name];
    this.variables.set(name, value ?? null);
    return value;
  }

  entryParts(): Pick<Entry, 'recordedAt' | 'files' | 'globs' | 'environment'> {
    return { recordedAt: String(this.startedAt), files: [...this.files.values()], globs: [...this.globs.values()], environment: [...this.variables] };
  }
}

/** two 32-bit FNV-1a hashes (different offsets): a short file name without loading crypto */
function fileNameHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

function nowNs(): bigint {
  return BigInt(Date.now()) * 1_000_000n;
}

/** The cache entry of one command line (linter build, options and absolute file list) in `dir`. */
export class ResultCache {
  readonly file: string;
  /** the whole command line: two that share a file name (a hash) never share an entry */
  private readonly key: string;

  constructor(
    private readonly dir: string,
    commandLine: unknown,
  ) {
    this.key = JSON.stringify(commandLine);
    this.file = join(dir, `${fileNameHash(this.key)}.json`);
  }

  /**
   * The stored report, if there is one and every input it was made from is unchanged (files and deciding
   * directories by their stamps, by content where a stamp cannot be trusted, other globs through `fs`).
   * Without `fs` (the launcher, which does not load the glob code) a glob that must be run again is a miss.
   */
  lookup(fs?: FileSystem): Pick<Entry, 'diagnostics' | 'target'> | undefined {
    const entry = this.read();
    if (!entry) return undefined;
    if (entry.environment?.some(([name, value]) => (process.env[name] ?? null) !== value)) return undefined;
    const startedAt = nowNs();
    const settled = (stamp: Stamp) => BigInt(stamp[3]) + RACY_NS < BigInt(entry.recordedAt);
    let restamped = false;
    const files: FileInput[] = [];
    for (const input of entry.files) {
      const before = stampOf(input.path);
      if (input.stamp && settled(input.stamp) && sameStamp(before, input.stamp)) {
        files.push(input);
        continue;
      }
      const key = contentKeyOf(input.path);
      if (key !== input.digest) return undefined;
      const read = key !== null && !key.startsWith('!');
      const after = stampOf(input.path);
      files.push({ ...input, stamp: read && sameStamp(before, after) ? after : undefined });
      restamped ||= read;
    }
    const globs: GlobInput[] = [];
    for (const glob of entry.globs) {
      const before = glob.directory && stampOf(glob.directory.path);
      if (glob.directory && settled(glob.directory.stamp) && sameStamp(before, glob.directory.stamp)) {
        globs.push(glob);
        continue;
      }
      if (!fs || !sameList(fs.glob(glob.pattern), glob.matches)) return undefined;
      const after = glob.directory && stampOf(glob.directory.path);
      globs.push({ ...glob, directory: glob.directory && before && sameStamp(before, after) ? { path: glob.directory.path, stamp: before } : undefined });
      restamped ||= glob.directory !== undefined;
    }
    // proved unchanged by content: stamped again, so that the next lookup (once they settle) needs no reading
    if (restamped) this.write({ ...entry, recordedAt: String(startedAt), files, globs });
    return { diagnostics: entry.diagnostics, target: entry.target };
  }

  store(recording: RecordingFileSystem, diagnostics: PrintedDiagnostic[], target?: TargetVersion): void {
    if (!recording.consistent) return;
    this.write({ format: FORMAT, key: this.key, ...recording.entryParts(), diagnostics, target });
  }

  private write(entry: Entry): void {
    if (writeAside(this.file, JSON.stringify(entry))) this.prune();
  }

  /** an entry that is whole and made for this command line, else undefined (a damaged cache is only a miss) */
  private read(): Entry | undefined {
    let entry: Partial<Entry>;
    try {
      entry = JSON.parse(readFileSync(this.file, 'utf8')) as Partial<Entry>;
    } catch {
      return undefined;
    }
    return entry?.format === FORMAT && entry.key === this.key && isEntry(entry) ? entry : undefined;
  }

  private prune(): void {
    try {
      const names = readdirSync(this.dir).filter((n) => n.endsWith('.json'));
      if (names.length <= MAX_ENTRIES) return;
      const byAge = names.map((n) => ({ path: join(this.dir, n), mtime: statSync(join(this.dir, n)).mtimeMs })).sort((a, b) => a.mtime - b.mtime);
      for (const old of byAge.slice(0, names.length - MAX_ENTRIES)) rmSync(old.path, { force: true });
    } catch {
      // another run pruning at the same time, or a file gone meanwhile: the next write tries again
    }
  }
}

/** The entry of this command line, when --cache is on and the linter's build is known. */
export function resultCacheFor(options: CliOptions, build: string | undefined): ResultCache | undefined {
  // host checks read the machine, which the cache does not record
  if (!options.cacheDir || !build || options.hostChecks) return undefined;
  // standard input is no file whose stamp could prove it unchanged; a fix changes the files it reads
  if (options.files.includes('-') || options.fix || options.fixDryRun) return undefined;
  // what decides the findings; how they are shown (format, gates, --quiet) is applied to the stored ones
  // without --keepalived-version the installed keepalived's release can decide them too: an upgrade is a miss
  const installed = options.keepalivedVersion ? undefined : installedKeepalived(process.env.PATH, fileVersionMemory())?.version;
  const key = { build, files: options.files.map((f) => resolve(f)), keepalivedVersion: options.keepalivedVersion, installed, configId: options.configId, config: options.configFile, clusterFiles: options.clusterFiles };
  return new ResultCache(options.cacheDir, key);
}

const isString = (x: unknown): x is string => typeof x === 'string';
const isStamp = (x: unknown): x is Stamp => Array.isArray(x) && x.length === 4 && x.every((p) => isString(p) && /^\d+$/.test(p));

function isEntry(e: Partial<Entry>): e is Entry {
  return (
    isString(e.recordedAt) &&
    /^\d+$/.test(e.recordedAt) &&
    Array.isArray(e.files) &&
    e.files.every((f) => isString(f?.path) && (isString(f.digest) || f.digest === null) && (f.stamp === undefined || isStamp(f.stamp))) &&
    Array.isArray(e.globs) &&
    e.globs.every((g) => isString(g?.pattern) && Array.isArray(g.matches) && g.matches.every(isString) && (g.directory === undefined || (isString(g.directory.path) && isStamp(g.directory.stamp)))) &&
    Array.isArray(e.diagnostics) &&
    e.diagnostics.every(isPrintedDiagnostic) &&
    (e.environment === undefined || (Array.isArray(e.environment) && e.environment.every((v) => Array.isArray(v) && isString(v[0]) && (isString(v[1]) || v[1] === null))))
  );
}

function isPrintedDiagnostic(d: unknown): d is PrintedDiagnostic {
  const x = d as Record<string, unknown>;
  return (
    typeof x === 'object' &&
    x !== null &&
    ['file', 'severity', 'code', 'message'].every((k) => isString(x[k])) &&
    ['line', 'column', 'endLine', 'endColumn'].every((k) => Number.isInteger(x[k])) &&
    (x.related === undefined || (Array.isArray(x.related) && x.related.every(isPrintedLocation)))
  );
}

function isPrintedLocation(l: unknown): l is PrintedLocation {
  const x = l as Record<string, unknown>;
  return typeof x === 'object' && x !== null && isString(x.file) && isString(x.message) && ['line', 'column', 'endLine', 'endColumn'].every((k) => Number.isInteger(x[k]));
}
