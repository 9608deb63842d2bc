import type { BlockSpec, KeywordSpec } from './types';
import { CMD, IFACE, PATH, STR, MICROSECONDS, arg, int, num, oneOf, opt, optionalBool, weightArgs } from './vrrp-args';
import { TRACK_BLOCKS } from './vrrp-values';

/**
 * The named top-level VRRP objects other than vrrp_instance: vrrp_script, track_file (also spelt
 * vrrp_track_file), vrrp_track_process, track_group, vrrp_sync_group and garp_group.
 */

const scriptKeywords: readonly KeywordSpec[] = [
  { name: 'script', args: [arg('COMMAND', CMD)], required: true, doc: 'The check to run, quoted when it has arguments. Exit 0 means success. keepalived removes a vrrp_script without it.', example: 'script "/bin/true"' },
  { name: 'interval', args: [arg('SECONDS', num(0.001, 4294))], fractionsSince: '2.3.2', default: '1', doc: 'Seconds between runs, up to 4294 (fractions from keepalived 2.3.2 on).', example: 'interval 2' },
  { name: 'timeout', args: [arg('SECONDS', num(0.001))], since: '1.2.6', doc: 'A run that lasts longer than this many seconds counts as a failure.', example: 'timeout 5' },
  { name: 'weight', args: weightArgs(-253, 253), default: '0', doc: 'Priority change while the script fails (negative) or succeeds (positive); 0 means failure puts the instance into FAULT. `reverse` inverts the effect.', example: 'weight -20' },
  { name: 'rise', args: [arg('COUNT', int(1))], default: '1', doc: 'Successes in a row needed before the check counts as OK.', example: 'rise 2' },
  { name: 'fall', args: [arg('COUNT', int(1))], default: '1', doc: 'Failures in a row needed before the check counts as failed.', example: 'fall 2' },
  { name: 'user', args: [arg('USER', STR), opt('GROUP', STR)], since: '1.3.0', doc: 'Run the script as this user (and group) instead of the global script user.', example: 'user nobody' },
  { name: 'init_fail', args: [], since: '1.3.2', doc: 'Treat the check as failed until its first run succeeds (by default it starts as OK).', example: 'init_fail' },
];

const trackFileKeywords: readonly KeywordSpec[] = [
  { name: 'file', args: [arg('PATH', PATH)], required: true, since: '2.0.0', keepsFirst: true, doc: 'File holding an integer that is watched with inotify; the block is ignored without it.', example: 'file "/run/keepalived-maint"' },
  { name: 'weight', args: weightArgs(-254, 254), default: '1', since: '2.0.0', keepsFirst: true, doc: 'Multiplier for the number in the file before it is added to the priority; `reverse` negates it.', example: 'weight 1' },
  { name: 'init_file', args: [opt('VALUE', int(-254, 254)), opt('overwrite', oneOf('overwrite'))], since: '2.0.0', doc: 'Create the file at start-up with VALUE (default 0) if it is missing; with `overwrite` rewrite it even if it exists.', example: 'init_file 0' },
];

const trackProcessKeywords: readonly KeywordSpec[] = [
  { name: 'process', args: [arg('NAME', STR)], freeTail: true, required: true, since: '2.0.11', keepsFirst: true, doc: 'Process name (or path) to look for; words after it are matched against its arguments. Without it the block is dropped.', example: 'process sshd' },
  { name: 'param_match', args: [opt('MODE', oneOf('initial', 'partial'))], since: '2.0.16', doc: 'How the arguments after `process` are compared: exactly (no word), as a prefix (`initial`) or anywhere (`partial`).', example: 'param_match initial' },
  { name: 'weight', args: weightArgs(-254, 254), since: '2.0.11', keepsFirst: true, doc: 'Priority change when the process count drops below quorum; 0 (default) means FAULT instead.', example: 'weight -10' },
  { name: 'quorum', args: [arg('COUNT', int(1, 65535))], default: '1', since: '2.0.11', doc: 'Minimum number of matching processes for the check to pass.', example: 'quorum 1' },
  { name: 'quorum_max', args: [arg('COUNT', int(0, 65535))], since: '2.0.16', doc: 'Maximum number of matching processes; more counts as a failure.', example: 'quorum_max 4' },
  { name: 'delay', args: [arg('SECONDS', num(0.000001, 3600, MICROSECONDS))], since: '2.0.11', doc: 'Sets both terminate_delay and fork_delay.', example: 'delay 1' },
  { name: 'terminate_delay', args: [arg('SECONDS', num(0.000001, 3600, MICROSECONDS))], since: '2.0.16', doc: 'Wait this long after a process exits before counting it gone, so a quick restart does not cause a failover.', example: 'terminate_delay 2' },
  { name: 'fork_delay', args: [arg('SECONDS', num(0.000001, 3600, MICROSECONDS))], since: '2.0.16', doc: 'Wait this long after a process starts before counting it.', example: 'fork_delay 1' },
  { name: 'full_command', args: [], since: '2.0.11', doc: 'Match `process` against the full command line rather than the 15-character process name.', example: 'full_command' },
];

