import { blockSpec, keywordSpec } from '../../schema';

/**
 * The value keepalived uses for a keyword left out of a block: the schema's default, the single place
 * defaults are written down. Undefined when keepalived has none (the keyword then means "off"/"unset").
 */
export function schemaDefault(blockId: string, keyword: string): string | undefined {
  const block = blockSpec(blockId);
  return block ? keywordSpec(block, keyword)?.default : undefined;
}

/** A numeric default from the schema; `fallback` only guards against a schema without one. */
export function numericDefault(blockId: string, keyword: string, fallback: number): number {
  const text = schemaDefault(blockId, keyword);
  const value = text === undefined ? NaN : Number(text);
  return Number.isFinite(value) ? value : fallback;
}
