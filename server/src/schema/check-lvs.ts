import type { BlockSpec } from './types';
import {
  IPVS_WEIGHT_MAX, ONE_USEC, UINT_MAX, connectTimeout, forwardingMethod, notifyScript, onePath, oneString,
  optionalBool, serverAddress, timer, unsigned,
} from './check-args';

/**
 * The LVS side of keepalived.conf as check/check_parser.c registers it: the SSL context, virtual server
 * groups, virtual servers and their real servers. The health checkers inside real_server are in
 * check-checkers.ts.
 */

/** Schedulers keepalived accepts for lvs_sched / lb_algo (its own list; the kernel may lack some). */
export const LVS_SCHEDULERS = ['rr', 'wrr', 'lc', 'wlc', 'lblc', 'sh', 'mh', 'dh', 'fo', 'ovf', 'lblcr', 'sed', 'nq', 'twos'] as const;

const scheduler = [{ name: 'SCHEDULER', type: { kind: 'enum', values: LVS_SCHEDULERS } }] as const;

export const lvsRootBlock: BlockSpec = {
  id: 'root',
  title: 'top level',
  keywords: [
    { name: 'SSL', args: [], block: 'SSL', doc: 'Key material for the SSL_GET checkers. Without this block keepalived builds a default TLS client context, which is enough unless the real servers ask for a client certificate.', example: 'SSL' },
    { name: 'virtual_server_group', args: [{ name: 'NAME', type: { kind: 'define', symbol: 'virtual_server_group' } }], block: 'virtual_server_group', repeatable: true, doc: 'A named set of addresses, address ranges and fwmarks that `virtual_server group NAME` uses as one service, so the real servers are checked once for all of them. A group with no entries is dropped.', example: 'virtual_server_group WEB' },
    { name: 'virtual_server', args: [{ name: 'ADDRESS|fwmark|group', type: { kind: 'string' } }], freeTail: true, block: 'virtual_server', repeatable: true, doc: 'An LVS service with its balancing settings and real servers. The line takes one of three forms, `virtual_server IP [PORT]`, `virtual_server fwmark N` or `virtual_server group NAME`; the schema accepts any words here and the analysis layer checks the form. A service without real servers is ignored.', example: 'virtual_server 192.0.2.100 80' },
  ],
};

export const sslBlock: BlockSpec = {
  id: 'SSL',
  title: 'SSL block',
  keywords: [
    { name: 'password', args: oneString('PASSWORD'), doc: 'Passphrase that unlocks the private key given by `key`.', example: 'password s3cret' },
    { name: 'ca', args: onePath('FILE'), doc: 'PEM file with the CA certificates used to verify the real servers.', example: 'ca /etc/keepalived/ca.pem' },
    { name: 'certificate', args: onePath('FILE'), doc: 'PEM client certificate that SSL_GET presents to the real servers.', example: 'certificate /etc/keepalived/client.pem' },
    { name: 'key', args: onePath('FILE'), doc: 'PEM private key that belongs to `certificate`.', example: 'key /etc/keepalived/client.key' },
  ],
};

export const virtualServerGroupBlock: BlockSpec = {
  id: 'virtual_server_group',
  title: 'virtual_server_group block',
  keywords: [],
  items: {
    args: [{ name: 'ADDRESS|RANGE|fwmark', type: { kind: 'string' } }],
    freeTail: true,
    doc: 'One member per line: `IP [PORT]`, a range `192.0.2.1-10 [PORT]` or `192.0.2.1-192.0.2.20 [PORT]`, a prefix `192.0.2.8/29 [PORT]`, or `fwmark N [inet|inet6]`.',
    example: '192.0.2.100 80',
  },
};

