import type { BlockSpec, KeywordSpec } from './types';
import { globalBlocks } from './global';
import { vrrpBlocks } from './vrrp';
import { checkBlocks } from './check';
import { includeDirectives } from './root';

export * from './types';
export { includeDirectives };

export const ROOT_BLOCK_ID = 'root';

/** Domain files may each contribute to a block (notably 'root'); blocks with one id are merged. */
function mergeBlocks(parts: readonly BlockSpec[]): Map<string, BlockSpec> {
  const merged = new Map<string, BlockSpec>();
  for (const part of parts) {
    const seen = merged.get(part.id);
    merged.set(part.id, seen ? { ...seen, keywords: [...seen.keywords, ...part.keywords], items: seen.items ?? part.items } : part);
  }
  return merged;
}

const blocksById = mergeBlocks([...globalBlocks, ...vrrpBlocks, ...checkBlocks]);

const keywordIndex = new Map<string, Map<string, KeywordSpec>>();
for (const block of blocksById.values()) {
  keywordIndex.set(block.id, new Map(block.keywords.map((kw) => [kw.name, kw])));
}
const includeIndex = new Map(includeDirectives.map((kw) => [kw.name, kw]));

export function allBlockSpecs(): Iterable<BlockSpec> {
  return blocksById.values();
}

export function blockSpec(id: string): BlockSpec | undefined {
  return blocksById.get(id);
}

export function rootBlockSpec(): BlockSpec {
  return blocksById.get(ROOT_BLOCK_ID)!;
}

export function keywordSpec(block: BlockSpec, name: string): KeywordSpec | undefined {
  return keywordIndex.get(block.id)?.get(name);
}

export function includeDirective(name: string): KeywordSpec | undefined {
  return includeIndex.get(name);
}
