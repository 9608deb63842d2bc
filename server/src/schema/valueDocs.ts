/**
 * What each value of the common enumerations does, in our own words (IPVS schedulers and forwarding
 * methods as ipvsadm(8) describes them, VRRP states and authentication types as keepalived uses them).
 * Completion and hover show these next to the value.
 */
export const VALUE_DOCS: Readonly<Record<string, string>> = {
  // lvs_sched / lb_algo
  rr: 'Round robin: each new connection goes to the next real server in turn, weights ignored.',
  wrr: 'Weighted round robin: in turn, with each real server getting connections in proportion to its weight.',
  lc: 'Least connection: the real server with the fewest active connections.',
  wlc: 'Weighted least connection: the fewest active connections relative to the weight. keepalived\'s default.',
  lblc: 'Locality-based least connection: the same real server for a destination address while it is not overloaded (for caches).',
  lblcr: 'Locality-based least connection with replication: a set of real servers per destination address (for caches).',
  dh: 'Destination hashing: the real server is picked by a hash of the destination address.',
  sh: 'Source hashing: the real server is picked by a hash of the client\'s address, so a client keeps its server.',
  mh: 'Maglev hashing: consistent hashing of the source, so few clients move when a real server comes or goes.',
  sed: 'Shortest expected delay: the smallest (active connections + 1) / weight.',
  nq: 'Never queue: an idle real server when there is one, otherwise shortest expected delay.',
  fo: 'Weighted failover: every connection to the available real server with the highest weight.',
  ovf: 'Weighted overflow: to the highest-weight real server until its active connections exceed its weight, then the next.',
  twos: 'Weighted random twos choice: two real servers drawn by weight, the one with fewer connections wins.',
  // lvs_method / lb_kind
  NAT: 'Masquerading: the director rewrites the destination to the real server; replies must route back through the director.',
  DR: 'Direct routing: the director only changes the MAC address; real servers on the same segment hold the VIP on a non-ARPing interface and reply to clients directly.',
  TUN: 'IP tunnelling: packets are encapsulated (ipip, or gue/gre with `type`) to real servers, which may be on other networks and reply directly.',
  // vrrp_instance state
  MASTER: 'Start as MASTER: take the VIPs at once. The election by priority still decides who keeps them.',
  BACKUP: 'Start as BACKUP and wait for adverts; become MASTER when none arrive or the priority is higher (unless nopreempt).',
  // authentication auth_type
  PASS: 'A clear-text password of up to 8 characters in each advert.',
  AH: 'An IPsec AH header on each advert (IPv4, VRRP version 2 only).',
  // protocol
  TCP: 'A TCP service.',
  UDP: 'A UDP service.',
  SCTP: 'An SCTP service.',
};
