import type { BlockSpec, KeywordSpec } from './types';
import { IPVS_WEIGHT_MAX, ONE_USEC, connectTimeout, oneString, optionalBool, timer, unsigned } from './check-args';

/**
 * Health checkers inside real_server (check/check_api.c and check/check_*.c). Every checker but
 * MISC_CHECK, FILE_CHECK and BFD_CHECK shares one set of connection and timing keywords; the shared
 * definitions below are built once per checker because the release that introduced each of them differs
 * from checker to checker (`since`).
 */

type SinceMap = Readonly<Record<string, string>>;

const withSince = (kw: KeywordSpec, since: SinceMap): KeywordSpec => (since[kw.name] ? { ...kw, since: since[kw.name] } : kw);

/** Where the connection goes and comes from: check_api.c, only for checkers that open a socket. */
const connectionKeywords: readonly KeywordSpec[] = [
  { name: 'connect_ip', args: [{ name: 'ADDRESS', type: { kind: 'ip' } }], doc: 'Address the checker connects to instead of the real server\'s, e.g. a management address.', example: 'connect_ip 192.0.2.21' },
  { name: 'connect_port', args: [{ name: 'PORT', type: { kind: 'int', min: 1, max: 65535 } }], doc: 'Port the checker connects to; defaults to the real server\'s port.', example: 'connect_port 8080' },
  { name: 'bindto', args: [{ name: 'ADDRESS', type: { kind: 'ip' } }], doc: 'Source address for the checker\'s connection; must be of the same family as the destination.', example: 'bindto 192.0.2.1' },
  { name: 'bind_port', args: [{ name: 'PORT', type: { kind: 'port' } }], doc: 'Source port for the checker\'s connection.', example: 'bind_port 40000' },
  { name: 'bind_if', args: [{ name: 'IFNAME', type: { kind: 'interface' } }], doc: 'Interface to send the check from; required when the destination is an IPv6 link-local address.', example: 'bind_if eth0' },
  { name: 'connect_timeout', args: connectTimeout, doc: 'Seconds to wait for the connection (and each reply); defaults to the real server\'s, finally 5 s.', example: 'connect_timeout 3' },
  { name: 'fwmark', args: unsigned('MARK', 0), doc: 'Firewall mark put on the checker\'s packets (SO_MARK), e.g. to route them through a policy rule.', example: 'fwmark 7' },
];

/** Retry and timing keywords that every checker except FILE_CHECK and BFD_CHECK reads. */
/** `delayBeforeRetryDefault` null: no fixed default (DNS_CHECK falls back to delay_loop). */
function timingKeywords(retryDefault: string, delayBeforeRetryDefault: string | null): KeywordSpec[] {
  return [
    { name: 'retry', args: unsigned('COUNT', 0), default: retryDefault, doc: 'Extra attempts after a failed check before the real server is marked down. Inherited from the real server or service when set there.', example: 'retry 3' },
    { name: 'delay_before_retry', args: timer(0), ...(delayBeforeRetryDefault ? { default: delayBeforeRetryDefault } : {}), doc: 'Seconds to wait before retrying a failed check (DNS_CHECK waits delay_loop by default).', example: 'delay_before_retry 2' },
    { name: 'warmup', args: timer(0), doc: 'Upper bound in seconds of a random delay before the first check, to spread checks out; 0 disables it. Defaults to delay_loop.', example: 'warmup 2' },
    { name: 'delay_loop', args: timer(ONE_USEC), doc: 'Seconds between two runs of this checker; defaults to the real server\'s, finally 60 s.', example: 'delay_loop 5' },
    { name: 'alpha', args: optionalBool, doc: 'Consider the checker failed until its first success. Defaults to the real server\'s setting.', example: 'alpha yes' },
    { name: 'log_all_failures', args: optionalBool, doc: 'Log every failed attempt while the server is up, not only the one that takes it down.', example: 'log_all_failures yes' },
  ];
}

function checkerBlock(id: string, title: string, own: readonly KeywordSpec[], since: SinceMap): BlockSpec {
  return { id, title, keywords: own.map((kw) => withSince(kw, since)) };
}

