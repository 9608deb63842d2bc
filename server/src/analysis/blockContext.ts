import { blockSpec, keywordSpec, rootBlockSpec } from '../schema';
import type { Statement } from '../syntax';

/**
 * The schema block that the children of `owner` are read in. `baseBlockId` is the block the file's own
 * top level lands in (an included file's text is read inside the block that includes it).
 */
export function blockIdInside(owner: Statement | undefined, baseBlockId = rootBlockSpec().id): string {
  if (!owner) return baseBlockId;
  const outer = blockSpec(blockIdInside(owner.parent, baseBlockId));
  const spec = outer && keywordSpec(outer, owner.name);
  return spec?.block ?? rootBlockSpec().id;
}