export const virtualServerBlock: BlockSpec = {
  id: 'virtual_server',
  title: 'virtual_server block',
  keywords: [
    { name: 'ip_family', args: [{ name: 'FAMILY', type: { kind: 'enum', values: ['inet', 'inet6'] } }], since: '1.2.20', doc: 'Address family of a fwmark service, needed only when every real server is tunnelled; otherwise it follows the addresses. Without it such a service is IPv4.', example: 'ip_family inet' },
    { name: 'retry', args: unsigned('COUNT', 1), since: '1.3.7', doc: 'Default number of extra checks before a real server that fails is taken down; real servers and checkers may override it.', example: 'retry 3' },
    { name: 'delay_before_retry', args: timer(0), since: '1.3.7', doc: 'Default pause in seconds between a failed check and its retry (checkers default to 1 s, HTTP_GET/SSL_GET to 3 s, DNS_CHECK to delay_loop).', example: 'delay_before_retry 2' },
    { name: 'warmup', args: timer(0), since: '1.3.7', doc: 'Default upper bound in seconds of the random delay before a checker first runs, to spread checks out; 0 turns it off. Without it the bound is delay_loop.', example: 'warmup 5' },
    { name: 'connect_timeout', args: connectTimeout, since: '2.0.13', default: '5', doc: 'Default time in seconds a checker waits for its connection to a real server.', example: 'connect_timeout 3' },
    { name: 'delay_loop', args: timer(ONE_USEC), default: '60', doc: 'Seconds between two runs of each health checker of this service.', example: 'delay_loop 6' },
    { name: 'inhibit_on_failure', args: [], since: '1.3.7', doc: 'When a real server fails, keep it in the IPVS table with weight 0 instead of removing it, so existing connections are not cut. Default for the real servers.', example: 'inhibit_on_failure' },
    { name: 'lb_algo', args: scheduler, doc: 'The scheduler, under its older name: the same as `lvs_sched`, still fully supported (keepalived does not warn about it).', example: 'lb_algo wrr' },
    { name: 'lvs_sched', args: scheduler, default: 'wlc', doc: 'IPVS scheduler that spreads new connections over the real servers (rr, wrr, lc, wlc, sh, mh, ...). Without it keepalived uses wlc and says so.', example: 'lvs_sched rr' },
    { name: 'hashed', args: [], since: '1.3.0', deprecated: { note: 'accepted for compatibility; it sets no scheduler flag' }, doc: 'Left over from an old scheduler flag; keepalived accepts it and does nothing with it (outside sh/mh it complains).', example: 'hashed' },
    { name: 'ops', args: [], since: '1.2.8', doc: 'One-packet scheduling: each UDP datagram is scheduled on its own (ipvsadm -o). Only valid for UDP services or fwmarks.', example: 'ops' },
    { name: 'flag-1', args: [], since: '1.3.0', doc: 'Sets scheduler flag 1 (ipvsadm -b flag-1); its meaning depends on the scheduler.', example: 'flag-1' },
    { name: 'flag-2', args: [], since: '1.3.0', doc: 'Sets scheduler flag 2 (ipvsadm -b flag-2); its meaning depends on the scheduler.', example: 'flag-2' },
    { name: 'flag-3', args: [], since: '1.3.0', doc: 'Sets scheduler flag 3 (ipvsadm -b flag-3); its meaning depends on the scheduler.', example: 'flag-3' },
    { name: 'sh-port', args: [], since: '1.3.0', doc: 'With the sh scheduler, hash the source port as well as the source address.', example: 'sh-port' },
    { name: 'sh-fallback', args: [], since: '1.3.0', doc: 'With the sh scheduler, pick another real server when the hashed one is unavailable.', example: 'sh-fallback' },
    { name: 'mh-port', args: [], since: '2.0.20', doc: 'With the mh (Maglev) scheduler, hash the source port as well as the source address.', example: 'mh-port' },
    { name: 'mh-fallback', args: [], since: '2.0.20', doc: 'With the mh scheduler, pick another real server when the hashed one is unavailable.', example: 'mh-fallback' },
    { name: 'lb_kind', args: forwardingMethod, freeTail: true, doc: 'The forwarding method, under its older name: the same as `lvs_method`, still fully supported (keepalived does not warn about it).', example: 'lb_kind DR' },
    { name: 'lvs_method', args: forwardingMethod, freeTail: true, default: 'NAT', doc: 'How IPVS forwards packets to the real servers: NAT (masquerading), DR (direct routing: real servers carry the VIP on a non-ARPing interface) or TUN, optionally `type ipip|gue|gre`, `port N` for gue and `nocsum|csum|remcsum`. Default for real and sorry servers; NAT when unset.', example: 'lvs_method DR' },
    { name: 'persistence_engine', args: oneString('ENGINE'), since: '1.2.20', doc: 'IPVS persistence engine module, e.g. `sip` to keep SIP calls on one real server by Call-ID.', example: 'persistence_engine sip' },
    { name: 'persistence_timeout', args: [{ name: 'SECONDS', type: { kind: 'int', min: 1, max: 2678400 }, optional: true }], doc: 'Make the service persistent: a client keeps going to the same real server until it has been idle this many seconds. Given without a value, 360.', example: 'persistence_timeout 300' },
    { name: 'persistence_granularity', args: oneString('NETMASK|PREFIX'), doc: 'Clients that share this mask (an IPv4 netmask, or a prefix length 1-128 for IPv6) are treated as one for persistence (ipvsadm -M). Turns persistence on if it is not already.', example: 'persistence_granularity 255.255.255.0' },
    { name: 'protocol', args: [{ name: 'PROTO', type: { kind: 'enum', values: ['TCP', 'UDP', 'SCTP'], caseInsensitive: true } }], doc: 'Transport protocol of an address-based service. If it is missing keepalived complains and uses UDP; fwmark services ignore it.', example: 'protocol TCP' },
    { name: 'ha_suspend', args: [], doc: 'Pause the health checkers while the virtual address is not configured on this host (e.g. on the BACKUP director). Not usable with fwmarks.', example: 'ha_suspend' },
    { name: 'smtp_alert', args: optionalBool, since: '2.0.0', doc: 'Send an e-mail (using global_defs notification settings) when the service gains or loses quorum. Off unless the global smtp_alert settings turn it on.', example: 'smtp_alert yes' },
    { name: 'virtualhost', args: oneString('HOST'), doc: 'Default Host header for the HTTP_GET and SSL_GET checkers of this service.', example: 'virtualhost www.example.com' },
    { name: 'snmp_name', args: oneString('NAME'), extraWordsIgnoreLine: true, since: '2.2.3', doc: 'Label reported for this service in the SNMP data, to tell services apart.', example: 'snmp_name web-vip' },
    { name: 'alpha', args: [], doc: 'Start with every real server considered down until its checkers succeed, instead of up. Default for real servers and checkers.', example: 'alpha' },
    { name: 'omega', args: [], doc: 'On shutdown, run the quorum_down and notify_down scripts as servers are removed.', example: 'omega' },
    { name: 'quorum_up', args: notifyScript, keepsFirst: true, doc: 'Command to run when the live weight reaches the quorum again; optionally the user and group to run it as.', example: 'quorum_up "/bin/true up"' },
    { name: 'quorum_down', args: notifyScript, keepsFirst: true, doc: 'Command to run when the live weight falls below the quorum; optionally the user and group to run it as.', example: 'quorum_down "/bin/true down"' },
    { name: 'quorum', args: unsigned('WEIGHT', 1), default: '1', doc: 'Smallest total weight of live real servers for the service to count as up; below it the sorry server takes over and quorum_down runs.', example: 'quorum 2' },
    { name: 'hysteresis', args: unsigned('WEIGHT', 0), default: '0', doc: 'Margin around the quorum, in weight units, to damp flapping between quorum up and down.', example: 'hysteresis 1' },
    { name: 'weight', args: unsigned('WEIGHT', 1, IPVS_WEIGHT_MAX), since: '1.3.7', default: '1', doc: 'Default weight of the real servers of this service.', example: 'weight 2' },
    { name: 'sorry_server', args: serverAddress, doc: 'Server that receives the traffic when the quorum is lost; all real servers are then taken out.', example: 'sorry_server 192.0.2.30 80' },
    { name: 'sorry_server_inhibit', args: [], since: '1.2.13', doc: 'Treat the sorry server like inhibit_on_failure: keep it in the table with weight 0 rather than removing it. Must follow sorry_server.', example: 'sorry_server_inhibit' },
    { name: 'sorry_server_lvs_method', args: forwardingMethod, freeTail: true, since: '1.3.6', doc: 'Forwarding method for the sorry server (NAT, DR or TUN with options); default is the service\'s lvs_method. Must follow sorry_server.', example: 'sorry_server_lvs_method NAT' },
    { name: 'real_server', args: serverAddress, block: 'real_server', repeatable: true, required: true, doc: 'A backend of the service, with its weight and health checkers. A service with no real server is ignored.', example: 'real_server 192.0.2.11 80' },
  ],
};