const socketChecker = (retryDefault = '1', delayBeforeRetryDefault: string | null = '1'): KeywordSpec[] => [
  ...connectionKeywords,
  ...timingKeywords(retryDefault, delayBeforeRetryDefault),
];

// ---- HTTP_GET / SSL_GET ------------------------------------------------------------------------

const REGEX_OPTIONS = [
  'allow_empty_class', 'alt_bsux', 'auto_callout', 'caseless', 'dollar_endonly', 'dotall', 'dupnames', 'extended',
  'firstline', 'match_unset_backref', 'multiline', 'never_ucp', 'never_utf', 'no_auto_capture', 'no_auto_possess',
  'no_dotstar_anchor', 'no_start_optimize', 'ucp', 'ungreedy', 'utf', 'never_backslash_c', 'alt_circumflex',
  'alt_verbnames', 'use_offset_limit',
] as const;

const tlsCompliant: KeywordSpec = { name: 'tls_compliant', args: optionalBool, since: '2.2.8', doc: 'Close the TLS session properly with a close_notify alert instead of just dropping the connection.', example: 'tls_compliant' };

function urlKeywords(ssl: boolean): KeywordSpec[] {
  return [
    { name: 'path', args: oneString('PATH'), required: true, doc: 'Path (and query) to request, e.g. `/health`. A url block without a path is dropped.', example: 'path /health' },
    { name: 'digest', args: [{ name: 'MD5', type: { kind: 'hex', digits: 32 } }], keepsFirst: '2.0.6', doc: 'MD5 of the expected response body as 32 hex digits (genhash prints it); the check fails on any other body.', example: 'digest 9b3a0c85a887a256d6939da88aabd8cd' },
    { name: 'status_code', args: [{ name: 'CODE|RANGE', type: { kind: 'string' } }], freeTail: true, repeatable: true, default: '200-299', doc: 'HTTP status codes that count as success: codes 100-599 or ranges like `200-299`, several per line.', example: 'status_code 200-299 301' },
    { name: 'virtualhost', args: oneString('HOST'), since: '1.3.6', doc: 'Host header for this URL; defaults to the checker\'s, then the real server\'s, then the service\'s.', example: 'virtualhost www.example.com' },
    { name: 'regex', args: oneString('PATTERN'), extraWordsIgnoreLine: true, since: '2.0.7', doc: 'PCRE2 pattern the response body must match (quote it if it has blanks).', example: 'regex "^OK"' },
    { name: 'regex_no_match', args: [], since: '2.0.7', doc: 'Invert `regex`: the check fails when the body matches.', example: 'regex_no_match' },
    { name: 'regex_options', args: [{ name: 'OPTION', type: { kind: 'enum', values: REGEX_OPTIONS }, variadic: true }], since: '2.0.7', doc: 'PCRE2 compile options for `regex`, e.g. `caseless multiline`.', example: 'regex_options caseless' },
    { name: 'regex_min_offset', args: unsigned('OFFSET', 0), since: '2.0.7', doc: 'Byte offset in the body where matching may start.', example: 'regex_min_offset 0' },
    { name: 'regex_max_offset', args: unsigned('OFFSET', 0), since: '2.0.7', doc: 'Last byte offset in the body where a match may start.', example: 'regex_max_offset 4096' },
    { name: 'regex_stack', args: [{ name: 'START', type: { kind: 'int', min: 0 } }, { name: 'MAX', type: { kind: 'int', min: 0 } }], since: '2.0.7', doc: 'Initial and maximum JIT stack size in bytes for complex patterns.', example: 'regex_stack 32768 262144' },
    ...(ssl ? [{ ...tlsCompliant, doc: 'Close the TLS session of this URL\'s check with a close_notify alert.' }] : []),
  ];
}

