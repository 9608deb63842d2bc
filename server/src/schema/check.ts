import type { BlockSpec } from './types';

export const checkBlocks: readonly BlockSpec[] = [
  {
    id: 'root',
    title: 'top level',
    keywords: [
    { name: 'virtual_server_group', args: [{ name: 'NAME', type: { kind: 'define', symbol: 'virtual_server_group' } }], block: 'virtual_server_group', repeatable: true, doc: 'A named set of addresses, ranges and fwmarks that several virtual_server blocks can share.' },
    { name: 'virtual_server', args: [{ name: 'ADDRESS', type: { kind: 'string' } }, { name: 'PORT', type: { kind: 'port' }, optional: true }], block: 'virtual_server', repeatable: true, doc: 'An LVS service: the address and port clients connect to, how it balances, and its real servers. Also written `virtual_server fwmark N` or `virtual_server group NAME`.' },
    ],
  },
];
