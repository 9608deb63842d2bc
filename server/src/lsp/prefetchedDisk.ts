// The disk as the language server sees it. The analysis is synchronous and asks for files as it finds
// includes; reading them there would block the server's only thread on every slow read. Here the analysis
// only gets what was read ahead: a path or glob not read yet is noted as a miss (and answered as absent),
// LiveState.settle() reads the misses without blocking and runs the analysis again until nothing is missing.
import { type FileSystem } from '../analysis/diskFileSystem';
import { includeGlob } from '../analysis/glob/includeGlob';
import { readConfigBytesAsync, unreadableMessage } from '../analysis/safeRead';

type FileRead = { text: string; executable: boolean } | { unreadable: string } | undefined;

export class PrefetchedDisk implements FileSystem {
  private readonly files = new Map<string, FileRead>();
  private readonly globs = new Map<string, { files: string[]; missing: string[] }>();
  private readonly missedFiles = new Set<string>();
  private readonly missedGlobs = new Set<string>();

  readFile(path: string): string | undefined {
    const read = this.lookup(path);
    return read && 'text' in read ? read.text : undefined;
  }

  executable(path: string): boolean {
    const read = this.lookup(path);
    return read !== undefined && 'text' in read && read.executable;
  }

  unreadable(path: string): string | undefined {
    const read = this.lookup(path);
    return read && 'unreadable' in read ? read.unreadable : undefined;
  }

  glob(pattern: string): string[] {
    const matches = this.globs.get(pattern);
    if (matches) return matches.files;
    this.missedGlobs.add(pattern);
    return [];
  }

  globMissing(pattern: string): string[] {
    return this.globs.get(pattern)?.missing ?? [];
  }

  hasMisses(): boolean {
    return this.missedFiles.size > 0 || this.missedGlobs.size > 0;
  }

  /** Reads what the analysis asked for and did not get. */
  async fetchMisses(): Promise<void> {
    const files = [...this.missedFiles];
    const globs = [...this.missedGlobs];
    this.missedFiles.clear();
    this.missedGlobs.clear();
    // a glob is a directory listing or two: done at once, a wait for one of libuv's threads would cost more
    for (const pattern of globs) this.globs.set(pattern, includeGlob(pattern));
    await Promise.all(files.map(async (path) => this.files.set(path, await readAhead(path))));
  }

  /** A file changed on disk: it is read again when next asked for. */
  forget(path: string): void {
    this.files.delete(path);
  }

  /** A file appeared or vanished: every glob is expanded again when next asked for. */
  forgetGlobs(): void {
    this.globs.clear();
  }

  private lookup(path: string): FileRead {
    if (!this.files.has(path)) this.missedFiles.add(path);
    return this.files.get(path);
  }
}

async function readAhead(path: string): Promise<FileRead> {
  const read = await readConfigBytesAsync(path);
  if (!read) return undefined;
  return 'bytes' in read ? { text: read.bytes.toString('utf8'), executable: read.executable } : { unreadable: unreadableMessage(path, read) };
}

