import type { BlockSpec, KeywordSpec } from './types';
import { arg, define } from './vrrp-args';
import { vrrpInstanceBlocks } from './vrrp-instance';
import { vrrpObjectBlocks } from './vrrp-objects';
import { vrrpValueBlocks } from './vrrp-values';

/**
 * The VRRP part of keepalived.conf: what keepalived/vrrp/vrrp_parser.c (and the track_file blocks of
 * trackers/track_file.c) register, at the top level and below. `since` comes from
 * scripts/upstream-keywords-vrrp.ts (first release tag that registers the keyword).
 */

const rootKeywords: readonly KeywordSpec[] = [
  { name: 'track_group', args: [arg('NAME', define('track_group'))], block: 'track_group', repeatable: true, extraWordsSkipBlock: true, since: '2.0.3', doc: 'A named set of vrrp_instances; static addresses, routes and rules that name it are only set while one of them is up.', example: 'track_group tg1' },
  { name: 'static_ipaddress', args: [], block: 'static_ipaddress', repeatable: true, doc: 'Addresses keepalived adds at start-up on every node, whatever the VRRP state.', example: 'static_ipaddress' },
  { name: 'static_routes', args: [], block: 'static_routes', repeatable: true, doc: 'Routes keepalived adds at start-up on every node, whatever the VRRP state.', example: 'static_routes' },
  { name: 'static_rules', args: [], block: 'static_rules', repeatable: true, since: '1.2.20', doc: 'Policy-routing rules keepalived adds at start-up on every node, whatever the VRRP state.', example: 'static_rules' },
  { name: 'vrrp_sync_group', args: [arg('NAME', define('vrrp_sync_group'))], block: 'vrrp_sync_group', repeatable: true, extraWordsSkipBlock: true, doc: 'Instances that change state together: when one fails over, all of them do.', example: 'vrrp_sync_group VG_1' },
  { name: 'garp_group', args: [], block: 'garp_group', repeatable: true, since: '1.2.21', doc: 'Rate limit for gratuitous ARPs / NAs on some interfaces, so a failover of many VIPs does not flood the switch.', example: 'garp_group' },
  { name: 'linkbeat_interfaces', args: [], block: 'linkbeat_interfaces', repeatable: true, since: '2.0.13', doc: 'Interfaces whose link state keepalived polls (MII/ETHTOOL/IOCTL) instead of relying on netlink.', example: 'linkbeat_interfaces' },
  { name: 'vrrp_instance', args: [arg('NAME', define('vrrp_instance'))], block: 'vrrp_instance', repeatable: true, extraWordsSkipBlock: true, doc: 'One VRRP virtual router: the addresses (VIPs) that float between the directors, its id, priority and peers.', example: 'vrrp_instance VI_1' },
  { name: 'vrrp_script', args: [arg('NAME', define('vrrp_script'))], block: 'vrrp_script', repeatable: true, doc: 'A health-check script whose result can raise or lower the priority of the instances that track it.', example: 'vrrp_script chk_web' },
  { name: 'vrrp_track_process', args: [arg('NAME', define('track_process'))], block: 'vrrp_track_process', repeatable: true, since: '2.0.11', doc: 'Watch for a process (via proc events) and let instances that track it fail over when it is not running.', example: 'vrrp_track_process proc_sshd' },
  { name: 'interface_up_down_delays', args: [], block: 'interface_up_down_delays', repeatable: true, since: '2.2.3', doc: 'Per-interface delays before a link going down or up is acted on.', example: 'interface_up_down_delays' },
  { name: 'track_file', args: [arg('NAME', define('track_file'))], block: 'track_file', repeatable: true, since: '2.1.0', doc: 'A file holding a number that instances (and checkers) tracking it add, times a weight, to their priority; writing to it lets an operator drain a node.', example: 'track_file tf_maint' },
  { name: 'vrrp_track_file', args: [arg('NAME', define('track_file'))], block: 'track_file', repeatable: true, since: '2.0.0', deprecated: { replacement: 'track_file' }, doc: 'Old name of track_file (before 2.1.0).', example: 'vrrp_track_file tf_old' },
];

export const vrrpBlocks: readonly BlockSpec[] = [
  { id: 'root', title: 'top level', keywords: rootKeywords },
  ...vrrpInstanceBlocks,
  ...vrrpObjectBlocks,
  ...vrrpValueBlocks,
];