export const realServerBlock: BlockSpec = {
  id: 'real_server',
  title: 'real_server block',
  keywords: [
    { name: 'weight', args: unsigned('WEIGHT', 0, IPVS_WEIGHT_MAX), default: '1', doc: 'Relative share of new connections for this server; 0 keeps it in the table without new traffic. Defaults to the service\'s weight (1).', example: 'weight 3' },
    { name: 'lvs_method', args: forwardingMethod, freeTail: true, since: '1.3.6', doc: 'Forwarding method for this server only (NAT, DR, or TUN with `type`, `port` and checksum options); defaults to the service\'s.', example: 'lvs_method DR' },
    { name: 'uthreshold', args: unsigned('CONNECTIONS', 0, UINT_MAX), doc: 'Upper connection limit: above it IPVS sends this server no new connections.', example: 'uthreshold 1000' },
    { name: 'lthreshold', args: unsigned('CONNECTIONS', 0, UINT_MAX), doc: 'Lower connection threshold: once an overloaded server drops below it, it gets new connections again.', example: 'lthreshold 800' },
    { name: 'inhibit_on_failure', args: optionalBool, doc: 'On failure set this server\'s weight to 0 instead of removing it. Defaults to the service\'s setting.', example: 'inhibit_on_failure yes' },
    { name: 'notify_up', args: notifyScript, keepsFirst: true, doc: 'Command to run when the checkers bring this server up; optionally the user and group to run it as.', example: 'notify_up "/bin/true up"' },
    { name: 'notify_down', args: notifyScript, keepsFirst: true, doc: 'Command to run when the checkers take this server down; optionally the user and group to run it as.', example: 'notify_down "/bin/true down"' },
    { name: 'alpha', args: optionalBool, since: '1.3.7', doc: 'Start this server as down until its checkers succeed. Defaults to the service\'s setting.', example: 'alpha yes' },
    { name: 'retry', args: unsigned('COUNT', 1), since: '1.3.7', doc: 'Default number of extra checks before this server is taken down; its checkers may override it.', example: 'retry 2' },
    { name: 'delay_before_retry', args: timer(0), since: '1.3.7', doc: 'Default pause in seconds before a failed check of this server is retried.', example: 'delay_before_retry 2' },
    { name: 'warmup', args: timer(0), since: '1.3.7', doc: 'Default upper bound in seconds of the random delay before this server\'s checkers first run; 0 turns it off.', example: 'warmup 3' },
    { name: 'connect_timeout', args: connectTimeout, since: '2.0.13', doc: 'Default connection timeout in seconds for this server\'s checkers; defaults to the service\'s (5 s).', example: 'connect_timeout 3' },
    { name: 'delay_loop', args: timer(ONE_USEC), since: '1.3.7', doc: 'Seconds between two runs of this server\'s checkers; defaults to the service\'s.', example: 'delay_loop 10' },
    { name: 'smtp_alert', args: optionalBool, since: '2.0.0', doc: 'Send an e-mail when this server goes up or down. On unless the global smtp_alert settings say otherwise.', example: 'smtp_alert no' },
    { name: 'virtualhost', args: oneString('HOST'), since: '1.3.6', doc: 'Default Host header for the HTTP_GET and SSL_GET checkers of this server.', example: 'virtualhost www.example.com' },
    { name: 'snmp_name', args: oneString('NAME'), extraWordsIgnoreLine: true, since: '2.2.3', doc: 'Label reported for this server in the SNMP data.', example: 'snmp_name web1' },
  ],
};
