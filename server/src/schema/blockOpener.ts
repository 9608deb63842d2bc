// Which keywords open a block, as keepalived decides while it reads (lib/parser.c): it enters a block only
// after a keyword whose handler has one where it stands, and ignores any other '{' (its matching '}' then
// closes the enclosing block). A value block (virtual_ipaddress, ...) opens nothing inside. The parser asks
// this while it builds the tree, so every check reads the config as keepalived does.
import type { BlockOpener } from '../syntax/parser';
import { allBlockSpecs, blockSpec, keywordSpec, rootBlockSpec } from './index';
import type { BlockSpec } from './types';

/** the block a keyword opens anywhere, for the top of a file that may be included inside a block */
let anywhere: Map<string, BlockSpec> | undefined;

function blockAnywhere(keyword: string): BlockSpec | undefined {
  if (!anywhere) {
    anywhere = new Map();
    for (const block of allBlockSpecs()) {
      for (const spec of block.keywords) {
        const opened = spec.block && blockSpec(spec.block);
        if (opened && !anywhere.has(spec.name)) anywhere.set(spec.name, opened);
      }
    }
  }
  return anywhere.get(keyword);
}

export const SCHEMA_BLOCKS: BlockOpener<BlockSpec> = {
  get root() {
    return rootBlockSpec();
  },
  open(context, keyword) {
    if (context.items) return undefined;
    const opened = keywordSpec(context, keyword)?.block;
    if (opened) return blockSpec(opened);
    // a file's top level may be the inside of a block it is included into (real_server lines of a
    // virtual_server, say): there a keyword that opens a block anywhere opens it
    return context.id === rootBlockSpec().id ? blockAnywhere(keyword) : undefined;
  },
  repeatEndsEnclosing(context, keyword) {
    return !context.items && keywordSpec(context, keyword)?.repeatEndsEnclosing === true;
  },
};