function httpKeywords(id: 'HTTP_GET' | 'SSL_GET'): KeywordSpec[] {
  const ssl = id === 'SSL_GET';
  return [
    ...socketChecker('1', '3'),
    { name: 'nb_get_retry', args: unsigned('COUNT', 0), deprecated: { replacement: 'retry' }, doc: 'Old name of `retry`; keepalived warns and uses the value as retry.', example: 'nb_get_retry 3' },
    { name: 'virtualhost', args: oneString('HOST'), doc: 'Host header sent with every URL of this checker; defaults to the real server\'s or service\'s virtualhost.', example: 'virtualhost www.example.com' },
    { name: 'http_protocol', args: [{ name: 'VERSION', type: { kind: 'enum', values: ['1.0', '1.1', '1.0C', '1.0c'] } }], default: '1.0', doc: 'HTTP version of the request; 1.0C is 1.0 with `Connection: close`.', example: 'http_protocol 1.1' },
    { name: 'enable_sni', args: optionalBool, doc: 'Send the server name (SNI) in the TLS handshake; the name is the virtualhost.', example: 'enable_sni' },
    { name: 'sni_name', args: [{ name: 'NAME', type: { kind: 'hostname' }, optional: true }], doc: 'Name to send as SNI instead of the virtualhost; turns enable_sni on. Only on upstream master after 2.4.3, in no release yet.', example: 'sni_name www.example.com' },
    { name: 'fast_recovery', args: optionalBool, doc: 'When starting or recovering, check all URLs back to back instead of one per delay_loop, so the server comes up sooner.', example: 'fast_recovery' },
    ...(ssl ? [tlsCompliant] : []),
    { name: 'url', args: [], block: `${id}.url`, repeatable: true, required: true, doc: 'One URL to fetch; every url must pass for the server to be up. A checker without a url is dropped.', example: 'url' },
  ];
}

const httpSince: SinceMap = {
  connect_ip: '1.2.13', bind_port: '1.2.13', bind_if: '1.3.7', fwmark: '1.2.13', retry: '1.3.7', warmup: '1.2.13',
  delay_loop: '1.3.7', alpha: '1.3.7', log_all_failures: '2.0.11', virtualhost: '1.3.6', http_protocol: '2.0.17',
  enable_sni: '1.4.3', sni_name: '2.4.4', fast_recovery: '2.0.17',
};

// ---- the other checkers ------------------------------------------------------------------------

const miscKeywords: KeywordSpec[] = [
  ...timingKeywords('0', '1'),
  { name: 'misc_path', args: [{ name: 'SCRIPT', type: { kind: 'command' } }], freeTail: true, required: true, doc: 'Program (with arguments) to run as the check: exit 0 means up, 1 down. Without it the checker is dropped.', example: 'misc_path "/bin/true"' },
  { name: 'misc_timeout', args: unsigned('SECONDS', 0, 4294), doc: 'Whole seconds the program may run before it is killed and counted as failed; defaults to the service\'s delay_loop.', example: 'misc_timeout 5' },
  { name: 'misc_dynamic', args: [], doc: 'Let the exit status set the weight: 0 up unchanged, 1 down, 2-255 up with weight status minus 2.', example: 'misc_dynamic' },
  { name: 'user', args: [{ name: 'USER', type: { kind: 'string' } }, { name: 'GROUP', type: { kind: 'string' }, optional: true }], freeTail: true, doc: 'User (and group) to run the program as; defaults to the global script_user.', example: 'user root' },
];

const smtpKeywords: KeywordSpec[] = [
  { name: 'helo_name', args: oneString('NAME'), default: 'smtpchecker.keepalived.org', keepsFirst: '2.2.8', doc: 'Name to give in the HELO command.', example: 'helo_name mail.example.com' },
  ...socketChecker(),
  { name: 'host', args: [], block: 'SMTP_CHECK.host', repeatable: true, deprecated: { note: 'define one SMTP_CHECK per address instead' }, doc: 'Old way to check several addresses from one SMTP_CHECK; each host block becomes a checker of its own.', example: 'host' },
];

