/** Message cases of virtual_rules lines, read word by word as keepalived's alloc_rule reads them (vrrp_iprule.c). */
import { instance } from './configParts';
import type { MessageCase } from './messageTable';

/** an instance whose virtual_rules block holds `words` on line 4 */
const rule = (words: string) => instance('  virtual_rules {', `    ${words}`, '  }');
const dropped = (format: string, words: string, code: string): MessageCase => ({ formats: [format], config: rule(words), line: 4, code, severity: 'error' });

export const RULE_CASES: readonly MessageCase[] = [
  { formats: ['Rule has no preference specified - setting to %u. This is probably not what you want.'], config: rule('from 192.0.2.10 table 100'), line: 4, code: 'rule-without-preference', severity: 'warning' },
  dropped('rule specification has mixed IPv4 and IPv6', 'from 192.0.2.0/24 to 2001:db8::1 table 100 preference 10', 'ip-family-mismatch'),
  dropped('inet6 specified for IPv4 rule', 'from 192.0.2.10 table 100 preference 10 inet6', 'ip-family-mismatch'),
  dropped('inet specified for IPv6 rule', 'from 2001:db8::1 table 100 preference 10 inet', 'ip-family-mismatch'),
  dropped('realms is only valid for IPv4', 'from 2001:db8::1 table 100 realms 5 preference 10', 'ip-family-mismatch'),
  dropped('Unknown rule option %s', 'from 192.0.2.10 frobnicate table 100 preference 10', 'invalid-argument'),
  // keepalived steps over the word after inet6 too: `from` is lost and the address is read as an option
  dropped('Unknown rule option %s', 'inet6 from 2001:db8::1 table 100 preference 10', 'invalid-argument'),
  dropped('invalid realms %s for rule', 'from 192.0.2.10 table 100 realms 256 preference 10', 'invalid-number'),
  dropped('suppress_group %s is invalid', 'from 192.0.2.10 table 100 suppress_ifgroup 2147483648 preference 10', 'invalid-number'),
  // keepalived ignores the protocol and keeps the rule; it reads numbers only up to 127
  dropped('Invalid ipproto %s', 'from 192.0.2.10 table 100 ipproto 132 preference 10', 'invalid-number'),
  dropped('Table 0 is not valid', 'from 192.0.2.10 table 0 preference 10', 'invalid-value'),
  dropped('Cannot specify more than one of table/nop/goto/blackhole/prohibit/unreachable/l3mdev for rule', 'from 192.0.2.10 table 100 blackhole preference 10', 'invalid-argument'),
  dropped('Cannot specify more than one of table/nop/goto/blackhole/prohibit/unreachable for rule', 'from 192.0.2.10 nop table 100 preference 10', 'invalid-argument'),
  dropped('Cannot specify l3mdev with other action', 'from 192.0.2.10 table 100 l3mdev preference 10', 'invalid-argument'),
  dropped('No action specified for rule - ignoring', 'from 192.0.2.10 preference 10', 'missing-required'),
  dropped('Invalid rule - goto target %u specified without preference', 'from 192.0.2.10 goto 200', 'missing-required'),
  dropped('Invalid rule - preference %u >= goto target %u', 'from 192.0.2.10 preference 300 goto 200', 'invalid-number'),
  dropped('Invalid target %s specified', 'from 192.0.2.10 preference 10 goto next', 'invalid-number'),
  dropped('Invalid rule action %s', 'from 192.0.2.10 type unicast preference 10', 'invalid-value'),
  dropped('Invalid rule preference %s specified', 'from 192.0.2.10 table 100 preference first', 'invalid-number'),
  dropped('Invalid rule fwmark %s specified', 'from 192.0.2.10 table 100 preference 10 fwmark 1x', 'invalid-number'),
  dropped('suppressor/realm specified for non table action - skipping', 'from 192.0.2.10 nop suppress_prefixlength 0 preference 10', 'invalid-argument'),
  dropped('Invalid suppress_prefixlength %s specified', 'from 192.0.2.10 table 100 suppress_prefixlength all preference 10', 'invalid-number'),
  dropped('Invalid uidrange %s specified', 'from 192.0.2.10 table 100 preference 10 uidrange 1000', 'invalid-value'),
  dropped('Invalid tunnel-id %s specified', 'from 192.0.2.10 table 100 preference 10 tunnel-id x1', 'invalid-number'),
  // keepalived keeps the rule and ignores the value
  dropped('Invalid protocol %s', 'from 192.0.2.10 table 100 preference 10 protocol 300', 'invalid-number'),
  dropped('invalid sport range %s', 'from 192.0.2.10 table 100 preference 10 sport 80', 'invalid-value'),
  dropped('invalid dport range %s', 'from 192.0.2.10 table 100 preference 10 dport http', 'invalid-value'),
  { formats: ['Rule cannot be tracked if protocol is not RTPROT_KEEPALIVED(%d), resetting protocol'], config: rule('from 192.0.2.10 table 100 preference 10 protocol 4'), line: 4, code: 'ineffective-setting', severity: 'warning' },
];