const trackGroupKeywords: readonly KeywordSpec[] = [
  { name: 'group', args: [], block: 'track_group.group', required: '2.2.8', keepsFirst: true, repeatEndsEnclosing: true, since: '2.0.3', doc: 'Block listing the vrrp_instances of this track group; a track group without members follows nothing, and keepalived 2.2.8 and later remove it with an error.', example: 'group' },
];

const gnotify = (name: string, state: string, since?: string): KeywordSpec => ({
  name,
  args: [arg('SCRIPT', CMD), opt('USER', STR), opt('GROUP', STR)],
  since,
  keepsFirst: true,
  doc: `Command run when the sync group ${state}, optionally followed by the user (and group) to run it as.`,
  example: `${name} "/bin/true"`,
});

const syncGroupKeywords: readonly KeywordSpec[] = [
  { name: 'group', args: [], block: 'vrrp_sync_group.group', required: true, keepsFirst: true, repeatEndsEnclosing: true, doc: 'Block listing the member vrrp_instances; keepalived removes a sync group without members.', example: 'group' },
  { name: 'track_interface', args: [], block: TRACK_BLOCKS.track_interface, repeatable: true, since: '2.0.0', doc: 'Interfaces tracked for every member of the group.', example: 'track_interface' },
  { name: 'track_script', args: [], block: TRACK_BLOCKS.track_script, repeatable: true, since: '2.0.0', doc: 'vrrp_scripts tracked for every member of the group.', example: 'track_script' },
  { name: 'track_file', args: [], block: TRACK_BLOCKS.track_file, repeatable: true, since: '2.0.0', doc: 'track_files tracked for every member of the group.', example: 'track_file' },
  { name: 'track_process', args: [], block: TRACK_BLOCKS.track_process, repeatable: true, since: '2.0.11', doc: 'vrrp_track_processes tracked for every member of the group.', example: 'track_process' },
  { name: 'track_bfd', args: [], block: TRACK_BLOCKS.track_bfd, repeatable: true, since: '2.0.0', doc: 'bfd_instances tracked for every member of the group.', example: 'track_bfd' },
  gnotify('notify_backup', 'becomes BACKUP'),
  gnotify('notify_master', 'becomes MASTER'),
  gnotify('notify_fault', 'enters FAULT'),
  gnotify('notify_stop', 'stops', '2.0.0'),
  { ...gnotify('notify', 'changes state'), doc: 'Command run on every state change of the group, with "GROUP", its name, the new state and priority as arguments.' },
  { name: 'smtp_alert', args: optionalBool, doc: 'Send an email on state changes of the group.', example: 'smtp_alert' },
  { name: 'global_tracking', args: [], since: '1.2.3', deprecated: { replacement: 'sync_group_tracking_weight', note: 'or track objects on the sync group itself' }, doc: 'Allow members to use tracking weights; all members then share their tracking.', example: 'global_tracking' },
  { name: 'sync_group_tracking_weight', args: [], since: '2.0.0', doc: 'Allow weighted tracking in the members; keepalived otherwise ignores the weights of a synced instance.', example: 'sync_group_tracking_weight' },
  { name: 'notify_priority_changes', args: optionalBool, since: '2.2.0', doc: 'Also report priority changes of the group to notify fifos and scripts.', example: 'notify_priority_changes' },
];

const garpGroupKeywords: readonly KeywordSpec[] = [
  { name: 'garp_interval', args: [arg('SECONDS', num(0, 4294.967295, MICROSECONDS))], veryLargeFrom: { value: 1, meaning: 'the pause between two gratuitous ARPs on these interfaces' }, since: '1.2.21', doc: 'Minimum gap between gratuitous ARPs sent on the group\'s interfaces (fractions allowed). Set this or gna_interval, or the group is dropped.', example: 'garp_interval 0.001' },
  { name: 'gna_interval', args: [arg('SECONDS', num(0, 4294.967295, MICROSECONDS))], veryLargeFrom: { value: 1, meaning: 'the pause between two neighbour adverts on these interfaces' }, since: '1.2.21', doc: 'Minimum gap between unsolicited neighbour advertisements (IPv6) on the group\'s interfaces.', example: 'gna_interval 0.001' },
  { name: 'interface', args: [arg('IFNAME', IFACE)], repeatable: true, since: '1.2.21', doc: 'An interface the pacing applies to; repeat the line for more.', example: 'interface eth0' },
  { name: 'interfaces', args: [], block: 'garp_group.interfaces', since: '1.2.21', doc: 'Block of interfaces that share the pacing (one aggregate limit).', example: 'interfaces' },
];

export const vrrpObjectBlocks: readonly BlockSpec[] = [
  { id: 'vrrp_script', title: 'vrrp_script block', keywords: scriptKeywords },
  { id: 'track_file', title: 'track_file block', keywords: trackFileKeywords },
  { id: 'vrrp_track_process', title: 'vrrp_track_process block', keywords: trackProcessKeywords },
  { id: 'track_group', title: 'track_group block', keywords: trackGroupKeywords },
  { id: 'vrrp_sync_group', title: 'vrrp_sync_group block', keywords: syncGroupKeywords },
  { id: 'garp_group', title: 'garp_group block', keywords: garpGroupKeywords },
];
