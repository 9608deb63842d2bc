/**
 * Lists the keywords upstream keepalived registers for VRRP (vrrp_parser.c, plus the track_file blocks
 * of trackers/track_file.c) with the schema block each belongs to, and the first release tag of each.
 *
 * Usage: node --import tsx scripts/upstream-keywords-vrrp.ts [MIRROR]
 * Writes, from the mirror's HEAD:
 *   test/fixtures/upstream-keywords-vrrp.txt      `block keyword`
 *   test/fixtures/upstream-value-blocks-vrrp.txt  `block keyword` for keywords whose handler reads a value block
 *   test/fixtures/upstream-since-vrrp.txt         `block keyword first-tag` for keywords missing in v1.2.1
 *                                                  (`unreleased` when no release tag has them yet)
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const mirror = process.argv[2] ?? '/work/.mirror/acassen+keepalived/repo';
const outDir = join(import.meta.dirname, '..', 'test', 'fixtures');
const FIRST_TAG = [1, 2, 1];
const SOURCES = ['keepalived/vrrp/vrrp_parser.c', 'keepalived/trackers/track_file.c'];

/** Root keywords that upstream registers twice with one keyword table: both open the same schema block. */
const SHARED_ROOT_BLOCK: Record<string, string> = { vrrp_track_file: 'track_file' };

function git(...args: string[]): string {
  return execFileSync('git', ['-C', mirror, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

function showFile(rev: string, path: string): string | undefined {
  try {
    return execFileSync('git', ['-C', mirror, 'show', `${rev}:${path}`], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return undefined;
  }
}

interface Registration {
  block: string;
  keyword: string;
  handler?: string;
}

/**
 * Walks the install_* calls in source order. A root keyword starts a new block; plain keywords go to the
 * innermost open block; install_sublevel opens a block under the keyword registered just before it.
 * Every #ifdef branch is taken, which is what a full-featured build registers.
 */
function registrations(source: string | undefined): Registration[] {
  if (!source) return [];
  const out: Registration[] = [];
  const stack: string[] = [];
  let last: string | undefined;
  const call = /\b(install_keyword(?:_root|_quoted)?|install_sublevel_end|install_sublevel)\s*\(\s*(?:"([^"]+)"\s*,\s*&?\s*(\w+))?/g;
  for (const m of source.matchAll(call)) {
    const [, fn, name, handler] = m;
    if (fn === 'install_sublevel') {
      if (last !== undefined) stack.push(`${stack[stack.length - 1]}.${last}`);
    } else if (fn === 'install_sublevel_end') {
      if (stack.length > 1) stack.pop();
    } else if (name) {
      if (fn === 'install_keyword_root') {
        out.push({ block: 'root', keyword: name, handler });
        stack.length = 0;
        stack.push(SHARED_ROOT_BLOCK[name] ?? name);
      } else if (stack.length > 0) {
        out.push({ block: stack[stack.length - 1], keyword: name, handler });
      }
      last = name;
    }
  }
  return out;
}

/** Whether the handler's body reads the following `{ ... }` as a list of values, not keywords. */
function readsValueBlock(source: string, handler: string | undefined): boolean {
  if (!handler || handler === 'NULL') return false;
  const start = new RegExp(`^${handler}\\s*\\(`, 'm').exec(source);
  if (!start) return false;
  const end = source.indexOf('\n}', start.index);
  const body = source.slice(start.index, end < 0 ? undefined : end);
  return /\b(alloc_value_block|read_value_block)\s*\(/.test(body);
}

function pairsAt(rev: string): { all: Set<string>; valueBlocks: Set<string> } {
  const all = new Set<string>();
  const valueBlocks = new Set<string>();
  for (const path of SOURCES) {
    const source = showFile(rev, path);
    for (const r of registrations(source)) {
      const pair = `${r.block} ${r.keyword}`;
      all.add(pair);
      if (source && readsValueBlock(source, r.handler)) valueBlocks.add(pair);
    }
  }
  return { all, valueBlocks };
}

function versionOf(tag: string): number[] | undefined {
  const m = /^v(\d+)\.(\d+)\.(\d+)$/.exec(tag);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

function releaseTags(): string[] {
  return git('tag')
    .split('\n')
    .map((tag) => ({ tag, version: versionOf(tag.trim()) }))
    .filter((t): t is { tag: string; version: number[] } => !!t.version && compareVersions(t.version, FIRST_TAG) >= 0)
    .sort((a, b) => compareVersions(a.version, b.version))
    .map((t) => t.tag.trim());
}

const head = pairsAt('HEAD');
const sorted = (s: Iterable<string>) => [...s].sort();
writeFileSync(join(outDir, 'upstream-keywords-vrrp.txt'), sorted(head.all).join('\n') + '\n');
writeFileSync(join(outDir, 'upstream-value-blocks-vrrp.txt'), sorted(head.valueBlocks).join('\n') + '\n');

const firstTag = new Map<string, string>();
const tags = releaseTags();
for (const tag of tags) {
  for (const pair of pairsAt(tag).all) if (!firstTag.has(pair)) firstTag.set(pair, tag);
}
const since = sorted(head.all)
  .map((pair) => [pair, firstTag.get(pair) ?? 'unreleased'] as const)
  .filter(([, tag]) => tag !== tags[0])
  .map(([pair, tag]) => `${pair} ${tag.replace(/^v/, '')}`);
writeFileSync(join(outDir, 'upstream-since-vrrp.txt'), since.join('\n') + '\n');

console.log(`${head.all.size} keywords (${head.valueBlocks.size} value blocks), ${since.length} newer than ${tags[0]}`);
