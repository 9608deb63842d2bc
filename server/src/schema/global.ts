import type { BlockSpec } from './types';
import { globalDefsBlocks } from './global-defs';
import { bfdBlocks } from './global-bfd';

/**
 * The GLOBAL domain: root keywords registered in upstream's keepalived/core/global_parser.c and
 * keepalived/bfd/bfd_parser.c, the global_defs block and the bfd_instance block.
 */
export const globalBlocks: readonly BlockSpec[] = [
  {
    id: 'root',
    title: 'top level',
    keywords: [
      { name: 'global_defs', args: [], block: 'global_defs', repeatable: true, doc: 'Settings that apply to the whole daemon: notification e-mail, router id, script security, VRRP and LVS defaults.', example: 'global_defs' },
      { name: 'linkbeat_use_polling', args: [], doc: 'Detect link loss by polling the interfaces (ETHTOOL, MII or ioctl) instead of listening to netlink.', example: 'linkbeat_use_polling' },
      // No example: with a namespace that does not exist, `keepalived -t` silently stops checking.
      { name: 'net_namespace', args: [{ name: 'NAME', type: { kind: 'string' } }], since: '1.2.24', keepsFirst: true, doc: 'Run keepalived inside this network namespace; pid files go to the keepalived run directory and the log ident gets _NAME appended. Cannot change on reload.' },
      { name: 'net_namespace_ipvs', args: [{ name: 'NAME', type: { kind: 'string' }, optional: true }], since: '2.1.0', keepsFirst: true, doc: 'Configure IPVS in this network namespace (the default namespace when NAME is omitted), so VIP traffic and health checks can live in different namespaces.', example: 'net_namespace_ipvs lvs' },
      { name: 'namespace_with_ipsets', args: [], since: '1.3.0', doc: 'Use ipsets inside a network namespace even on kernels before 3.13, where ipsets are not namespace-aware.', example: 'namespace_with_ipsets' },
      { name: 'use_pid_dir', args: [], since: '1.2.24', doc: 'Put the pid files in the keepalived run directory (/run/keepalived) instead of /run.', example: 'use_pid_dir' },
      { name: 'instance', args: [{ name: 'NAME', type: { kind: 'string' } }], since: '1.2.24', keepsFirst: true, doc: 'Name of this keepalived instance, used in pid file names so that several instances can share a namespace. Cannot change on reload.', example: 'instance lb1' },
      { name: 'child_wait_time', args: [{ name: 'SECONDS', type: { kind: 'int', min: 0, max: 4294967295 } }], since: '2.0.0', default: '5', doc: 'Seconds the parent waits for the child processes to exit at shutdown; raise it for very large configurations.', example: 'child_wait_time 5' },
      { name: 'bfd_instance', args: [{ name: 'NAME', type: { kind: 'define', symbol: 'bfd_instance' } }], block: 'bfd_instance', repeatable: true, since: '2.0.0', doc: 'A BFD session (RFC 5880) with one neighbour; VRRP instances and real servers can track it with track_bfd.', example: 'bfd_instance BFD_1' },
    ],
  },
  ...globalDefsBlocks,
  ...bfdBlocks,
];
