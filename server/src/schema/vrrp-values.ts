import type { BlockSpec } from './types';
import { CIDR, IFACE, IP, arg, many, num, oneOf, opt, ref } from './vrrp-args';

/**
 * VRRP value blocks: upstream reads each line of these as a list of words (alloc_value_block /
 * read_value_block), so they hold items, not keywords. Only the first word is typed; the options after it
 * are accepted as they come (`freeTail`), because upstream parses them in any order.
 */

/** Words that may open an ip-rule line (vrrp_iprule.c alloc_rule): selectors, actions and address family. */
const RULE_WORDS = [
  'from', 'to', 'not', 'inet', 'inet6', 'table', 'lookup', 'preference', 'order', 'priority', 'tos', 'dsfield',
  'fwmark', 'realms', 'suppress_prefixlength', 'sup_pl', 'suppress_ifgroup', 'sup_group', 'dev', 'iif', 'oif',
  'tunnel-id', 'uidrange', 'l3mdev', 'protocol', 'ipproto', 'sport', 'dport', 'no_track', 'track_group', 'type',
  'goto', 'nop', 'blackhole', 'unreachable', 'prohibit',
];

/** Words of an ip-route line (vrrp_iproute.c alloc_route): options, route types and the special destinations. */
export const ROUTE_OPTION_WORDS = [
  'to', 'default', 'inet', 'inet6', 'via', 'src', 'from', 'dev', 'oif', 'table', 'metric', 'priority', 'preference',
  'protocol', 'scope', 'tos', 'dsfield', 'onlink', 'encap', 'expires', 'mtu', 'hoplimit', 'advmss', 'rtt', 'rttvar',
  'reordering', 'window', 'cwnd', 'ssthresh', 'realms', 'rto_min', 'initcwnd', 'initrwnd', 'features', 'quickack',
  'congctl', 'pref', 'ttl-propagate', 'fastopen_no_cookie', 'add', 'append', 'prepend', 'nexthop', 'no_track',
  'track_group', 'vrf', 'blackhole', 'unreachable', 'prohibit', 'throw', 'local', 'broadcast', 'anycast', 'multicast',
  'unicast', 'nat', 'xresolve',
];

const addressItems = (what: string, extra: string) => ({
  args: [arg('ADDRESS[/PREFIX]', CIDR)],
  freeTail: true,
  doc: `${what}: an address with an optional prefix length (default /32 or /128), then options ` +
    `\`dev IFNAME\`, \`label NAME\`, \`scope SCOPE\`, \`brd ADDR|+|-\`, \`peer ADDR\`, \`preferred_lft SECS|forever\`, ` +
    `\`-nodad\`, \`home\`, \`noprefixroute\`, \`mngtmpaddr\`, \`autojoin\`, \`no_track\`${extra}.`,
});

const routeItems = (what: string) => ({
  // semantic/routeReader.ts reads every word of a route, the first too
  args: [arg('DEST|OPTION', { kind: 'enum', values: ROUTE_OPTION_WORDS, checkedElsewhere: true })],
  freeTail: true,
  doc: `${what}, in \`ip route\` syntax: a destination (or \`default\`, or a route type such as \`blackhole\`) with ` +
    'options like `via ADDR`, `dev IFNAME`, `src ADDR`, `table N`, `metric N`, `scope SCOPE`, `nexthop ...`, `no_track`. ' +
    'The words may come in any order.',
});

const ruleItems = (what: string) => ({
  // semantic/rules.ts reads every word of a rule, the first too
  args: [arg('SELECTOR', { kind: 'enum', values: RULE_WORDS, checkedElsewhere: true })],
  freeTail: true,
  doc: `${what}, in \`ip rule\` syntax, e.g. \`from ADDR table N priority N\`. ` +
    'Give `preference`/`priority`: without it keepalived picks one and warns.',
});

const trackedWeight = (what: string, min: number, max: number) =>
  `${what}, optionally followed by \`weight N\` (${min}..${max}) and \`reverse\`/\`noreverse\`. ` +
  'With no weight a failure puts the instance into FAULT; with a weight its priority moves by N instead. ' +
  'keepalived looks the name up while parsing, so define the object earlier in the file.';

