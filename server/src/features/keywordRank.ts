import type { BlockSpec, KeywordSpec } from '../schema';
import { COMMON_KEYWORDS } from './keywordUsage';

/**
 * Completion order inside a block: what keepalived requires, then what real configurations use most
 * (keywordUsage.ts, counted from a corpus), then the rest alphabetically, deprecated names last.
 */
export function keywordSortText(block: BlockSpec, spec: KeywordSpec): string {
  if (spec.deprecated) return `3${spec.name}`;
  if (spec.required) return `0${spec.name}`;
  const common = COMMON_KEYWORDS[block.id]?.indexOf(spec.name) ?? -1;
  if (common >= 0) return `1${String(common).padStart(3, '0')}${spec.name}`;
  return `2${spec.name}`;
}