const udpKeywords: KeywordSpec[] = [
  ...socketChecker(),
  { name: 'payload', args: [{ name: 'HEX', type: { kind: 'hex' }, variadic: true }], since: '2.2.0', doc: 'Bytes to send, in hex (blanks allowed); without it a random payload is sent.', example: 'payload 0a0b0c0d' },
  { name: 'require_reply', args: [{ name: 'HEX', type: { kind: 'string' }, optional: true, variadic: true }], doc: 'Count the check as passed only if a reply arrives; with hex data, the reply must start with it (x digits match anything).', example: 'require_reply' },
  { name: 'min_reply_length', args: unsigned('BYTES', 0, 65535), since: '2.2.0', default: '0', doc: 'Shortest acceptable reply in bytes when require_reply is set.', example: 'min_reply_length 4' },
  { name: 'max_reply_length', args: unsigned('BYTES', 0, 65535), since: '2.2.0', default: '255', doc: 'Longest acceptable reply in bytes when require_reply is set.', example: 'max_reply_length 512' },
];

const DNS_TYPES = ['A', 'NS', 'CNAME', 'SOA', 'MX', 'TXT', 'AAAA', 'RRSIG', 'DNSKEY'] as const;

const dnsKeywords: KeywordSpec[] = [
  ...socketChecker('3', null),
  { name: 'type', args: [{ name: 'TYPE', type: { kind: 'enum', values: DNS_TYPES, caseInsensitive: true } }], default: 'SOA', doc: 'Record type to query.', example: 'type A' },
  { name: 'name', args: [{ name: 'NAME', type: { kind: 'dnsName' } }], default: '.', keepsFirst: '2.1.4', doc: 'Domain name to query; the root zone when absent.', example: 'name example.com' },
];

const fileKeywords: KeywordSpec[] = [
  { name: 'track_file', args: [{ name: 'NAME', type: { kind: 'ref', symbol: 'track_file' } }], required: true, doc: 'The track_file whose number sets this server\'s weight (0 or an error reading it takes the server down). Without it the checker is dropped.', example: 'track_file tf1' },
  { name: 'weight', args: [{ name: 'WEIGHT', type: { kind: 'int', min: -IPVS_WEIGHT_MAX, max: IPVS_WEIGHT_MAX } }, { name: 'DIRECTION', type: { kind: 'enum', values: ['reverse', 'noreverse'] }, optional: true }], doc: 'Multiplier for the value read from the file (`reverse` flips its sign); defaults to the track_file\'s own weight.', example: 'weight 10 reverse' },
];

const bfdKeywords: KeywordSpec[] = [
  { name: 'name', args: [{ name: 'BFD', type: { kind: 'ref', symbol: 'bfd_instance' } }], required: true, misuseDropsEnclosing: true, doc: 'The bfd_instance whose session state takes this server up or down. Without it the checker is dropped.', example: 'name bfd1' },
  { name: 'alpha', args: optionalBool, doc: 'Consider the server down until the BFD session first comes up.', example: 'alpha' },
];

/** Checker blocks opened inside real_server. */
export const checkerOpeners: readonly KeywordSpec[] = [
  { name: 'MISC_CHECK', args: [], block: 'MISC_CHECK', repeatable: true, doc: 'Run a program to test the server; its exit status says up or down (or sets the weight with misc_dynamic).', example: 'MISC_CHECK' },
  { name: 'SMTP_CHECK', args: [], block: 'SMTP_CHECK', repeatable: true, doc: 'Connect, expect a 220 greeting, send HELO and QUIT.', example: 'SMTP_CHECK' },
  { name: 'TCP_CHECK', args: [], block: 'TCP_CHECK', repeatable: true, doc: 'The server is up when a TCP connection to it succeeds.', example: 'TCP_CHECK' },
  { name: 'PING_CHECK', args: [], since: '2.1.0', block: 'PING_CHECK', repeatable: true, doc: 'The server is up when it answers ICMP echo. May widen net.ipv4.ping_group_range so root can use ICMP sockets.', example: 'PING_CHECK' },
  { name: 'UDP_CHECK', args: [], since: '2.1.0', block: 'UDP_CHECK', repeatable: true, doc: 'Send a UDP datagram; the server is down on an ICMP unreachable or, with require_reply, without a fitting reply.', example: 'UDP_CHECK' },
  { name: 'HTTP_GET', args: [], block: 'HTTP_GET', repeatable: true, doc: 'Fetch one or more URLs over HTTP and check status code, digest or regex.', example: 'HTTP_GET' },
  { name: 'SSL_GET', args: [], block: 'SSL_GET', repeatable: true, doc: 'Like HTTP_GET over TLS; client keys come from the top-level SSL block.', example: 'SSL_GET' },
  { name: 'DNS_CHECK', args: [], since: '1.3.0', block: 'DNS_CHECK', repeatable: true, doc: 'Send a DNS query over UDP; the server is up when it answers.', example: 'DNS_CHECK' },
  { name: 'FILE_CHECK', args: [], since: '2.1.0', block: 'FILE_CHECK', repeatable: true, doc: 'Set the server\'s weight, or take it down, from a number in a file declared with track_file.', example: 'FILE_CHECK' },
  { name: 'BFD_CHECK', args: [], since: '2.0.0', block: 'BFD_CHECK', repeatable: true, doc: 'Follow a BFD session declared with bfd_instance: the server is down while the session is down.', example: 'BFD_CHECK' },
];

