import type { BlockSpec } from './types';
import { lvsRootBlock, realServerBlock, sslBlock, virtualServerBlock, virtualServerGroupBlock } from './check-lvs';
import { checkerBlocks, checkerOpeners } from './check-checkers';

/** LVS configuration: SSL, virtual_server_group, virtual_server, real_server and every health checker. */
export const checkBlocks: readonly BlockSpec[] = [
  lvsRootBlock,
  sslBlock,
  virtualServerGroupBlock,
  virtualServerBlock,
  { ...realServerBlock, keywords: [...realServerBlock.keywords, ...checkerOpeners] },
  ...checkerBlocks,
];
