/**
 * Message cases of the words after a forwarding method (tunnel options), of checkers' connection options and
 * of UDP_CHECK's reply settings (check/check_parser.c, check_api.c, check_udp.c).
 */
import type { MessageCase } from './messageTable';

/** a virtual server whose lb_kind (line 3) is `kind` */
const lbKind = (kind: string) => ['virtual_server 192.0.2.100 80 {', '  lb_algo rr', `  lb_kind ${kind}`, '  protocol TCP', '  real_server 192.0.2.11 80 {', '  }', '}'];
/** a DR virtual server with `lines` on lines 5-… and one real server after them */
const vs = (...lines: string[]) => ['virtual_server 192.0.2.100 80 {', '  lb_algo rr', '  lb_kind DR', '  protocol TCP', ...lines, '  real_server 192.0.2.11 80 {', '  }', '}'];
/** a forwarding line whose tunnel options keepalived ignores (it keeps the method) */
const tunnel = (format: string, config: string[], line: number, code: string): MessageCase => ({ formats: [format], config, line, code, severity: 'error', says: /ignores this line's tunnel options/ });

export const CHECKER_OPTION_CASES: readonly MessageCase[] = [
  // check_parser.c, svr_forwarding_handler: the words after NAT, DR or TUN (any of them) are tunnel options
  tunnel('Missing tunnel type for %s server.', lbKind('TUN type'), 3, 'argument-count'),
  tunnel('Unknown tunnel type %s for %s server.', lbKind('TUN type foo'), 3, 'invalid-value'),
  tunnel('Unknown tunnel type %s for %s server.', vs('  sorry_server 192.0.2.50 80', '  sorry_server_lvs_method TUN type GUE port 6080'), 6, 'invalid-value'),
  tunnel('Missing port for %s server gue tunnel.', lbKind('TUN type gue port'), 3, 'argument-count'),
  // read_unsigned says it first ("number '0' outside range")
  tunnel('Invalid gue tunnel port %s for %s server.', lbKind('TUN type gue port 0'), 3, 'invalid-number'),
  tunnel('Invalid tunnel option %s for %s server.', lbKind('TUN type ipip foo'), 3, 'invalid-value'),
  tunnel('gue tunnels require port, otherwise cannot have port.', lbKind('TUN type gue'), 3, 'missing-required'),
  // a port without a type: the type is ipip
  tunnel('gue tunnels require port, otherwise cannot have port.', lbKind('NAT port 6080'), 3, 'invalid-argument'),
  tunnel('ipip tunnels do not support checksum option.', vs('  real_server 192.0.2.12 80 {', '    lvs_method TUN csum', '  }'), 6, 'invalid-argument'),
  tunnel('gre tunnels do not support remote checksum option.', lbKind('TUN type gre remcsum'), 3, 'invalid-argument'),
];