const all210 = (names: readonly KeywordSpec[]): SinceMap => Object.fromEntries(names.map((kw) => [kw.name, '2.1.0']));

export const checkerBlocks: readonly BlockSpec[] = [
  checkerBlock('MISC_CHECK', 'MISC_CHECK block', miscKeywords, {
    retry: '1.3.7', delay_before_retry: '1.3.7', warmup: '1.2.13', delay_loop: '1.3.7', alpha: '1.3.7', log_all_failures: '2.0.11', user: '1.3.0',
  }),
  checkerBlock('SMTP_CHECK', 'SMTP_CHECK block', smtpKeywords, {
    connect_ip: '1.2.17', connect_port: '1.2.17', bindto: '1.2.17', bind_port: '1.2.17', bind_if: '1.3.7', fwmark: '1.2.17',
    warmup: '1.2.13', delay_loop: '1.3.7', alpha: '1.3.7', log_all_failures: '2.0.11',
  }),
  checkerBlock('SMTP_CHECK.host', 'SMTP_CHECK host block', socketChecker(), {
    bind_port: '1.2.13', bind_if: '1.3.7', connect_timeout: '1.2.13', fwmark: '1.2.13', retry: '1.3.7', delay_before_retry: '1.3.7',
    warmup: '1.3.7', delay_loop: '1.3.7', alpha: '1.3.7', log_all_failures: '2.0.11',
  }),
  checkerBlock('TCP_CHECK', 'TCP_CHECK block', socketChecker(), {
    connect_ip: '1.2.13', bind_port: '1.2.13', bind_if: '1.3.7', fwmark: '1.2.13', retry: '1.2.20', delay_before_retry: '1.2.20',
    warmup: '1.2.13', delay_loop: '1.3.7', alpha: '1.3.7', log_all_failures: '2.0.11',
  }),
  checkerBlock('PING_CHECK', 'PING_CHECK block', socketChecker(), all210(socketChecker())),
  checkerBlock('UDP_CHECK', 'UDP_CHECK block', udpKeywords, { ...all210(socketChecker()), require_reply: '2.1.0' }),
  checkerBlock('HTTP_GET', 'HTTP_GET block', httpKeywords('HTTP_GET'), httpSince),
  checkerBlock('HTTP_GET.url', 'HTTP_GET url block', urlKeywords(false), {}),
  checkerBlock('SSL_GET', 'SSL_GET block', httpKeywords('SSL_GET'), httpSince),
  checkerBlock('SSL_GET.url', 'SSL_GET url block', urlKeywords(true), {}),
  checkerBlock('DNS_CHECK', 'DNS_CHECK block', dnsKeywords, {
    ...Object.fromEntries(dnsKeywords.map((kw) => [kw.name, '1.3.0'])),
    bind_if: '1.3.7', delay_before_retry: '1.3.7', warmup: '1.3.7', delay_loop: '1.3.7', alpha: '1.3.7', log_all_failures: '2.0.11',
  }),
  checkerBlock('FILE_CHECK', 'FILE_CHECK block', fileKeywords, all210(fileKeywords)),
  checkerBlock('BFD_CHECK', 'BFD_CHECK block', bfdKeywords, { name: '2.0.0', alpha: '2.0.0' }),
];
