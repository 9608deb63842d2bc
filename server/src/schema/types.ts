/**
 * The keyword schema: one declarative description of keepalived.conf.
 * Validation, completion, hover and formatting all read it; no other keyword list exists.
 */

/** Names that can be defined in one place and referenced elsewhere. */
export type SymbolKind =
  | 'vrrp_script'
  | 'vrrp_instance'
  | 'vrrp_sync_group'
  | 'virtual_server_group'
  | 'track_file'
  | 'track_process'
  | 'bfd_instance'
  | 'garp_group'
  | 'track_group';

export type ArgType =
  | { kind: 'int'; min?: number; max?: number }
  /** decimal number, e.g. timers given in seconds with fractions */
  | { kind: 'number'; min?: number; max?: number; /** digits keepalived reads after the point; more is an error */ decimals?: number }
  | { kind: 'bool' }
  /** `checkedElsewhere`: the values are offered in completion, and a semantic check reads the word (with a better message) */
  | { kind: 'enum'; values: readonly string[]; caseInsensitive?: boolean; checkedElsewhere?: boolean }
  | { kind: 'ip' }
  | { kind: 'ipv4' }
  | { kind: 'ipv6' }
  /** an address with an optional /prefix */
  | { kind: 'cidr' }
  | { kind: 'port' }
  | { kind: 'interface' }
  | { kind: 'path' }
  | { kind: 'string' }
  /** a command line, usually quoted: "/path/to/script arg" */
  | { kind: 'command' }
  | { kind: 'email' }
  | { kind: 'hostname' }
  /** a name for DNS_CHECK to query, with no empty label */
  | { kind: 'dnsName' }
  /** hex string, e.g. for custom checker payloads; `digits` when the length is fixed */
  | { kind: 'hex'; digits?: number }
  /** the argument names a new symbol (vrrp_instance NAME) */
  | { kind: 'define'; symbol: SymbolKind }
  /** the argument refers to a symbol defined elsewhere (track_script NAME) */
  | { kind: 'ref'; symbol: SymbolKind };

export interface ArgSpec {
  /** short placeholder shown in docs and snippets, e.g. "VRID" */
  name: string;
  type: ArgType;
  optional?: boolean;
  /** this argument may repeat to the end of the line */
  variadic?: boolean;
}

export interface KeywordSpec {
  name: string;
  /** positional arguments in order; see `freeTail` */
  args: readonly ArgSpec[];
  /** extra words after the positional args are accepted unchecked (options like `weight -20 reverse`) */
  freeTail?: boolean;
  /** id of the BlockSpec this keyword opens; absent for a one-line keyword */
  block?: string;
  /** may appear more than once in its block */
  repeatable?: boolean;
  /** set twice, keepalived ignores the second and keeps the first (by default the last value wins); a version: from that release on */
  keepsFirst?: boolean | string;
  /**
   * set twice, keepalived skips the second one's block, and the '}' that ends it ends the enclosing block too
   * (a value block's handler calls skip_block, which leaves the level it was called from): what follows is
   * read one level up
   */
  repeatEndsEnclosing?: boolean;
  /** keepalived rejects or disables the enclosing block without it; a version: from that release on (before, a warning) */
  required?: boolean | string;
  /** default value as keepalived applies it, in config syntax */
  default?: string;
  /** names that patched builds or guides used for it and keepalived does not know (an unknown keyword with one suggests this keyword) */
  otherNames?: readonly string[];
  /** deprecated alias: use `replacement` instead (name of a keyword in the same block) */
  deprecated?: { replacement?: string; note?: string };
  /** first keepalived release that accepts the keyword, e.g. "2.1.0"; absent = long-standing */
  since?: string;
  /**
   * keepalived skips the whole block when words follow its arguments ("must have a name"); by default extra
   * words are read past, and only warned about
   */
  extraWordsSkipBlock?: boolean;
  /** keepalived drops the enclosing block when words follow its arguments or it is set twice (BFD_CHECK's name) */
  misuseDropsEnclosing?: boolean;
  /** keepalived ignores the whole line when words follow its arguments ("missing or extra parameters") */
  extraWordsIgnoreLine?: boolean;
  /** first release that reads the arguments; older ones accept the keyword and ignore whatever follows it */
  argsSince?: string;
  /** first release that reads a fraction in the first argument; older ones refuse one and ignore the line */
  fractionsSince?: string;
  /** a first argument from which keepalived takes the value but logs that it is very large, and what it is for */
  veryLargeFrom?: { value: number; meaning: string };
  /** one or two sentences in our own words */
  doc: string;
  /** one example line (or block) as a user would write it */
  example?: string;
}

export interface BlockSpec {
  id: string;
  /** shown in hover/completion, e.g. "vrrp_instance block" */
  title: string;
  keywords: readonly KeywordSpec[];
  /**
   * Value blocks (virtual_ipaddress, notification_email, track_script, ...) hold items, not keywords:
   * each line is an item whose words are checked against `items.args`.
   */
  items?: { args: readonly ArgSpec[]; freeTail?: boolean; doc: string; example?: string };
}