export const vrrpValueBlocks: readonly BlockSpec[] = [
  {
    id: 'vrrp_instance.virtual_ipaddress',
    title: 'virtual_ipaddress block',
    keywords: [],
    items: { ...addressItems('One VIP per line', ', `use_vmac`'), example: '192.0.2.10/24 dev eth0 label eth0:vip' },
  },
  {
    id: 'vrrp_instance.virtual_ipaddress_excluded',
    title: 'virtual_ipaddress_excluded block',
    keywords: [],
    items: { ...addressItems('One address per line, added and removed with the VIPs but not carried in adverts', ', `use_vmac`'), example: '192.0.2.11/24 dev eth0' },
  },
  {
    id: 'static_ipaddress',
    title: 'static_ipaddress block',
    keywords: [],
    items: { ...addressItems('One address per line, set at start-up whatever the VRRP state', ', `track_group NAME`'), example: '192.0.2.20/24 dev eth0 scope global' },
  },
  {
    id: 'vrrp_instance.virtual_routes',
    title: 'virtual_routes block',
    keywords: [],
    items: { ...routeItems('One route per line, present only while the instance is MASTER'), example: '198.51.100.0/24 via 192.0.2.1 dev eth0' },
  },
  {
    id: 'static_routes',
    title: 'static_routes block',
    keywords: [],
    items: { ...routeItems('One route per line, set at start-up whatever the VRRP state'), example: '203.0.113.0/24 via 192.0.2.1 dev eth0' },
  },
  {
    id: 'vrrp_instance.virtual_rules',
    title: 'virtual_rules block',
    keywords: [],
    items: { ...ruleItems('One policy-routing rule per line, present only while the instance is MASTER'), example: 'from 192.0.2.10 table 100 priority 100' },
  },
  {
    id: 'static_rules',
    title: 'static_rules block',
    keywords: [],
    items: { ...ruleItems('One policy-routing rule per line, set at start-up whatever the VRRP state'), example: 'from 192.0.2.20 table 101 priority 101' },
  },
  {
    id: 'vrrp_instance.unicast_peer',
    title: 'unicast_peer block',
    keywords: [],
    items: {
      args: [arg('ADDRESS', IP)],
      freeTail: true,
      doc: 'One peer address per line, same family as the instance; adverts go to these by unicast instead of multicast. ' +
        'Options `min_ttl N` and `max_ttl N` (0..255) drop adverts from this peer outside that TTL range.',
      example: '192.0.2.2',
    },
  },
  {
    id: 'vrrp_instance.track_interface',
    title: 'track_interface block',
    keywords: [],
    items: { args: [arg('IFNAME', IFACE)], freeTail: true, doc: trackedWeight('One interface per line whose link state is watched', -253, 253).replace(/ keepalived looks.*$/, ''), example: 'eth0 weight -20' },
  },
  {
    id: 'vrrp_instance.track_script',
    title: 'track_script block',
    keywords: [],
    items: { args: [arg('SCRIPT', ref('vrrp_script'))], freeTail: true, doc: trackedWeight('One vrrp_script name per line; its weight defaults to the script\'s own', -253, 253), example: 'chk_web' },
  },
  {
    id: 'vrrp_instance.track_file',
    title: 'track_file block',
    keywords: [],
    items: { args: [arg('TRACK_FILE', ref('track_file'))], freeTail: true, doc: trackedWeight('One track_file name per line; the number in the file, times the weight, is added to the priority', -254, 254), example: 'tf_maint weight 1' },
  },
  {
    id: 'vrrp_instance.track_process',
    title: 'track_process block',
    keywords: [],
    items: { args: [arg('TRACK_PROCESS', ref('track_process'))], freeTail: true, doc: trackedWeight('One vrrp_track_process name per line', -254, 254), example: 'proc_sshd' },
  },
  {
    id: 'vrrp_instance.track_bfd',
    title: 'track_bfd block',
    keywords: [],
    items: { args: [arg('BFD', ref('bfd_instance'))], freeTail: true, doc: trackedWeight('One bfd_instance name per line', -253, 253), example: 'bfd_peer' },
  },
  {
    id: 'vrrp_sync_group.group',
    title: 'sync group member list',
    keywords: [],
    items: { args: [many('INSTANCE', ref('vrrp_instance'))], doc: 'Names of the vrrp_instances in this sync group, one or more per line. An instance can belong to one sync group only.', example: 'VI_1' },
  },
  {
    id: 'track_group.group',
    title: 'track group member list',
    keywords: [],
    items: { args: [many('INSTANCE', ref('vrrp_instance'))], doc: 'Names of the vrrp_instances whose state decides whether static addresses, routes and rules naming this track_group are set.', example: 'VI_1' },
  },
  {
    id: 'garp_group.interfaces',
    title: 'garp_group interfaces list',
    keywords: [],
    items: { args: [many('IFNAME', IFACE)], doc: 'Interfaces that share this group\'s gratuitous ARP / NA pacing, one or more per line.', example: 'eth1' },
  },
  {
    id: 'linkbeat_interfaces',
    title: 'linkbeat_interfaces block',
    keywords: [],
    items: {
      args: [arg('IFNAME', IFACE), opt('METHOD', oneOf('MII', 'ETHTOOL', 'IOCTL'))],
      doc: 'One interface per line whose link state is polled instead of learnt from netlink; the method picks how.',
      example: 'eth0 ETHTOOL',
    },
  },
  {
    id: 'interface_up_down_delays',
    title: 'interface_up_down_delays block',
    keywords: [],
    items: {
      args: [arg('IFNAME', IFACE), arg('DOWN_DELAY', num(0, 255)), opt('UP_DELAY', num(0, 255))],
      doc: 'One interface per line with the seconds a link must stay down (then up, default 0) before VRRP reacts, to ride out flapping links.',
      example: 'eth0 2 1',
    },
  },
];

/** Ids of value blocks opened by the tracking keywords, shared by vrrp_instance and vrrp_sync_group. */
export const TRACK_BLOCKS = {
  track_interface: 'vrrp_instance.track_interface',
  track_script: 'vrrp_instance.track_script',
  track_file: 'vrrp_instance.track_file',
  track_process: 'vrrp_instance.track_process',
  track_bfd: 'vrrp_instance.track_bfd',
} as const;
