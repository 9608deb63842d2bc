import type { BlockSpec, KeywordSpec } from './types';
import { optionalBool } from './global-args';

/**
 * `bfd_instance NAME { ... }`: keywords registered by init_bfd_keywords() in upstream's
 * keepalived/bfd/bfd_parser.c. Intervals are milliseconds with microsecond resolution.
 */

const MAX_MS = 4294967; // UINT32_MAX microseconds, expressed in milliseconds

const keywords: KeywordSpec[] = [
  { name: 'source_ip', args: [{ name: 'ADDRESS', type: { kind: 'ip' } }], since: '2.0.0', doc: 'Local address BFD packets are sent from; must be of the same family as the neighbour. Needed in practice so that the local port is valid.', example: 'source_ip 192.0.2.1' },
  { name: 'neighbor_ip', args: [{ name: 'ADDRESS', type: { kind: 'ip' } }], since: '2.0.0', doc: 'Address of the BFD peer. keepalived disables a bfd_instance that has neither this nor neighbour_ip.', example: 'neighbor_ip 192.0.2.2' },
  { name: 'neighbour_ip', args: [{ name: 'ADDRESS', type: { kind: 'ip' } }], since: '2.0.0', doc: 'British spelling of `neighbor_ip`; both are accepted.', example: 'neighbour_ip 192.0.2.2' },
  { name: 'min_rx', args: [{ name: 'MS', type: { kind: 'number', min: 1, max: MAX_MS, decimals: 3 } }], veryLargeFrom: { value: 10000.001, meaning: 'the shortest interval between BFD packets this end accepts, in ms' }, since: '2.0.0', default: '10', doc: 'Shortest interval, in milliseconds, at which this end wants to receive BFD packets.', example: 'min_rx 10' },
  { name: 'min_tx', args: [{ name: 'MS', type: { kind: 'number', min: 1, max: MAX_MS, decimals: 3 } }], veryLargeFrom: { value: 10000.001, meaning: 'the interval between BFD packets this end sends, in ms' }, since: '2.0.0', default: '10', doc: 'Interval, in milliseconds, at which this end would like to send BFD packets.', example: 'min_tx 10' },
  { name: 'idle_tx', args: [{ name: 'MS', type: { kind: 'number', min: 1000, max: MAX_MS, decimals: 3 } }], veryLargeFrom: { value: 10000.001, meaning: 'the interval between BFD packets while the session is down, in ms' }, since: '2.0.0', default: '1000', doc: 'Transmit interval in milliseconds while the session is not up.', example: 'idle_tx 1000' },
  { name: 'multiplier', args: [{ name: 'COUNT', type: { kind: 'int', min: 1, max: 255 } }], since: '2.0.0', default: '5', doc: 'Missed packets after which the session is declared down.', example: 'multiplier 5' },
  { name: 'passive', args: [], since: '2.0.0', doc: 'Wait for the peer to start the session instead of sending first.', example: 'passive' },
  { name: 'ttl', args: [{ name: 'TTL', type: { kind: 'int', min: 1, max: 255 } }], since: '2.0.0', default: '255', doc: 'TTL of outgoing IPv4 BFD packets.', example: 'ttl 255' },
  { name: 'hoplimit', args: [{ name: 'HOPS', type: { kind: 'int', min: 1, max: 255 } }], since: '2.0.0', default: '64', doc: 'Hop limit of outgoing IPv6 BFD packets (same setting as `ttl`).', example: 'hoplimit 64' },
  { name: 'max_hops', args: [{ name: 'HOPS', type: { kind: 'int', min: -1, max: 255 } }], since: '2.0.0', default: '0', doc: 'How far the TTL/hop limit of received packets may have been decremented; 255 turns the check off. Capped at ttl.', example: 'max_hops 0' },
  { name: 'multihop', args: optionalBool, since: '2.2.8', doc: 'Use the multihop BFD port 4784 (RFC 5883) instead of 3784; set max_hops as well.', example: 'multihop' },
  { name: 'weight', args: [{ name: 'WEIGHT', type: { kind: 'int', min: -253, max: 253 } }, { name: 'reverse', type: { kind: 'enum', values: ['reverse'] }, optional: true }], since: '2.0.0', doc: 'Default priority change for VRRP instances tracking this BFD session: positive weights add while up, negative subtract while down; `reverse` inverts that.', example: 'weight -20' },
  { name: 'vrrp', args: [], since: '2.0.0', doc: 'Send this session\'s events only to the VRRP process (by default both VRRP and checker get them).', example: 'vrrp' },
  { name: 'checker', args: [], since: '2.0.0', doc: 'Send this session\'s events only to the checker process.', example: 'checker' },
];

export const bfdBlocks: readonly BlockSpec[] = [{ id: 'bfd_instance', title: 'bfd_instance block', keywords }];
