/**
 * What keepalived settles once a virtual_server is read (semantic/lvsFamily.ts, lvsSettings.ts, lvs.ts,
 * lvsForms.ts; the message table holds the configs it complains about): the valid near-variants, where
 * keepalived 2.2.7 and 2.4.3 print nothing and the linter must stay as quiet.
 */
import { describeQuiet } from '../helpers/quietConfigs';

const service = (head: string, method: string, ...lines: string[]) => [head, '    lb_algo rr', `    lb_kind ${method}`, ...lines.map((l) => `    ${l}`), '}'];
const dr = (...lines: string[]) => service('virtual_server 192.0.2.100 80 {', 'DR', 'protocol TCP', ...lines);
const RS = ['real_server 192.0.2.11 80 {', '}'];
const group = (...entries: string[]) => ['virtual_server_group G {', ...entries.map((e) => `    ${e}`), '}'];

const QUIET: Record<string, string[]> = {
  'an IPv6 real server under an IPv4 service, tunnelled': dr('real_server 2001:db8::5 80 {', '    lvs_method TUN', '}', ...RS),
  'an IPv6 sorry server under an IPv4 service, tunnelled': dr('sorry_server 2001:db8::5 80', 'sorry_server_lvs_method TUN', ...RS),
  'an fwmark service of IPv6 real servers named by ip_family': service('virtual_server fwmark 7 {', 'DR', 'ip_family inet6', 'real_server 2001:db8::5 {', '}'),
  'an fwmark service whose first real server is tunnelled and of the other family': service('virtual_server fwmark 7 {', 'DR', 'real_server 2001:db8::5 {', '    lvs_method TUN', '}', 'real_server 192.0.2.11 {', '}'),
  'ip_family that agrees with the service address': dr('ip_family inet', ...RS),
  'persistence granularity as a netmask (IPv4) and as a prefix length (IPv6)': [
    ...dr('persistence_timeout 60', 'persistence_granularity 255.255.255.0', ...RS),
    ...service('virtual_server 2001:db8::100 80 {', 'DR', 'protocol TCP', 'persistence_granularity 64', 'real_server 2001:db8::5 80 {', '}'),
  ],
  'persistence granularity of fwmark services, after ip_family or an IPv6 real server': [
    ...service('virtual_server fwmark 7 {', 'DR', 'ip_family inet6', 'persistence_granularity 64', 'real_server 2001:db8::5 {', '}'),
    ...service('virtual_server fwmark 8 {', 'DR', 'real_server 2001:db8::5 {', '}', 'persistence_granularity 48'),
    ...service('virtual_server fwmark 9 {', 'DR', 'persistence_granularity 255.255.0.0', 'real_server 192.0.2.11 {', '}'),
  ],
  'a DR sorry server on the service port': dr('sorry_server 192.0.2.50 80', ...RS),
  'a DR sorry server without a port': dr('sorry_server 192.0.2.50', ...RS),
  'a NAT sorry server on another port': dr('sorry_server 192.0.2.50 8080', 'sorry_server_lvs_method NAT', ...RS),
  'sorry_server_lvs_method after sorry_server': dr('sorry_server 192.0.2.50 80', 'sorry_server_lvs_method DR', ...RS),
  'an fwmark service with a sorry server without a port': service('virtual_server fwmark 5 {', 'DR', 'sorry_server 192.0.2.50', 'real_server 192.0.2.11 {', '}'),
  'group ranges and prefixes keepalived keeps': [
    ...group('192.0.2.100-101 80', '192.0.2.0/24 80', '192.0.2.10-192.0.3.5 80', '2001:db8::10-11 80', '2001:db8::/64 80', '2001:db8::10-2001:db8::20 80', 'fwmark 7 inet', 'fwmark 8 inet6'),
    ...service('virtual_server group G {', 'DR', 'protocol TCP', 'real_server 192.0.2.11 {', '}'),
  ],
  'a group whose entries all use the real servers\' port': [...group('192.0.2.200 80', '192.0.2.0/24 80'), ...service('virtual_server group G {', 'DR', 'protocol TCP', ...RS, 'sorry_server 192.0.2.50 80')],
  'a NAT group with real servers on another port': [...group('192.0.2.200 80', 'fwmark 7'), ...service('virtual_server group G {', 'NAT', 'protocol TCP', 'real_server 192.0.2.11 8080 {', '}')],
  'tunnel options: each type with the port and checksums it takes, in any order, after any method': [
    ...service('virtual_server 192.0.2.100 80 {', 'TUN type gue port 6080 csum', 'protocol TCP', 'sorry_server 192.0.2.50 80', 'sorry_server_lvs_method TUN type gre csum', 'real_server 192.0.2.11 80 {', '    lvs_method TUN type ipip nocsum', '}', 'real_server 192.0.2.12 80 {', '    lvs_method TUN port 5555 remcsum type gue', '}'),
    ...service('virtual_server 192.0.2.101 80 {', 'TUN type ipip type gre', 'protocol TCP', 'lvs_method DR type ipip', ...RS),
  ],
  'UDP_CHECK data with blanks, wildcards and a last byte below ff; reply lengths in order': [
    ...service('virtual_server 192.0.2.100 53 {', 'NAT', 'protocol UDP', 'real_server 192.0.2.11 53 {', '    UDP_CHECK {', '        payload "0a 0b" 0c', '        require_reply 0a XX "f0x 1" 0x0a', '        min_reply_length 4', '        max_reply_length 512', '    }', '    UDP_CHECK {', '        payload ff 0a', '        require_reply', '        min_reply_length 255', '    }', '}'),
  ],
  'checker connections: connect_ip and bindto of one family, whatever the real server; a link-local one with bind_if': [
    ...service('virtual_server 192.0.2.100 80 {', 'NAT', 'protocol TCP', 'real_server 192.0.2.11 80 {', '    TCP_CHECK {', '        connect_ip 2001:db8::20', '        bindto 2001:db8::1', '    }', '    TCP_CHECK {', '        connect_ip fe80::1', '        bind_if eth0', '    }', '    SMTP_CHECK {', '        bindto 192.0.2.5', '        connect_ip 192.0.2.20', '    }', '    PING_CHECK {', '        bindto 192.0.2.5', '    }', '}'),
  ],
  'BFD: one real server on two instances, two on one; a 31-character name; max_hops within the ttl': [
    'bfd_instance B1 {', '    neighbor_ip 192.0.2.1', '    max_hops -1', '}',
    'bfd_instance B2 {', '    neighbor_ip 2001:db8::1', '    hoplimit 100', '    max_hops 100', '}',
    'bfd_instance abcdefghijklmnopqrstuvwxyzABCDE {', '    neighbor_ip 192.0.2.3', '    ttl 10', '    max_hops 10', '}',
    ...service('virtual_server 192.0.2.100 80 {', 'NAT', 'protocol TCP', 'real_server 192.0.2.11 80 {', '    BFD_CHECK {', '        name B1', '    }', '    BFD_CHECK {', '        name B2', '    }', '}', 'real_server 192.0.2.12 80 {', '    BFD_CHECK {', '        name B1', '    }', '    BFD_CHECK {', '        name abcdefghijklmnopqrstuvwxyzABCDE', '    }', '}'),
  ],
  'a sorry server that is a real server with the same inhibit setting, or on another port; a 16-character persistence engine': [
    ...dr('persistence_timeout 60', 'persistence_engine abcdefghijklmnop', 'inhibit_on_failure', 'sorry_server 192.0.2.11 80', 'sorry_server_inhibit', 'real_server 192.0.2.11 80 {', '}'),
    ...service('virtual_server 192.0.2.101 80 {', 'NAT', 'protocol TCP', 'sorry_server 192.0.2.11 8080', 'real_server 192.0.2.11 80 {', '    inhibit_on_failure', '}', 'real_server 192.0.2.12 80 {', '    inhibit_on_failure no', '}'),
  ],
  'checker values written as keepalived wants them': [
    'virtual_server 192.0.2.100 80 {',
    '    lb_algo rr',
    '    lb_kind NAT',
    '    protocol TCP',
    '    real_server 192.0.2.11 80 {',
    '        DNS_CHECK {',
    '            name _dmarc.example.com',
    '        }',
    '    }',
    '    real_server 192.0.2.12 80 {',
    '        HTTP_GET {',
    '            url {',
    '                path /',
    '                digest 0123456789abcdef0123456789ABCDEF',
    '            }',
    '        }',
    '    }',
    '}',
  ],
};

describeQuiet('virtual servers as keepalived settles them: the valid near-variants, keepalived and the linter both quiet', QUIET);
