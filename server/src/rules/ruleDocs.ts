// The long form of each rule: what keepalived does with such a config, an example that draws the finding (a
// test lints every example and expects its code), and how to fix it. scripts/generate-rule-docs.ts writes
// docs/rules/CODE.md from it; SARIF carries the text as the rule's description and help.
import type { RuleCode } from './registry';

export interface RuleDoc {
  /** what keepalived does, in a paragraph */
  explanation: string;
  /** a config that draws the finding: one file, or a cluster as file name → text */
  example: string | Record<string, string>;
  /** how to make the finding go away */
  fix: string;
  /** the target release the example needs to draw the finding */
  keepalivedVersion?: string;
  /** the example draws the finding only with host checks on (about the machine that lints it) */
  hostChecks?: boolean;
}

const VI = (body: string, name = 'VI_1') => `vrrp_instance ${name} {\n    interface eth0\n${body}}\n`;
const INSTANCE = (state: string, priority: number, extra = '') =>
  VI(`    state ${state}\n    virtual_router_id 51\n    priority ${priority}\n${extra}    virtual_ipaddress {\n        192.0.2.10/24\n    }\n`);
const SERVICE = (inner: string) => `virtual_server 192.0.2.10 80 {\n    lb_algo rr\n    lb_kind DR\n    protocol TCP\n${inner}}\n`;

