import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareVersions } from '../../server/src/analysis/versions';
import { blockSpec, keywordSpec, type BlockSpec, type KeywordSpec } from '../../server/src/schema/index';

/** The keepalived release Debian installs here, the one the schema tests run as their oracle. */
export const DEBIAN_VERSION = '2.2.7';

const fixtures = join(import.meta.dirname, '..', 'fixtures');

/** A fixture of space-separated rows (scripts/upstream-keywords-*.ts write them), blank lines dropped. */
export function fixtureRows(name: string): string[][] {
  return readFileSync(join(fixtures, name), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.split(' '));
}

/** The merged schema's view of one `block keyword` pair. */
export function lookup(blockId: string, name: string): KeywordSpec | undefined {
  const block = blockSpec(blockId);
  return block && keywordSpec(block, name);
}

/** Every keyword one domain declares, with the block it declares it in. */
export function* ownKeywords(blocks: readonly BlockSpec[]): Generator<[BlockSpec, KeywordSpec]> {
  for (const block of blocks) for (const kw of block.keywords) yield [block, kw];
}

/** Whether a keyword dated `since` exists in release `version` (undated keywords are old). */
export const knownIn = (since: string | undefined, version: string): boolean => !since || compareVersions(since, version) <= 0;

export const inDebian = (kw: KeywordSpec): boolean => knownIn(kw.since, DEBIAN_VERSION);
