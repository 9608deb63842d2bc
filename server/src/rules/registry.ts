// What each diagnostic code (codes.ts) means. Everything that describes codes to users reads this table:
// `keepalived-lint --list-rules`, SARIF's rules, the docs in docs/rules/ and the lint config's JSON Schema.
import { isRuleCode, type RuleCode } from './codes';

export { isRuleCode, RULE_CODES, type RuleCode } from './codes';

export type RuleSeverity = 'error' | 'warning' | 'information';
export type RuleCategory = 'syntax' | 'schema' | 'semantic' | 'cluster' | 'directive' | 'host';

export interface Rule {
  severity: RuleSeverity;
  category: RuleCategory;
  /** one line: what the finding means */
  summary: string;
  /**
   * 'safe': the quick fix keeps what keepalived does (keepalived-lint --fix applies it);
   * 'choice': quick fixes exist but one must be picked by a person (the editor offers them)
   */
  fix?: 'safe' | 'choice';
}

export const RULES: Record<RuleCode, Rule> = {
  // text and structure (the parser)
  syntax: { severity: 'error', category: 'syntax', summary: 'A character keepalived cannot read as part of a word' },
  'unterminated-quote': { severity: 'error', category: 'syntax', summary: 'A quote is not closed on its line' },
  'unexpected-open-brace': { severity: 'error', category: 'syntax', summary: "A '{' that follows no keyword" },
  'extra-close-brace': { severity: 'error', category: 'syntax', summary: "A '}' with no open block" },
  'missing-close-brace': { severity: 'error', category: 'syntax', summary: "A block that is never closed" },
  'nesting-too-deep': { severity: 'error', category: 'syntax', summary: 'Blocks nested deeper than keepalived reads' },
  'parameter-recursion': { severity: 'error', category: 'syntax', summary: 'A $PARAMETER that refers to itself' },
  'parameter-call': { severity: 'error', category: 'syntax', summary: 'A parameter keepalived defines itself (${_RANDOM ...}, ${_ENV ...}, ${_HASH}, ...) that the target release does not expand as written' },
  'invalid-sequence': { severity: 'error', category: 'syntax', summary: 'A ~SEQ line keepalived cannot expand' },
  'sequence-too-long': { severity: 'error', category: 'syntax', summary: 'A ~SEQ line producing more lines than the linter expands' },
  'expansion-too-large': { severity: 'error', category: 'syntax', summary: 'Parameter and sequence expansion grows beyond what the linter expands' },
  // against the keyword schema
  'unknown-keyword': { severity: 'error', category: 'schema', summary: 'A keyword keepalived does not know in this block', fix: 'choice' },
  'newer-keyword': { severity: 'warning', category: 'schema', summary: 'A keyword newer than the target keepalived release' },
  deprecated: { severity: 'warning', category: 'schema', summary: 'A deprecated keyword that has a current name', fix: 'safe' },
  'duplicate-keyword': { severity: 'warning', category: 'schema', summary: 'A keyword set twice in one block (the last value wins)' },
  'missing-required': { severity: 'error', category: 'schema', summary: 'A block lacks a keyword it needs', fix: 'choice' },
  'missing-block': { severity: 'error', category: 'schema', summary: "A keyword that opens a block has no '{'" },
  'unexpected-block': { severity: 'error', category: 'schema', summary: "A '{' after a keyword that takes no block" },
  'argument-count': { severity: 'error', category: 'schema', summary: 'Too few or too many arguments' },
  'invalid-number': { severity: 'error', category: 'schema', summary: 'A number that is malformed or out of range' },
  'invalid-value': { severity: 'error', category: 'schema', summary: 'A value outside the allowed words or codes' },
  'invalid-address': { severity: 'error', category: 'schema', summary: 'An IP address or prefix keepalived cannot parse' },
  'invalid-argument': { severity: 'error', category: 'schema', summary: 'An argument of the wrong form' },
  // one configuration
  'missing-include': { severity: 'warning', category: 'semantic', summary: 'An include that matches no file (an error for includes keepalived insists on)' },
  'include-cycle': { severity: 'error', category: 'semantic', summary: 'An include that leads back to the including file' },
  'duplicate-name': { severity: 'error', category: 'semantic', summary: 'Two definitions with the same name' },
  'undefined-reference': { severity: 'error', category: 'semantic', summary: 'A reference to a name the configuration does not define' },
  'reference-before-definition': { severity: 'error', category: 'semantic', summary: 'A name used before it is defined' },
  'instance-in-two-sync-groups': { severity: 'error', category: 'semantic', summary: 'A vrrp_instance listed in two sync groups' },
  'sync-group-single': { severity: 'warning', category: 'semantic', summary: 'A sync group with one instance' },
  'auth-pass-too-long': { severity: 'warning', category: 'semantic', summary: 'auth_pass longer than the 8 characters keepalived uses', fix: 'safe' },
  'nopreempt-with-master': { severity: 'warning', category: 'semantic', summary: 'nopreempt on an instance that starts as MASTER' },
  'preempt-delay-with-master': { severity: 'warning', category: 'semantic', summary: 'preempt_delay on an instance that starts as MASTER' },
  'ah-with-master': { severity: 'warning', category: 'semantic', summary: 'AH authentication on an instance that starts as MASTER' },
  'weight-in-sync-group': { severity: 'warning', category: 'semantic', summary: 'A tracking weight keepalived ignores in a sync group without sync_group_tracking_weight' },
  'strict-mode-reset': { severity: 'warning', category: 'semantic', summary: 'A setting strict mode (vrrp_strict) changes or refuses' },
  'tracked-by-sync-group': { severity: 'warning', category: 'semantic', summary: 'An interface tracked by both a vrrp_instance and its sync group' },
  'rule-without-preference': { severity: 'warning', category: 'semantic', summary: 'An ip rule without a preference, which keepalived numbers itself' },
  'weight-with-owner': { severity: 'warning', category: 'semantic', summary: 'A tracking weight keepalived ignores on the address owner (priority 255)' },
  'track-own-interface': { severity: 'warning', category: 'semantic', summary: "track_interface naming the instance's own interface" },
  'vrid-conflict': { severity: 'error', category: 'semantic', summary: 'Two instances with one VRID on one interface' },
  'missing-protocol': { severity: 'error', category: 'semantic', summary: 'A virtual server without protocol (so UDP)' },
  'missing-scheduler': { severity: 'error', category: 'semantic', summary: 'A virtual server without lvs_sched (so wlc)' },
  'missing-forwarding-method': { severity: 'error', category: 'semantic', summary: 'Real servers without lvs_method (so NAT)' },
  'zero-port-not-persistent': { severity: 'error', category: 'semantic', summary: 'A service on port 0 without persistence_timeout' },
  'ha-suspend-with-fwmark': { severity: 'warning', category: 'semantic', summary: 'ha_suspend on an fwmark virtual server' },
  'hysteresis-not-below-quorum': { severity: 'warning', category: 'semantic', summary: 'A hysteresis not below the quorum' },
  'protocol-with-fwmark': { severity: 'warning', category: 'semantic', summary: 'protocol set on an fwmark virtual server' },
  'port-with-fwmark': { severity: 'warning', category: 'semantic', summary: 'A real server port on an fwmark virtual server', fix: 'safe' },
  'quorum-above-weight': { severity: 'warning', category: 'semantic', summary: "quorum above the real servers' total weight" },
  'service-not-on-vip': { severity: 'warning', category: 'semantic', summary: 'A virtual server address that is no VIP of the cluster' },
  'ignored-argument': { severity: 'warning', category: 'schema', summary: 'An argument the target keepalived release does not read' },
  'empty-config': { severity: 'warning', category: 'semantic', summary: 'A main config that declares nothing' },
  'no-vip': { severity: 'warning', category: 'semantic', summary: 'A vrrp_instance without virtual_ipaddress (an error where keepalived insists on one)' },
  'duplicate-vip': { severity: 'warning', category: 'semantic', summary: 'A VIP listed twice in one instance' },
  'ineffective-setting': { severity: 'warning', category: 'semantic', summary: 'A setting keepalived resets because a setting it depends on is missing' },
  'loopback-interface': { severity: 'error', category: 'semantic', summary: 'VRRP on the loopback interface' },
  'advert-int-fraction': { severity: 'warning', category: 'semantic', summary: 'An advert_int the advert cannot carry exactly: a fraction under VRRPv2, finer than 10 ms under VRRPv3' },
  'advert-int-range': { severity: 'warning', category: 'semantic', summary: 'An advert_int above 40.95 s under VRRPv3' },
  'ignored-authentication': { severity: 'warning', category: 'semantic', summary: 'An authentication block keepalived ignores: VRRPv3, strict mode, no auth_pass, AH over IPv6' },
  'unicast-without-peers': { severity: 'warning', category: 'semantic', summary: 'A unicast setting without unicast peers, so adverts go by multicast' },
  'preemption-reset': { severity: 'warning', category: 'semantic', summary: 'nopreempt or preempt_delay that keepalived clears: priority 255, both together, strict mode' },
  'scheduler-flag': { severity: 'warning', category: 'semantic', summary: 'A scheduler flag for a scheduler other than sh or mh' },
  'sorry-server-order': { severity: 'warning', category: 'semantic', summary: 'sorry_server_inhibit before sorry_server' },
  'ops-without-udp': { severity: 'warning', category: 'semantic', summary: 'One-packet scheduling on a service that is not UDP' },
  'duplicate-real-server': { severity: 'warning', category: 'semantic', summary: 'A real server listed twice in one virtual server' },
  'real-server-port': { severity: 'warning', category: 'semantic', summary: 'A real or sorry server port other than the service port under DR or TUN' },
  'empty-group': { severity: 'warning', category: 'semantic', summary: 'A virtual_server_group with no entries, or a vrrp_sync_group or track_group left with no instance' },
  'ip-family-mismatch': { severity: 'error', category: 'semantic', summary: 'IPv4 and IPv6 addresses mixed in one route, rule, vrrp_instance or virtual_server' },
  // across the directors of a cluster
  'cluster-vrid-mismatch': { severity: 'error', category: 'cluster', summary: 'An instance has different VRIDs on the directors', fix: 'choice' },
  'cluster-auth-type-mismatch': { severity: 'error', category: 'cluster', summary: 'An instance has different auth_type on the directors', fix: 'choice' },
  'cluster-auth-pass-mismatch': { severity: 'error', category: 'cluster', summary: 'An instance has different auth_pass on the directors', fix: 'choice' },
  'cluster-advert-int-mismatch': { severity: 'error', category: 'cluster', summary: 'An instance has different advert_int on the directors (a warning under VRRPv3)', fix: 'choice' },
  'cluster-version-mismatch': { severity: 'error', category: 'cluster', summary: 'An instance speaks VRRPv2 on some directors and VRRPv3 on others' },
  'cluster-vip-mismatch': { severity: 'error', category: 'cluster', summary: 'An instance has different virtual_ipaddress on the directors', fix: 'choice' },
  'cluster-multiple-masters': { severity: 'warning', category: 'cluster', summary: 'More than one director has state MASTER for an instance (an error when they are address owners)' },
  'cluster-priority-tie': { severity: 'warning', category: 'cluster', summary: 'Directors share an instance priority' },
  'cluster-master-priority': { severity: 'error', category: 'cluster', summary: 'The MASTER director does not have the highest priority' },
  'cluster-unicast-src-missing': { severity: 'warning', category: 'cluster', summary: 'Unicast peering without unicast_src_ip' },
  'cluster-unicast-asymmetric': { severity: 'error', category: 'cluster', summary: "A director's unicast_peer list lacks a peer's source address" },
  'cluster-weight-too-small': { severity: 'warning', category: 'cluster', summary: 'A tracked check whose weight can never cause a failover' },
  'cluster-service-missing': { severity: 'error', category: 'cluster', summary: 'A virtual server defined on some directors only' },
  'cluster-service-mismatch': { severity: 'error', category: 'cluster', summary: 'A virtual server set up differently on the directors', fix: 'choice' },
  'ignored-address-suffix': { severity: 'warning', category: 'schema', summary: 'A /prefix or -range after an address that keepalived cuts off' },
  'unreadable-include': { severity: 'warning', category: 'semantic', summary: 'An include of something keepalived skips (not a regular file, or executable), or too large to read' },
  'lone-carriage-return': { severity: 'warning', category: 'syntax', summary: 'A carriage return that is no line break to keepalived' },
  'line-too-long': { severity: 'error', category: 'syntax', summary: "A line longer than keepalived's 1023-byte line buffer, which it reads in pieces" },
  'ending-backslash': { severity: 'warning', category: 'syntax', summary: 'A backslash ending a line: keepalived continues no line, it keeps the backslash (an error where it crashes a process)' },
  'too-many-diagnostics': { severity: 'information', category: 'directive', summary: 'More findings in one file than the linter lists' },
  // this machine (keepalived-lint --host-checks, keepalived.hostChecks.enable)
  'host-interface-missing': { severity: 'error', category: 'host', summary: 'An interface that does not exist on this host' },
  'host-script-missing': { severity: 'error', category: 'host', summary: 'A script that does not exist on this host' },
  'host-script-not-executable': { severity: 'error', category: 'host', summary: 'A script its user cannot execute' },
  'host-script-user': { severity: 'error', category: 'host', summary: 'A script whose user or group does not exist, so keepalived drops it' },
  'host-script-insecure': { severity: 'error', category: 'host', summary: 'A root script keepalived considers insecure' },
  'host-script-security': { severity: 'warning', category: 'host', summary: 'Scripts run without enable_script_security' },
  // the failover model (what each single failure does to the VIP)
  'failover-vip-stays': { severity: 'warning', category: 'cluster', summary: 'A tracked check whose failure leaves the VIP where it is' },
  'failover-track-ignored': { severity: 'warning', category: 'cluster', summary: 'A tracked object whose weight keepalived drops or turns into FAULT' },
  'config-test-stops': { severity: 'information', category: 'semantic', summary: "keepalived 2.2.5 to 2.2.7 stop their own 'keepalived -t' (exit 143, no message) on a script run as another user" },
  'failover-other-service': { severity: 'information', category: 'cluster', summary: 'A failure moves the VIP to a director whose virtual servers differ' },
  // the linter's own comments
  'unused-suppression': { severity: 'warning', category: 'directive', summary: 'A keepalived-lint disable comment that suppresses nothing' },
};

export function ruleOf(code: string): Rule | undefined {
  return isRuleCode(code) ? RULES[code] : undefined;
}
