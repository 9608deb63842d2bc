import type { BlockSpec } from './types';

export const globalBlocks: readonly BlockSpec[] = [
  {
    id: 'root',
    title: 'top level',
    keywords: [
    { name: 'global_defs', args: [], block: 'global_defs', doc: 'Settings that apply to the whole daemon: notification e-mail, router id, script security, VRRP and LVS defaults.' },
    ],
  },
];
