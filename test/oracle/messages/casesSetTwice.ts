/**
 * Message cases of settings given twice where keepalived keeps the first and ignores the repeat: the linter's
 * duplicate-keyword finding must say so (most repeats keep the last value instead).
 */
import { globalDefs, KEEPS_FIRST } from './configParts';
import type { MessageCase } from './messageTable';

/** `keyword` twice in global_defs (lines 2 and 3) */
const globalTwice = (format: string, keyword: string, first: string, second: string): MessageCase => ({
  formats: [format],
  config: globalDefs(`  ${keyword} ${first}`, `  ${keyword} ${second}`),
  line: 3,
  code: 'duplicate-keyword',
  severity: 'warning',
  says: KEEPS_FIRST,
});
/** a top-level keyword twice (lines 1 and 2) */
const topLevelTwice = (format: string, keyword: string): MessageCase => ({ formats: [format], config: [`${keyword} first`, `${keyword} second`], line: 2, code: 'duplicate-keyword', severity: 'warning', says: KEEPS_FIRST });
/** a NAT virtual server whose lines 5 and 6 are `lines` */
const service = (...lines: string[]) => ['virtual_server 192.0.2.100 80 {', '  lb_algo rr', '  lb_kind NAT', '  protocol TCP', ...lines, '  real_server 192.0.2.11 80 {', '  }', '}'];
/** a real server (line 5) whose lines 6 and 7 are `lines` */
const realServer = (...lines: string[]) => ['virtual_server 192.0.2.100 80 {', '  lb_algo rr', '  lb_kind NAT', '  protocol TCP', '  real_server 192.0.2.11 80 {', ...lines, '  }', '}'];
const inService = (format: string, lines: string[], line: number): MessageCase => ({ formats: [format], config: service(...lines), line, code: 'duplicate-keyword', severity: 'warning', says: KEEPS_FIRST });
const inRealServer = (format: string, lines: string[], line: number): MessageCase => ({ formats: [format], config: realServer(...lines), line, code: 'duplicate-keyword', severity: 'warning', says: KEEPS_FIRST });

export const SET_TWICE_CASES: readonly MessageCase[] = [
  globalTwice('%s script already specified', 'startup_script', '/bin/true', '/bin/false'),
  globalTwice('%snotify_fifo already specified - ignoring %s', 'notify_fifo', '/tmp/keepalived-message-test-fifo1', '/tmp/keepalived-message-test-fifo2'),
  globalTwice('%snotify_fifo_script already specified - ignoring %s', 'vrrp_notify_fifo_script', '/bin/true', '/bin/false'),
  globalTwice('SNMP socket already set to %s - ignoring', 'snmp_socket', 'udp:192.0.2.4:705', 'udp:192.0.2.5:705'),
  globalTwice('vmac prefix has already been specified - ignoring %s', 'vmac_prefix', 'vrrp', 'vr'),
  globalTwice('vmac_addr prefix has already been specified - ignoring %s', 'vmac_addr_prefix', '02:00:5e', '02:00:5f'),
  { formats: ['nftables already specified - ignoring'], config: globalDefs('  nftables', '  nftables keepalived2'), line: 3, code: 'duplicate-keyword', severity: 'warning', says: KEEPS_FIRST },
  topLevelTwice('Duplicate net_namespace definition %s - ignoring', 'net_namespace'),
  topLevelTwice('Duplicate net_namespace_ipvs definition %s - ignoring', 'net_namespace_ipvs'),
  topLevelTwice('Duplicate instance definition %s - ignoring', 'instance'),
  inService('(%s) quorum_up script already specified - ignoring %s', ['  quorum_up /bin/true', '  quorum_up /bin/false'], 6),
  inService('(%s) quorum_down script already specified - ignoring %s', ['  quorum_down /bin/true', '  quorum_down /bin/false'], 6),
  inRealServer('(%s) notify_up script already specified - ignoring %s', ['    notify_up /bin/true', '    notify_up /bin/false'], 7),
  inRealServer('(%s) notify_down script already specified - ignoring %s', ['    notify_down /bin/true', '    notify_down /bin/false'], 7),
  inRealServer('DNS_CHECK name already specified - ignoring', ['    DNS_CHECK {', '      name www.example.com', '      name www.example.org', '    }'], 8),
  // 2.2.7 replaced the first helo name with the second: there the finding says keepalived keeps the last
  inRealServer('SMTP_CHECK helo name already specified', ['    SMTP_CHECK {', '      helo_name mx1.example.com', '      helo_name mx2.example.com', '    }'], 8),
  inRealServer("Digest '%s' is a duplicate", ['    HTTP_GET {', '      url {', '        path /', '        digest 0123456789abcdef0123456789abcdef', '        digest fedcba9876543210fedcba9876543210', '      }', '    }'], 10),
  { formats: ['File already set for track file %s - ignoring %s'], config: ['track_file tf {', '  file /tmp/keepalived-message-test-a', '  file /tmp/keepalived-message-test-b', '}'], line: 3, code: 'duplicate-keyword', severity: 'warning', says: KEEPS_FIRST },
  { formats: ['Weight already set for track file %s - ignoring %s'], config: ['track_file tf {', '  file /tmp/keepalived-message-test-a', '  weight 2', '  weight 3', '}'], line: 4, code: 'duplicate-keyword', severity: 'warning', says: KEEPS_FIRST },
  { formats: ['Process already set for track process %s - ignoring %s'], config: ['vrrp_track_process p {', '  process nginx', '  process haproxy', '}'], line: 3, code: 'duplicate-keyword', severity: 'warning', says: KEEPS_FIRST },
  { formats: ['Weight already set for track process %s - ignoring %s'], config: ['vrrp_track_process p {', '  process nginx', '  weight 2', '  weight 3', '}'], line: 4, code: 'duplicate-keyword', severity: 'warning', says: KEEPS_FIRST },
];
