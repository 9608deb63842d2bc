import type { BlockSpec } from './types';

export const vrrpBlocks: readonly BlockSpec[] = [
  {
    id: 'root',
    title: 'top level',
    keywords: [
    { name: 'vrrp_script', args: [{ name: 'NAME', type: { kind: 'define', symbol: 'vrrp_script' } }], block: 'vrrp_script', repeatable: true, doc: 'A health-check script whose result can raise or lower the priority of the instances that track it.' },
    { name: 'vrrp_sync_group', args: [{ name: 'NAME', type: { kind: 'define', symbol: 'vrrp_sync_group' } }], block: 'vrrp_sync_group', repeatable: true, doc: 'Instances that change state together: when one fails over, all of them do.' },
    { name: 'vrrp_instance', args: [{ name: 'NAME', type: { kind: 'define', symbol: 'vrrp_instance' } }], block: 'vrrp_instance', repeatable: true, doc: 'One VRRP virtual router: the addresses (VIPs) that float between the directors, its id, priority and peers.' },
    ],
  },
];
