/**
 * Lists the keywords upstream keepalived registers in global_parser.c (root keywords and global_defs)
 * and bfd_parser.c (bfd_instance), and the first release tag that registers each of them.
 *
 * Usage: node --import tsx scripts/upstream-keywords-global.ts [MIRROR]
 * Writes test/fixtures/upstream-keywords-global.txt (`block keyword`, from the mirror's HEAD) and
 * test/fixtures/upstream-since-global.txt (`block keyword first-tag`, only for keywords missing in v1.2.1;
 * `unreleased` when no release tag registers them yet).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const mirror = process.argv[2] ?? '/work/.mirror/acassen+keepalived/repo';
const outDir = join(import.meta.dirname, '..', 'test', 'fixtures');
const FIRST_TAG = [1, 2, 1];

function git(...args: string[]): string {
  return execFileSync('git', ['-C', mirror, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

function showFile(rev: string, path: string): string | undefined {
  try {
    return execFileSync('git', ['-C', mirror, 'show', `${rev}:${path}`], { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

type Pair = `${string} ${string}`;

/**
 * Everything registered with install_keyword_root goes to the top level; the plain keywords after it
 * belong to the most recent root keyword that opens a block (global_defs or bfd_instance here).
 */
function keywordsIn(source: string | undefined, blockOpeners: ReadonlySet<string>): Pair[] {
  if (!source) return [];
  const pairs: Pair[] = [];
  let current: string | undefined;
  const call = /\binstall_keyword(_root|_quoted|_conditional)?\s*\(\s*"([^"]+)"/g;
  for (const m of source.matchAll(call)) {
    const [, variant, name] = m;
    if (variant === '_root') {
      pairs.push(`root ${name}`);
      if (blockOpeners.has(name)) current = name;
    } else if (current) {
      pairs.push(`${current} ${name}`);
    }
  }
  return [...new Set(pairs)];
}

function keywordsAt(rev: string): Set<Pair> {
  return new Set([
    ...keywordsIn(showFile(rev, 'keepalived/core/global_parser.c'), new Set(['global_defs'])),
    ...keywordsIn(showFile(rev, 'keepalived/bfd/bfd_parser.c'), new Set(['bfd_instance'])),
  ]);
}

function versionOf(tag: string): number[] | undefined {
  const m = /^v?(\d+)\.(\d+)\.(\d+)$/.exec(tag);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

const tags = git('tag')
  .split('\n')
  .map((tag) => ({ tag, version: versionOf(tag.trim()) }))
  .filter((t): t is { tag: string; version: number[] } => !!t.version && compare(t.version, FIRST_TAG) >= 0)
  .sort((a, b) => compare(a.version, b.version));

const head = keywordsAt('HEAD');
const since = new Map<Pair, string>();
let first = true;
for (const { tag, version } of tags) {
  for (const pair of keywordsAt(tag)) {
    if (!head.has(pair) || since.has(pair)) continue;
    since.set(pair, first ? '' : version.join('.'));
  }
  first = false;
}

writeFileSync(join(outDir, 'upstream-keywords-global.txt'), [...head].map((p) => `${p}\n`).join(''));
// Registered at HEAD but in no release tag yet: newer than the last release.
const sinceLines = [...head]
  .filter((p) => since.get(p) !== '')
  .map((p) => `${p} ${since.get(p) ?? 'unreleased'}\n`);
writeFileSync(join(outDir, 'upstream-since-global.txt'), sinceLines.join(''));
console.log(`${head.size} keywords at HEAD, ${sinceLines.length} newer than ${FIRST_TAG.join('.')}, ${tags.length} tags scanned`);
