// Every diagnostic code: the type of every finding's code (the Diagnostic type admits only these).
// What each means, its severity and category are in registry.ts, which must describe exactly these codes;
// the editor's bundle needs only the codes (the .vsix has a size budget), the CLI and the docs the rest.

export const RULE_CODES = [
  'syntax', 'unterminated-quote', 'unexpected-open-brace', 'extra-close-brace', 'missing-close-brace',
  'nesting-too-deep', 'parameter-recursion', 'parameter-call', 'invalid-sequence', 'sequence-too-long', 'expansion-too-large',
  'unknown-keyword', 'newer-keyword', 'deprecated', 'duplicate-keyword', 'missing-required', 'missing-block',
  'unexpected-block', 'argument-count', 'invalid-number', 'invalid-value', 'invalid-address', 'invalid-argument',
  'missing-include', 'include-cycle', 'duplicate-name', 'undefined-reference', 'reference-before-definition',
  'instance-in-two-sync-groups', 'sync-group-single', 'auth-pass-too-long', 'nopreempt-with-master',
  'preempt-delay-with-master', 'ah-with-master', 'weight-in-sync-group', 'weight-with-owner', 'track-own-interface', 'vrid-conflict',
  'missing-protocol', 'missing-scheduler', 'missing-forwarding-method', 'zero-port-not-persistent',
  'protocol-with-fwmark', 'ha-suspend-with-fwmark', 'hysteresis-not-below-quorum', 'port-with-fwmark', 'quorum-above-weight', 'service-not-on-vip', 'ignored-argument',
  'empty-config', 'no-vip', 'duplicate-vip', 'ineffective-setting', 'loopback-interface', 'advert-int-fraction',
  'advert-int-range', 'ignored-authentication', 'unicast-without-peers', 'preemption-reset', 'strict-mode-reset',
  'tracked-by-sync-group', 'rule-without-preference',
  'scheduler-flag', 'sorry-server-order', 'ops-without-udp', 'duplicate-real-server', 'real-server-port',
  'empty-group', 'ip-family-mismatch', 'cluster-vrid-mismatch', 'cluster-auth-type-mismatch',
  'cluster-auth-pass-mismatch', 'cluster-advert-int-mismatch', 'cluster-version-mismatch', 'cluster-vip-mismatch', 'cluster-multiple-masters',
  'cluster-priority-tie', 'cluster-master-priority', 'cluster-unicast-src-missing', 'cluster-unicast-asymmetric',
  'cluster-weight-too-small', 'cluster-service-missing', 'cluster-service-mismatch', 'ignored-address-suffix',
  'unreadable-include', 'lone-carriage-return', 'line-too-long', 'ending-backslash', 'config-test-stops', 'too-many-diagnostics', 'host-interface-missing',
  'host-script-missing', 'host-script-not-executable', 'host-script-user', 'host-script-insecure',
  'host-script-security', 'failover-vip-stays', 'failover-track-ignored', 'failover-other-service',
  'unused-suppression',
] as const;

export type RuleCode = (typeof RULE_CODES)[number];

const CODES: ReadonlySet<string> = new Set(RULE_CODES);

export function isRuleCode(code: string): code is RuleCode {
  return CODES.has(code);
}