export const RULE_DOCS: Record<RuleCode, RuleDoc> = {
  syntax: {
    explanation: 'keepalived splits a line into words at blanks (space, tab). Other invisible characters, such as a no-break space pasted from a web page, are not blanks to it: they stick to the words around them, so the keyword or value it reads is not the one you see.',
    example: 'global_defs {\n    router_id\u00a0lb1\n}\n',
    fix: 'Replace the character with a plain space, or delete it.',
  },
  'unterminated-quote': {
    explanation: 'A double-quoted word runs to its closing quote on the same line. Without one, keepalived takes the rest of the line, comment characters and braces included, as part of the word.',
    example: 'global_defs {\n    notification_email_from "ops@example.com\n}\n',
    fix: 'Close the quote on the same line.',
  },
  'unexpected-open-brace': {
    explanation: "A '{' must follow the keyword that opens a block on the same logical line. A '{' standing alone is ignored by keepalived, and so its matching '}' closes the block around it early; what follows lands in the wrong block.",
    example: 'global_defs {\n    {\n    router_id lb1\n    }\n}\n',
    fix: "Remove the stray '{' (and its '}'), or put the block's keyword before it.",
  },
  'extra-close-brace': {
    explanation: "A '}' closes the innermost open block. One with no block open means the braces before it do not pair up as intended: some block was closed earlier than it looks.",
    example: 'global_defs {\n    router_id lb1\n}\n}\n',
    fix: "Remove the extra '}', or find the block it was meant to close.",
  },
  'missing-close-brace': {
    explanation: "A block that is never closed runs to the end of the file. A block left open before other blocks is closed early instead: keepalived reads their keywords as unknown ones inside it, ignores their '{' (see unexpected-block), and the first of their '}' closes the open block.",
    example: 'vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n    priority 100\n',
    fix: "Add the missing '}' where the block ends.",
  },
  'nesting-too-deep': {
    explanation: 'keepalived never nests blocks more than a few levels deep; the linter stops following braces after 64 levels, which only a brace mistake (or generated text) reaches.',
    example: `global_defs ${'{ '.repeat(70)}${'} '.repeat(70)}\n`,
    fix: 'Find the braces that do not pair up and remove the extra ones.',
  },
  'parameter-recursion': {
    explanation: 'A $NAME parameter defined in terms of itself never finishes expanding. keepalived expands it over and over and never gets to the end of the line: the daemon hangs at start, and so does keepalived -t. (A definition that grows each time stops at the line buffer instead: see line-too-long.)',
    example: '$LOOP=$LOOP\nglobal_defs {\n    router_id $LOOP\n}\n',
    fix: 'Define the parameter without referring to itself.',
  },
  'parameter-call': {
    explanation: "keepalived 2.4.0 added ${_ENV NAME} (the value of an environment variable of the keepalived process) and checks the parameters of ${_RANDOM MIN MAX}: numbers only, at most two. A call it refuses stays in the line as written, and a nameless ${_ENV} makes 2.4 crash. Releases before 2.4.0 know no ${_ENV}, and garble the rest of a line when a ${_RANDOM MIN MAX} with parameters is not the last thing on it. The others came earlier: ${_PWD} with 2.0.0, ${_INSTANCE} with 2.0.1, ${_RANDOM} with 2.0.15, ${_HASH} and ${_BANG} with 2.1.4; an older release leaves them as written.",
    example: 'global_defs {\n    vrrp_garp_master_delay ${_RANDOM 1 x}\n}\n',
    fix: 'Give ${_RANDOM} up to two numbers and ${_ENV} one variable name; for a release before 2.4.0, put ${_RANDOM MIN MAX} last on its line and avoid ${_ENV}.',
  },
  'invalid-sequence': {
    explanation: '~SEQ(NAME, START, STEP, END) and ~LST(NAME, VALUES...) repeat the rest of the line with NAME set to each value. When the specification cannot be read (missing values, a step that moves away from the end), keepalived does not repeat the line.',
    example: '~SEQ(i, 5, 1, 1) $GLOBAL\nglobal_defs {\n    router_id lb1\n}\n',
    fix: 'Write the sequence as ~SEQ(NAME, START, STEP, END) with a step that moves from START towards END.',
  },
  'sequence-too-long': {
    explanation: 'A ~SEQ line expands into one line per value. The linter expands at most 100,000 of them and checks no further; keepalived would go on, so what lies beyond is not checked.',
    example: '~SEQ(i, 1, 200000) $X=$i\nglobal_defs {\n    router_id lb1\n}\n',
    fix: 'Use a shorter sequence, or split it.',
  },
  'expansion-too-large': {
    explanation: 'Parameters that expand into parameters can grow a config exponentially. The linter stops expanding past 20 million characters and checks what it has; the rest is left unexpanded.',
    example: `$HALF=${'x'.repeat(1000)}\n$LONG=$HALF$HALF\nglobal_defs {\n    notification_email {\n~SEQ(i, 1, 10001) ops$i@$LONG\n    }\n}\n`,
    fix: 'Define the parameters so they expand to a sensible size.',
  },
  'unknown-keyword': {
    explanation: 'keepalived looks every keyword up in the block it stands in. One it does not know there is skipped with a log line, and the config goes on as if the line were not there: a mistyped keyword silently loses its setting.',
    example: 'vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n    priorty 100\n}\n',
    fix: 'Correct the spelling (the message suggests the nearest keyword), or move the keyword to the block it belongs in.',
  },
  'newer-keyword': {
    explanation: 'A keyword keepalived added in a later release than the one the configs target (the keepalived version setting) is unknown to the older daemon: it skips the line.',
    example: 'global_defs {\n    vrrp_delay_after_boot 10\n}\n',
    fix: 'Remove the keyword for the older release, or raise the target version once every host runs a release that has it. (The example targets 2.2.7.)',
    keepalivedVersion: '2.2.7',
  },
  deprecated: {
    explanation: 'keepalived still reads some old keyword names as aliases of their current ones. They keep working, but may go away in a later release.',
    example: 'virtual_server 192.0.2.10 80 {\n    lb_algo rr\n    lb_kind DR\n    protocol TCP\n    real_server 192.0.2.21 80 {\n        HTTP_GET {\n            url {\n                path /\n            }\n            nb_get_retry 3\n        }\n    }\n}\n',
    fix: 'Use the current name (keepalived-lint --fix does it: the meaning is the same).',
  },
  'duplicate-keyword': {
    explanation: 'A setting given twice in one block is read twice; the second value replaces the first. Usually one of the two lines is a leftover.',
    example: 'vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    priority 150\n}\n',
    fix: 'Keep one of the lines.',
  },
  'missing-required': {
    explanation: 'Some blocks cannot work without a given keyword; keepalived rejects the block (for example a vrrp_instance without virtual_router_id is removed, with a log line).',
    example: 'vrrp_instance VI_1 {\n    interface eth0\n    priority 100\n}\n',
    fix: 'Add the keyword with the right value (the editor offers to insert a placeholder, to be filled in).',
  },
  'missing-block': {
    explanation: "A keyword that opens a block (vrrp_instance, real_server, virtual_ipaddress, track_interface, ...) is followed by '{', on its own line or the next. Without it keepalived reports the missing brace and opens the block all the same: every line up to the next '}' goes into it, lines meant for the enclosing block included (below, virtual_router_id and priority become names of tracked interfaces, and the instance has no VRID). That '}' closes the new block, so the one meant for the enclosing block is left over.",
    example: 'vrrp_instance VI_1 {\n    interface eth0\n    track_interface\n    virtual_router_id 51\n    priority 100\n}\n',
    fix: "Add the '{' after the keyword, or remove the keyword if its block was not meant.",
  },
  'unexpected-block': {
    explanation: "keepalived opens a block only after a keyword that has one where it stands. After any other keyword (one that takes no block, or one it does not know, such as a misspelt block keyword) it ignores the '{', reads the lines after it as part of the enclosing block, and the next '}' closes the enclosing block early: what follows is read one level up, usually as unknown keywords.",
    example: 'global_defs {\n    router_id lb1 {\n    }\n}\n',
    fix: 'Remove the braces.',
  },
  'argument-count': {
    explanation: 'Each keyword takes a fixed number of values. keepalived ignores a line that lacks a needed value, and words past the last one it takes.',
    example: 'vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id\n    priority 100\n}\n',
    fix: 'Give the keyword the values it takes, and only those.',
  },
  'invalid-number': {
    explanation: 'Numeric settings have a form and a range (a VRID is 1 to 255, a priority 1 to 255, ...). keepalived rejects a value outside them, and the setting keeps its default or the block is dropped.',
    example: 'vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 300\n    priority 100\n}\n',
    fix: 'Use a number in the range the message gives.',
  },
  'invalid-value': {
    explanation: 'Some settings take one of a few words (state MASTER or BACKUP, lb_kind NAT, DR or TUN, ...) or codes in a range. keepalived rejects any other value.',
    example: 'vrrp_instance VI_1 {\n    interface eth0\n    state PRIMARY\n    virtual_router_id 51\n    priority 100\n}\n',
    fix: 'Use one of the values the message lists.',
  },
  'invalid-address': {
    explanation: 'Addresses and prefixes must parse as IPv4 or IPv6. keepalived skips an address it cannot read, so the VIP, peer or server is missing at run time.',
    example: 'vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    virtual_ipaddress {\n        192.0.2.300/24\n    }\n}\n',
    fix: 'Correct the address.',
  },
  'invalid-argument': {
    explanation: 'A value does not have the form its keyword takes (a path, a name, a time, ...), so keepalived does not accept it.',
    example: 'virtual_server 192.0.2.10 80 {\n    lb_algo rr\n    lb_kind DR\n    protocol TCP\n    real_server 192.0.2.21 80 {\n        HTTP_GET {\n            url {\n                path /\n                digest not-a-digest\n            }\n        }\n    }\n}\n',
    fix: 'Give the value in the form the message describes.',
  },
  'missing-include': {
    explanation: "keepalived matches an include the way the shell does without globstar (glob(3)): `*` stays within one directory, so `conf.d/**/*.conf` reads only the files one directory below conf.d, and a wildcard skips hidden names. A pattern that matches nothing is skipped, without a word when it has wildcards, and part of a pattern that is missing (a brace alternative, a directory) makes keepalived warn that some config files are missing. The checking forms make some of these errors: `includew` and `includea` whenever nothing matches, `includem` when nothing matches because something is missing, `includeb` and `includea` when a part is missing (they then include nothing). `include_check` in global_defs does the same for the includes that follow it (a change it makes inside an included file ends with that file), and then `keepalived -t` fails.",
    example: 'include /nonexistent/keepalived-lint-example/*.conf\n',
    fix: 'Correct the path (relative paths are taken from the including file), or remove the include.',
  },
  'include-cycle': {
    explanation: 'A file that includes itself, directly or through other files, would be read again and again.',
    example: 'include keepalived.conf\n',
    fix: 'Remove the include that leads back. (The example must be saved as keepalived.conf.)',
  },
  'duplicate-name': {
    explanation: 'Instances, groups, scripts and other named blocks must have unique names. keepalived skips a second vrrp_instance or vrrp_sync_group of a name unread, block and all, so its settings never take effect (and the linter checks nothing inside it); of the other kinds it keeps both, and every reference finds the first.',
    example: `${INSTANCE('MASTER', 100)}${VI('    virtual_router_id 52\n    priority 100\n')}`,
    fix: 'Rename one of the blocks (and what refers to it), or merge them.',
  },
  'undefined-reference': {
    explanation: 'A track_script, track_interface group, sync group member or virtual_server_group names something keepalived cannot find; it ignores the reference, so nothing is tracked or grouped.',
    example: INSTANCE('MASTER', 100, '    track_script {\n        chk_missing\n    }\n'),
    fix: 'Define what is named, or correct the name.',
  },
  'reference-before-definition': {
    explanation: 'keepalived resolves track_script, track_file and track_process names as it reads the file: a reference to a block defined further down is not found at that point, and is ignored.',
    example: `${INSTANCE('MASTER', 100, '    track_script {\n        chk\n    }\n')}vrrp_script chk {\n    script "/usr/bin/true"\n}\n`,
    fix: 'Move the definition above the instance that refers to it.',
  },
  'instance-in-two-sync-groups': {
    explanation: 'A vrrp_instance can be a member of one sync group only; keepalived refuses the second membership.',
    example: `${INSTANCE('MASTER', 100)}${VI('    virtual_router_id 52\n    priority 100\n', 'VI_2')}vrrp_sync_group G1 {\n    group {\n        VI_1\n        VI_2\n    }\n}\nvrrp_sync_group G2 {\n    group {\n        VI_1\n        VI_2\n    }\n}\n`,
    fix: 'Keep the instance in one group.',
  },
  'sync-group-single': {
    explanation: 'A sync group makes its instances change state together. With one instance it does nothing but add the sync group rules (such as ignored track weights).',
    example: `${INSTANCE('MASTER', 100)}vrrp_sync_group G1 {\n    group {\n        VI_1\n    }\n}\n`,
    fix: 'Add the other instances that must move together, or remove the group.',
  },
  'auth-pass-too-long': {
    explanation: 'VRRP carries at most 8 characters of password. keepalived uses the first 8 of a longer auth_pass, so a peer configured with the whole string by another tool may not match.',
    example: INSTANCE('MASTER', 100, '    authentication {\n        auth_type PASS\n        auth_pass 0123456789\n    }\n'),
    fix: 'Cut the password to 8 characters (keepalived-lint --fix does it: keepalived already uses only those).',
  },
  'nopreempt-with-master': {
    explanation: 'nopreempt only works on an instance whose initial state is BACKUP; with state MASTER keepalived turns nopreempt off.',
    example: INSTANCE('MASTER', 100, '    nopreempt\n'),
    fix: "Use 'state BACKUP' on every director that has nopreempt.",
  },
  'preempt-delay-with-master': {
    explanation: 'preempt_delay delays a BACKUP taking over after start-up; an instance that starts as MASTER never waits, so the setting has no effect.',
    example: INSTANCE('MASTER', 100, '    preempt_delay 30\n'),
    fix: "Use 'state BACKUP', or remove preempt_delay.",
  },
  'ah-with-master': {
    explanation: 'With AH authentication keepalived does not let an instance start as MASTER: it changes the state to BACKUP.',
    example: INSTANCE('MASTER', 100, '    authentication {\n        auth_type AH\n        auth_pass secret\n    }\n'),
    fix: "Use 'state BACKUP' (the priority still decides the election), or PASS authentication.",
  },
  'weight-in-sync-group': {
    explanation: 'Unless the sync group sets sync_group_tracking_weight, keepalived does not apply weights to the tracked objects of a sync group member (and says so at start-up): it drops a weighted tracked script or BFD, so its failure changes nothing, and it turns a weighted interface, or a track_file of the default weight 1, into one whose failure puts the instance (and so the group) in FAULT. The weight can come from the track line or from the vrrp_script.',
    example: `vrrp_script chk {\n    script "/usr/bin/true"\n}\n${INSTANCE('MASTER', 100, '    track_script {\n        chk weight -20\n    }\n')}${VI('    virtual_router_id 52\n    priority 100\n', 'VI_2')}vrrp_sync_group G1 {\n    group {\n        VI_1\n        VI_2\n    }\n}\n`,
    fix: 'Remove the weight (the script then puts the group into FAULT when it fails), or add sync_group_tracking_weight to the group if the weight is what you want.',
  },
  'strict-mode-reset': {
    explanation: "Strict mode (vrrp_strict in global_defs, or strict_mode in an instance) makes keepalived follow the VRRP RFCs to the letter. When it completes an instance it starts only the address owner (priority 255) as MASTER, whatever 'state' says; it disables an instance with unicast peers on a multicast interface; an IPv6 instance speaks VRRPv3 and should name a link-local VIP first; and it resets down_timer_adverts, accept under VRRPv2 below priority 255, garp_lower_prio_repeat, garp_lower_prio_delay, lower_prio_no_advert off and higher_prio_send_advert on. Many distributions ship vrrp_strict in their sample keepalived.conf.",
    example: 'global_defs {\n    vrrp_strict\n}\n' + VI('    state MASTER\n    priority 100\n    virtual_router_id 51\n    virtual_ipaddress {\n        192.0.2.10/24\n    }\n'),
    fix: "Remove vrrp_strict unless you need RFC compliance (it also drops authentication and needs a firewall for the VIPs); with it, give the MASTER priority 255, use multicast, and drop the settings it resets.",
  },
  'tracked-by-sync-group': {
    explanation: "A vrrp_sync_group's track_interface applies to each member. A member that tracks the same interface itself (in its own track_interface, or as its interface, which every instance watches unless dont_track_primary) tracks it twice: keepalived says so and keeps the sync group's weight.",
    example: VI('    virtual_router_id 51\n    virtual_ipaddress {\n        192.0.2.10/24\n    }\n') + VI('    virtual_router_id 52\n    virtual_ipaddress {\n        192.0.2.11/24\n    }\n', 'VI_2') + 'vrrp_sync_group G {\n    group {\n        VI_1\n        VI_2\n    }\n    track_interface {\n        eth0\n    }\n}\n',
    fix: 'Track the interface in one place: remove it from the sync group (each instance watches its own interface already) or from the instance.',
  },
  'rule-without-preference': {
    explanation: 'The kernel applies ip rules in the order of their preference. A virtual_rules or static_rules line without preference (or priority, order) gets one from keepalived, counting down from 16384 as it reads the rules (IPv4 and IPv6 apart), so they may not apply in the order meant, and they land beside the rules of other tools; keepalived warns about each.',
    example: VI('    virtual_router_id 51\n    virtual_ipaddress {\n        192.0.2.10/24\n    }\n    virtual_rules {\n        from 192.0.2.10 table 100\n    }\n'),
    fix: 'Give each rule its place: from 192.0.2.10 table 100 preference 100.',
  },
  'weight-with-owner': {
    explanation: 'An instance with priority 255 owns its addresses and always wins, so keepalived ignores tracking weights on it (and says so at start-up): it drops a weighted tracked script, interface or BFD, and turns a track_file of the default weight 1 into one whose failure puts the instance in FAULT.',
    example: `vrrp_script chk {\n    script "/usr/bin/true"\n    weight -20\n}\n${INSTANCE('MASTER', 255, '    track_script {\n        chk\n    }\n')}`,
    fix: 'Use a priority below 255 where the weight should move the VIP, or remove the weight so the failure faults the instance.',
  },
  'track-own-interface': {
    explanation: "keepalived always watches the interface an instance runs on; listing it under track_interface adds nothing and keepalived drops the entry.",
    example: INSTANCE('MASTER', 100, '    track_interface {\n        eth0\n    }\n'),
    fix: 'Remove the entry.',
  },
  'vrid-conflict': {
    explanation: 'Two instances on one interface and address family with the same virtual_router_id send adverts that the other takes for its own; both elections break.',
    example: `${INSTANCE('MASTER', 100)}${VI('    virtual_router_id 51\n    priority 100\n', 'VI_2')}`,
    fix: 'Give each instance on a link its own VRID.',
  },
  'missing-protocol': {
    explanation: "A virtual server addressed by IP and port is a TCP, UDP or SCTP service. Without a protocol line keepalived takes UDP (what the kernel would do) and reports it as a configuration error, so keepalived -t fails: a web service configured this way does not balance TCP at all.",
    example: 'virtual_server 192.0.2.10 80 {\n    lb_algo rr\n    lb_kind DR\n    real_server 192.0.2.21 80 {\n        weight 1\n    }\n}\n',
    fix: "Add 'protocol TCP' (or UDP, SCTP).",
  },
  'missing-scheduler': {
    explanation: 'Without lvs_sched (or lb_algo) keepalived uses the wlc scheduler, and reports it as a configuration error, so keepalived -t fails.',
    example: 'virtual_server 192.0.2.10 80 {\n    lb_kind DR\n    protocol TCP\n    real_server 192.0.2.21 80 {\n        weight 1\n    }\n}\n',
    fix: "Name the scheduler: 'lvs_sched wlc' keeps what keepalived does, 'lvs_sched rr' is the usual choice.",
  },
  'missing-forwarding-method': {
    explanation: "A real server without its own lvs_method takes the service's; when the service has none either, keepalived forwards with NAT and reports it as a configuration error, so keepalived -t fails. In an LVS-DR cluster (real servers holding the VIP on lo) NAT breaks every connection.",
    example: 'virtual_server 192.0.2.10 80 {\n    lb_algo rr\n    protocol TCP\n    real_server 192.0.2.21 80 {\n        weight 1\n    }\n}\n',
    fix: "Add 'lvs_method DR' (or NAT, TUN) to the virtual_server.",
  },
  'zero-port-not-persistent': {
    explanation: 'A service on port 0 takes every port of its address, which IPVS allows only for a persistent service: keepalived adds persistence_timeout 360 and reports it as a configuration error, so keepalived -t fails.',
    example: 'virtual_server 192.0.2.10 0 {\n    lb_algo rr\n    lb_kind DR\n    protocol TCP\n    real_server 192.0.2.21 0 {\n        weight 1\n    }\n}\n',
    fix: 'Add persistence_timeout, or give the service its port.',
  },
  'ha-suspend-with-fwmark': {
    explanation: 'ha_suspend keeps a service out of IPVS while its address is not on the director; a firewall-mark service has no address to wait for, so keepalived clears the setting; it clears it too for a `virtual_server group` whose group holds an fwmark entry (for the whole service, its address entries included).',
    example: 'virtual_server fwmark 1 {\n    lb_algo rr\n    lb_kind DR\n    ha_suspend\n    real_server 192.0.2.21 {\n        weight 1\n    }\n}\n',
    fix: 'Remove ha_suspend.',
  },
  'hysteresis-not-below-quorum': {
    explanation: 'hysteresis keeps a service from flapping around its quorum: it goes down below quorum - hysteresis and up again at quorum + hysteresis. A hysteresis not below the quorum (after keepalived has lowered a quorum above the total weight) is set to quorum - 1.',
    example: 'virtual_server 192.0.2.10 80 {\n    lb_algo rr\n    lb_kind DR\n    protocol TCP\n    quorum 2\n    hysteresis 2\n    real_server 192.0.2.21 80 {\n        weight 2\n    }\n}\n',
    fix: 'Use a hysteresis below the quorum.',
  },
  'protocol-with-fwmark': {
    explanation: 'A virtual server selected by firewall mark takes the packets the mark selects; the protocol setting is not used.',
    example: 'virtual_server fwmark 1 {\n    lb_algo rr\n    lb_kind DR\n    protocol TCP\n    real_server 192.0.2.21 {\n        weight 1\n    }\n}\n',
    fix: 'Remove the protocol line.',
  },
  'port-with-fwmark': {
    explanation: 'A real or sorry server of a firewall-mark service (or of a group with fwmark entries) gets packets with their original destination port; keepalived clears or ignores a port given on its line.',
    example: 'virtual_server fwmark 1 {\n    lb_algo rr\n    lb_kind DR\n    real_server 192.0.2.21 80 {\n        weight 1\n    }\n}\n',
    fix: 'Remove the port (keepalived-lint --fix does it: keepalived ignores it anyway).',
  },
  'quorum-above-weight': {
    explanation: 'quorum is the total weight of live real servers a service needs to be up. When the weights of all real servers add up to less, keepalived lowers the quorum to that total.',
    example: 'virtual_server 192.0.2.10 80 {\n    lb_algo rr\n    lb_kind DR\n    protocol TCP\n    quorum 5\n    real_server 192.0.2.21 80 {\n        weight 1\n    }\n}\n',
    fix: 'Lower the quorum, or raise the weights.',
  },
  'service-not-on-vip': {
    explanation: 'A virtual server whose address is no VIP of the cluster does not move with a failover: clients reaching it stay on a director that may no longer be active.',
    example: `${INSTANCE('MASTER', 100)}virtual_server 198.51.100.7 80 {\n    lb_algo rr\n    lb_kind DR\n    protocol TCP\n    real_server 192.0.2.21 80 {\n        weight 1\n    }\n}\n`,
    fix: 'Use one of the VIPs as the service address, or add the address to a vrrp_instance.',
  },
  'cluster-vrid-mismatch': {
    explanation: "The directors of one instance must use the same virtual_router_id: with different ones, each ignores the other's adverts and both become MASTER.",
    // different VRIDs are no evidence of one virtual router: the cluster file declares the pair
    example: {
      'master.conf': INSTANCE('MASTER', 150),
      'backup.conf': INSTANCE('BACKUP', 100).replace('virtual_router_id 51', 'virtual_router_id 52'),
      'keepalived-cluster.json': '{\n  "directors": [\n    { "name": "lb1", "host": "192.0.2.1", "config": "master.conf" },\n    { "name": "lb2", "host": "192.0.2.2", "config": "backup.conf" }\n  ]\n}\n',
    },
    fix: "Use the same VRID on every director (the editor offers either side's value).",
  },
  'cluster-auth-type-mismatch': {
    explanation: "Directors with different auth_type reject each other's adverts: each becomes MASTER.",
    example: {
      'master.conf': INSTANCE('MASTER', 150, '    authentication {\n        auth_type PASS\n        auth_pass secret\n    }\n'),
      'backup.conf': INSTANCE('BACKUP', 100, '    authentication {\n        auth_type AH\n        auth_pass secret\n    }\n'),
    },
    fix: 'Use the same authentication on every director.',
  },
  'cluster-auth-pass-mismatch': {
    explanation: "Directors with different passwords reject each other's adverts: each becomes MASTER. (The message never shows the passwords.)",
    example: {
      'master.conf': INSTANCE('MASTER', 150, '    authentication {\n        auth_type PASS\n        auth_pass secret1\n    }\n'),
      'backup.conf': INSTANCE('BACKUP', 100, '    authentication {\n        auth_type PASS\n        auth_pass secret2\n    }\n'),
    },
    fix: 'Use the same auth_pass on every director.',
  },
  'cluster-advert-int-mismatch': {
    explanation: "Under VRRPv2, keepalived drops adverts whose interval differs from its own advert_int, so the directors do not hear each other and both become MASTER. Under VRRPv3 it takes them, logs the mismatch, and a BACKUP times out on the MASTER's interval: a warning, since failover then takes longer or shorter depending on which director is MASTER.",
    example: { 'master.conf': INSTANCE('MASTER', 150, '    advert_int 1\n'), 'backup.conf': INSTANCE('BACKUP', 100, '    advert_int 2\n') },
    fix: 'Use the same advert_int on every director.',
  },
  'cluster-version-mismatch': {
    explanation: "keepalived drops an advert of the other VRRP version, so a director speaking VRRPv3 and one speaking VRRPv2 do not hear each other and both become MASTER. An instance speaks VRRPv3 when it says `version 3`, when global_defs sets `vrrp_version 3`, or when its first address is IPv6; otherwise VRRPv2.",
    example: { 'master.conf': INSTANCE('MASTER', 150, '    version 3\n'), 'backup.conf': INSTANCE('BACKUP', 100) },
    fix: 'Use the same VRRP version on every director (the same `version` line, or the same vrrp_version in global_defs).',
  },
  'cluster-vip-mismatch': {
    explanation: 'The directors of an instance must carry the same virtual addresses: after a failover, an address only the old MASTER had is gone.',
    example: {
      'master.conf': INSTANCE('MASTER', 150).replace('192.0.2.10/24\n', '192.0.2.10/24\n        192.0.2.11/24\n'),
      'backup.conf': INSTANCE('BACKUP', 100),
    },
    fix: 'List the same addresses on every director (the editor offers to add the missing ones).',
  },
  'cluster-multiple-masters': {
    explanation: "Below priority 255, keepalived starts an instance with state MASTER as a BACKUP that waits one advert interval (a BACKUP waits about three) before it takes over: the priorities decide who holds the VIPs, so several MASTERs still work, but the configs no longer say which director is meant to. At priority 255 (the address owner, also what state MASTER without a priority means) a MASTER takes the VIPs at once: two of them both hold the addresses at start-up, which is an error.",
    example: { 'master.conf': INSTANCE('MASTER', 150), 'backup.conf': INSTANCE('MASTER', 100) },
    fix: "Set 'state BACKUP' on every director but one.",
  },
  'cluster-priority-tie': {
    explanation: 'With equal priorities the election falls back to comparing IP addresses, which is rarely the order you meant.',
    example: { 'master.conf': INSTANCE('MASTER', 100), 'backup.conf': INSTANCE('BACKUP', 100) },
    fix: 'Give each director its own priority.',
  },
  'cluster-master-priority': {
    explanation: 'The election goes by priority, not by the configured state: a MASTER with a priority not above every BACKUP loses the role to a BACKUP.',
    example: { 'master.conf': INSTANCE('MASTER', 100), 'backup.conf': INSTANCE('BACKUP', 150) },
    fix: 'Give the MASTER the highest priority.',
  },
  'cluster-unicast-src-missing': {
    explanation: 'With unicast peering, each director lists its peers by address. Without unicast_src_ip the linter cannot tell which address a director sends from, so it cannot check that its peers list it.',
    example: {
      'master.conf': INSTANCE('MASTER', 150, '    unicast_peer {\n        192.0.2.2\n    }\n'),
      'backup.conf': INSTANCE('BACKUP', 100, '    unicast_src_ip 192.0.2.2\n    unicast_peer {\n        192.0.2.1\n    }\n'),
    },
    fix: 'Set unicast_src_ip on every director that uses unicast_peer.',
  },
  'cluster-unicast-asymmetric': {
    explanation: "A unicast director sends its adverts only to the addresses in its unicast_peer list: a peer it leaves out never hears it, and takes over beside it as a second MASTER when it is the higher priority there. With check_unicast_src (or vrrp_check_unicast_src), keepalived also drops adverts from a source address missing from its list.",
    example: {
      'master.conf': INSTANCE('MASTER', 150, '    unicast_src_ip 192.0.2.1\n    unicast_peer {\n        192.0.2.3\n    }\n'),
      'backup.conf': INSTANCE('BACKUP', 100, '    unicast_src_ip 192.0.2.2\n    unicast_peer {\n        192.0.2.1\n    }\n'),
    },
    fix: "List every peer's unicast_src_ip under unicast_peer.",
  },
  'cluster-weight-too-small': {
    explanation: "A tracked script's or interface's weight changes the priority when it fails. If the MASTER's lowered priority is still not below a BACKUP's, the failure never moves the addresses.",
    example: {
      'master.conf': `vrrp_script chk {\n    script "/usr/bin/true"\n}\n${INSTANCE('MASTER', 150, '    track_script {\n        chk weight -10\n    }\n')}`,
      'backup.conf': `vrrp_script chk {\n    script "/usr/bin/true"\n}\n${INSTANCE('BACKUP', 100, '    track_script {\n        chk weight -10\n    }\n')}`,
    },
    fix: "Make the weight larger than the gap between the MASTER's and the BACKUP's priorities.",
  },
  'cluster-service-missing': {
    explanation: 'A virtual server defined on some directors only is gone after a failover to a director that lacks it.',
    example: {
      'master.conf': INSTANCE('MASTER', 150) + SERVICE('    real_server 192.0.2.21 80 {\n        weight 1\n    }\n'),
      'backup.conf': INSTANCE('BACKUP', 100),
    },
    fix: 'Define the service on every director (an include shared by both keeps them equal).',
  },
  'cluster-service-mismatch': {
    explanation: 'A service set up differently on the directors (scheduler, forwarding method, persistence, real servers) behaves differently after a failover.',
    example: {
      'master.conf': INSTANCE('MASTER', 150) + SERVICE('    real_server 192.0.2.21 80 {\n        weight 1\n    }\n'),
      'backup.conf': INSTANCE('BACKUP', 100) + SERVICE('    real_server 192.0.2.21 80 {\n        weight 1\n    }\n').replace('lb_algo rr', 'lb_algo wrr'),
    },
    fix: 'Make the settings the same (the editor offers either side\'s value).',
  },
  'unused-suppression': {
    explanation: 'A `# keepalived-lint disable-next-line CODE` or `# keepalived-lint disable CODE` comment that hides nothing is a leftover (the problem was fixed) or names a code that does not exist. keepalived itself reads it as a comment.',
    example: 'global_defs {\n    # keepalived-lint disable-next-line duplicate-keyword\n    router_id lb1\n}\n',
    fix: 'Remove the comment, or correct the code it names (keepalived-lint --list-rules).',
  },
  'ignored-argument': {
    explanation: "Before 2.3.0 keepalived reads no argument after vrrp_strict: 'vrrp_strict no' still turns strict mode on. The linter reports the argument when the target release ignores it.",
    example: 'global_defs {\n    vrrp_strict no\n}\n',
    keepalivedVersion: '2.2.7',
    fix: 'Remove the line to leave strict mode off, or write vrrp_strict alone to turn it on.',
  },
  'empty-config': {
    explanation: 'A main config with nothing but comments gives keepalived no instance and no virtual server: a director started with it stops serving its VIPs. Deploy refuses such a config unless told --allow-empty.',
    example: '# to be written\n',
    fix: 'Write the configuration, or include the files that hold it.',
  },
  'no-vip': {
    explanation: 'An instance without virtual_ipaddress moves no address on failover; keepalived warns. Under VRRPv3 or strict mode it refuses the instance. From 2.2.8 no_virtual_ipaddress says it is meant.',
    example: VI('    state MASTER\n    virtual_router_id 51\n    priority 100\n'),
    fix: 'Add the VIPs under virtual_ipaddress, or no_virtual_ipaddress (2.2.8 and later) when the instance is meant to move none.',
  },
  'ineffective-setting': {
    explanation: 'Some settings only mean something beside another one: unicast_ttl sets the TTL of unicast adverts, so an instance without unicast_peer has keepalived reset it, with a message, and advertise by multicast.',
    example: VI('    virtual_router_id 51\n    priority 100\n    unicast_ttl 10\n    virtual_ipaddress {\n        192.0.2.10/24\n    }\n'),
    fix: 'Add the unicast_peer block the setting was meant for, or remove the setting.',
  },
  'duplicate-vip': {
    explanation: 'From 2.3.3 keepalived ignores a VIP listed a second time in one instance (and says so).',
    example: VI('    state MASTER\n    virtual_router_id 51\n    priority 100\n    virtual_ipaddress {\n        192.0.2.10/24\n        192.0.2.10/24\n    }\n'),
    keepalivedVersion: '2.4.3',
    fix: 'Remove the second line.',
  },
  'loopback-interface': {
    explanation: "VRRP adverts cannot go out on the loopback interface: keepalived ignores 'interface lo' and the instance has no interface.",
    example: 'vrrp_instance VI_1 {\n    interface lo\n    state MASTER\n    virtual_router_id 51\n    priority 100\n    virtual_ipaddress {\n        192.0.2.10/24\n    }\n}\n',
    fix: 'Name the interface the directors share (eth0, bond0, ...).',
  },
  'advert-int-fraction': {
    explanation: 'A VRRPv2 advert carries its interval in whole seconds, so keepalived rounds a fractional advert_int. VRRPv3 carries centiseconds, so it rounds an interval finer than 10 ms.',
    example: INSTANCE('MASTER', 100, '    advert_int 0.5\n'),
    fix: "Use whole seconds, or 'version 3' on every director for fractions.",
  },
  'advert-int-range': {
    explanation: 'A VRRPv3 advert carries its interval in centiseconds in 12 bits, so the longest it can say is 40.95 s; keepalived uses that for a longer advert_int (VRRPv2 carries up to 255 whole seconds).',
    example: INSTANCE('MASTER', 100, '    version 3\n    advert_int 60\n'),
    fix: 'Use at most 40.95 s with VRRPv3 (a few seconds is usual), or version 2 on every director.',
  },
  'ignored-authentication': {
    explanation: "keepalived drops an instance's authentication, with a message, when it cannot apply it: VRRPv3 (IPv6 instances always speak it) and strict mode have no authentication, auth_type needs an auth_pass, and AH does not work over IPv6. The instance then sends and accepts adverts without it, which a peer that still authenticates rejects.",
    example: INSTANCE('BACKUP', 100, '    version 3\n    authentication {\n        auth_type PASS\n        auth_pass secret\n    }\n'),
    fix: 'Remove the authentication block from every director (the same on all of them), or use VRRPv2 where authentication is wanted.',
  },
  'unicast-without-peers': {
    explanation: 'unicast_src_ip, check_unicast_src or a unicast_peer block make an instance unicast, but without a peer listed keepalived falls back to multicast adverts (and says this use is deprecated). Where multicast does not pass (most clouds), each director then sees no peer and both become MASTER.',
    example: INSTANCE('BACKUP', 100, '    unicast_src_ip 192.0.2.1\n'),
    fix: "List the other directors under unicast_peer, or remove the unicast settings; 'unicast_fault_no_peer' makes an instance without peers go to FAULT instead.",
  },
  'preemption-reset': {
    explanation: 'keepalived clears nopreempt on an instance with priority 255 (the address owner always takes over; state MASTER without a priority means 255), and clears preempt_delay beside nopreempt (which never preempts, so there is nothing to delay) or in strict mode.',
    example: INSTANCE('BACKUP', 255, '    nopreempt\n'),
    fix: 'For nopreempt, use a priority below 255 and state BACKUP on every director; drop preempt_delay where it cannot apply.',
  },
  'scheduler-flag': {
    explanation: 'The sh-port, sh-fallback and mh-* flags change the source-hashing and maglev schedulers only; keepalived ignores them for another lb_algo.',
    example: 'virtual_server 192.0.2.10 80 {\n    lb_algo rr\n    sh-port\n    lb_kind DR\n    protocol TCP\n}\n',
    fix: 'Set lb_algo sh (or mh) before the flag, or remove the flag.',
  },
  'sorry-server-order': {
    explanation: 'sorry_server_inhibit and sorry_server_lvs_method change the sorry server defined before them; written first, they have nothing to change and keepalived ignores them.',
    example: SERVICE('    sorry_server_inhibit\n    sorry_server 192.0.2.50 80\n'),
    fix: 'Move sorry_server_inhibit and sorry_server_lvs_method after sorry_server.',
  },
  'ops-without-udp': {
    explanation: 'One-packet scheduling schedules each UDP datagram on its own; for TCP services keepalived turns ops off.',
    example: SERVICE('    ops\n'),
    fix: "Remove ops, or use it on a 'protocol UDP' service.",
  },
  'duplicate-real-server': {
    explanation: 'A real server (address and port) listed twice in one virtual server is one IPVS destination: keepalived drops the second entry and its checker.',
    example: SERVICE('    real_server 192.0.2.21 80 {\n        weight 1\n    }\n    real_server 192.0.2.21 80 {\n        weight 2\n    }\n'),
    fix: 'Remove one of the entries (merge their settings).',
  },
  'real-server-port': {
    explanation: 'With DR and TUN forwarding the packet keeps its destination port, so a real or sorry server answers on the service port; keepalived replaces another port with it. Under a virtual_server_group it only warns: the port differs from a group entry\'s and is ignored.',
    example: SERVICE('    real_server 192.0.2.21 8080 {\n        weight 1\n    }\n'),
    fix: 'Give the real server the service port, or use NAT forwarding to change ports.',
  },
  'empty-group': {
    explanation: 'A virtual_server_group with no address, range or fwmark entry is removed by keepalived, and a virtual server that names it balances nothing. Likewise a vrrp_sync_group is removed when its group block keeps no vrrp_instance (each one it names is undefined, or already in an earlier group), and its instances fail over on their own. A track_group whose group block is empty follows no instance, so the static addresses, routes and rules that name it are never tied to one (keepalived 2.2.8 and later remove it).',
    example: 'virtual_server_group WEB {\n}\n',
    fix: 'List the group\'s addresses (or the sync group\'s instances), or remove the group.',
  },
  'ip-family-mismatch': {
    explanation: "A route's gateway, source or destination must be of one address family; keepalived drops a route that mixes IPv4 and IPv6. Likewise a vrrp_instance is IPv4 or IPv6 by the first address it names (a VIP, mcast_src_ip or unicast_src_ip, a unicast peer, mcast_dst_ip) or native_ipv6, and keepalived skips every later VIP, source, peer or advert group of the other family. A virtual_server takes the family of its address (or of `ip_family`, or of its first real server): keepalived skips a real or sorry server of the other family unless it is tunnelled (TUN), and removes a virtual_server_group that holds both families beside an fwmark entry without one.",
    example: VI('    virtual_router_id 51\n    virtual_ipaddress {\n        192.0.2.10/24\n        2001:db8::10/64\n    }\n'),
    fix: 'Use addresses of one family in a route. In an instance, list the VIPs of the other family under virtual_ipaddress_excluded (adverts carry one family), or run a second instance for them.',
  },
  'failover-vip-stays': {
    explanation: "A tracked check's weight lowers the priority of the director where it fails. When the lowered priority is still above every peer's, the VIP stays where the check failed: the check never moves it.",
    example: {
      'a.conf': `vrrp_script chk {\n    script "/usr/bin/true"\n    weight -5\n}\n${INSTANCE('BACKUP', 150, '    track_script {\n        chk\n    }\n')}`,
      'b.conf': INSTANCE('BACKUP', 130),
    },
    fix: "Make the weight larger than the gap between the directors' priorities, or use weight 0 to put the instance into FAULT.",
  },
  'failover-track-ignored': {
    explanation: 'keepalived does not apply a weight everywhere it can be written: a weighted script of a sync group member (without sync_group_tracking_weight) is dropped, so its failure changes nothing.',
    example: {
      'a.conf': `vrrp_script chk {\n    script "/usr/bin/true"\n    weight -60\n}\nvrrp_sync_group G {\n    group {\n        VI_1\n    }\n}\n${INSTANCE('BACKUP', 150, '    track_script {\n        chk\n    }\n')}`,
      'b.conf': `vrrp_sync_group G {\n    group {\n        VI_1\n    }\n}\n${INSTANCE('BACKUP', 100)}`,
    },
    fix: 'Add sync_group_tracking_weight to the sync group, or remove the weight so the failure puts the group into FAULT.',
  },
  'failover-other-service': {
    explanation: 'When a failure moves the VIP, the director taking it over serves the virtual servers of its own config. If those differ from the ones the VIP had, clients see another service after the failover.',
    example: {
      'a.conf': `${INSTANCE('BACKUP', 150)}virtual_server 192.0.2.10 80 {\n    lb_kind DR\n    protocol TCP\n    real_server 192.0.2.21 80 {\n        weight 1\n    }\n}\n`,
      'b.conf': `${INSTANCE('BACKUP', 130)}virtual_server 192.0.2.10 80 {\n    lb_kind DR\n    protocol TCP\n    real_server 192.0.2.22 80 {\n        weight 1\n    }\n}\n`,
    },
    fix: 'Give every director of the cluster the same virtual_server blocks.',
  },
  'ignored-address-suffix': {
    explanation: 'Where keepalived wants one address, it reads the address and drops a /prefix or -range written after it without a word.',
    example: 'virtual_server 192.0.2.10/24 80 {\n    lb_kind DR\n    protocol TCP\n}\n',
    fix: 'Write the bare address.',
  },
  'unreadable-include': {
    explanation: 'keepalived reads an include line by line, whatever it is. The linter reads only regular files (and character devices such as /dev/null) up to 8 MiB, so a FIFO, a device or a huge file cannot hang the editor; what it does not read, it cannot check.',
    example: 'include /etc\n',
    fix: 'Include regular files only.',
  },
  'config-test-stops': {
    explanation: "To check that a script can be reached by the user it runs as, keepalived switches to that user and back; keepalived 2.2.5 to 2.2.7 then test that the process's parent is still keepalived's main process. Under 'keepalived -t' the main process is the one checking, so the test fails and it sends itself SIGTERM: -t exits with status 143 and prints nothing. The daemon checks in its child processes and runs fine. keepalived 2.2.8 skips the test under -t. Debian 12 ships 2.2.7.",
    example: 'vrrp_script chk {\n    script "/usr/bin/true"\n    user nobody\n}\n',
    keepalivedVersion: '2.2.7',
    fix: 'Nothing is wrong with the config. Validate it with keepalived 2.2.8 or later (or with this linter); a validate step running 2.2.7\'s -t on it always fails.',
  },
  'lone-carriage-return': {
    explanation: 'keepalived splits lines at line feeds only. A carriage return alone is a blank to it, so what an editor shows as two lines is one line to keepalived: after a comment, the second line is ignored.',
    example: 'global_defs {\n    router_id lb1 # main\r    script_user root\n}\n',
    fix: 'Use line feeds (or CR LF) as line breaks.',
  },
  'line-too-long': {
    explanation: 'keepalived reads its config into a buffer of 1,024 bytes: a line of 1,023 bytes or more (UTF-8: a comment in Chinese gets there at about 341 characters) arrives in pieces of 1,023 bytes. keepalived before 2.4.0 reads each piece as a line of its own, so the text after a cut is read as a new statement (the tail of a long comment becomes an unknown keyword); 2.4.0 and later say the line is too long, ignore the full pieces and read the last one as a line. Expanding $NAME parameters has the same limit: where a substitution would make the line longer, keepalived stops expanding it and reads the rest of the line as written (a warning: keepalived only logs it).',
    example: `global_defs {\n    notification_email_from ${'a'.repeat(1100)}@example.com\n}\n`,
    fix: 'Shorten the line: a long command goes into a script, a long list onto lines of its own in a block, a long comment onto several lines.',
  },
  'ending-backslash': {
    explanation: "keepalived continues a line onto the next only inside a `$NAME` definition. Elsewhere a backslash at the end of a line stays: keepalived drops the blanks before it, so it becomes the last character of the line's last word (`interface eth0 \\` names an interface `eth0\\`, `virtual_router_id 51 \\` is no number). keepalived before 2.4.0 did the same with a backslash that ends a comment, appending it to the text before the comment. Some lines keepalived splits a second time to read a quoted command or pattern, and there the backslash escapes nothing: a notify script is then ignored, and a vrrp_script's `script`, a MISC_CHECK's `misc_path` or an url's `regex` crashes the VRRP or checker process, which keepalived restarts over and over (an error: `keepalived -t` notices nothing).",
    example: 'vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51 \\\n    priority 100\n    virtual_ipaddress {\n        192.0.2.10\n    }\n}\n',
    fix: 'Write the statement on one line, or its words on lines of their own where keepalived reads them so (a block). Do not end a comment with a backslash for keepalived before 2.4.0.',
  },
  'too-many-diagnostics': {
    explanation: 'The linter lists at most 1,000 findings per file and then says how many more there are, so a generated or runaway file cannot flood the editor.',
    example: Array.from({ length: 1002 }, (_, i) => `bogus_keyword_${i}\n`).join(''),
    fix: 'Fix the findings listed first; the rest show up as they go.',
  },
  'host-interface-missing': {
    explanation: "keepalived checks interface names against the machine it runs on: an instance on an interface that does not exist does not start (a tracked interface or a VIP's dev is dropped with a warning).",
    example: 'vrrp_instance VI_1 {\n    interface nosuch0\n    state MASTER\n    virtual_router_id 51\n    priority 100\n    virtual_ipaddress {\n        192.0.2.10/24\n    }\n}\n',
    hostChecks: true,
    fix: 'Use the name the interface has on the director (ip link), or set dynamic_interfaces in global_defs.',
  },
  'host-script-missing': {
    explanation: 'keepalived drops a tracked or notify script whose file does not exist when it starts.',
    example: 'vrrp_script chk {\n    script "/nonexistent/check.sh"\n}\n',
    hostChecks: true,
    fix: 'Install the script on the director, or correct its path.',
  },
  'host-script-not-executable': {
    explanation: 'keepalived drops a script its user cannot execute (it checks the permission bits for the user it runs the script as).',
    example: 'vrrp_script chk {\n    script "/etc/passwd"\n}\n',
    hostChecks: true,
    fix: 'chmod +x the script, or run it as a user that may execute it.',
  },
  'host-script-user': {
    explanation: 'A script runs as its own user, else script_user, else keepalived_script, else root. A user or group that does not exist on the machine makes keepalived ignore the script.',
    example: 'vrrp_script chk {\n    script "/usr/bin/true"\n    user nosuch_ka_user\n}\n',
    hostChecks: true,
    fix: 'Create the user, or name one that exists.',
  },
  'host-script-insecure': {
    explanation: 'For a script run as root, keepalived checks every part of its path: one writable by others, or (from 2.4.0) a symbolic link such as /bin on a merged-/usr system, makes it disable the script under enable_script_security and complain without it.',
    example: 'global_defs {\n    enable_script_security\n    script_user root\n}\nvrrp_script chk {\n    script "/bin/true"\n}\n',
    keepalivedVersion: '2.4.3',
    hostChecks: true,
    fix: 'Write the real path (readlink -f), and keep the script and its directories writable by root only.',
  },
  'host-script-security': {
    explanation: 'Without enable_script_security keepalived runs scripts as root whatever their permissions, and reports a SECURITY VIOLATION at start-up.',
    example: 'vrrp_script chk {\n    script "/usr/bin/true"\n}\n',
    hostChecks: true,
    fix: 'Add enable_script_security to global_defs (and script_user if the scripts should not run as root).',
  },
};
