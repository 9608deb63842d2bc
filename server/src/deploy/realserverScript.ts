/**
 * Renders the LVS-DR real-server script (POSIX sh; start | stop | status).
 *
 * In DR mode the director forwards packets still addressed to the VIP, so each real server must own
 * the VIP on `lo` (as a host address, so it is never used for ARP or routing) and must neither answer
 * ARP for it (arp_ignore=1) nor use it as an ARP source (arp_announce=2) — on `lo` and on `all`,
 * because the kernel takes the larger of the `all` and per-device values.
 *
 * Exit codes follow LSB: 0 ok / running, 1 failure, 2 bad usage, 3 status: not running.
 */
import { isIP } from 'node:net';

export function renderRealserverScript(vips: readonly string[]): string {
  if (vips.length === 0) throw new Error('the real-server script needs at least one VIP');
  for (const vip of vips) if (!isIP(vip)) throw new Error(`'${vip}' is not an IP address`);
  const unique = [...new Set(vips)];
  return `#!/bin/sh
# LVS-DR real server: VIPs on lo, ARP suppressed. Written by keepalived-deploy; edit the cluster file instead.
# usage: $0 start|stop|status
VIPS="${unique.join(' ')}"
CONF=/proc/sys/net/ipv4/conf

have_ip() { command -v ip >/dev/null 2>&1; }
prefix_of() { case "$1" in *:*) echo 128 ;; *) echo 32 ;; esac; }

# $1 = arp_ignore, $2 = arp_announce, for lo and all
set_arp() {
  for dev in lo all; do
    echo "$1" > "$CONF/$dev/arp_ignore" || return 1
    echo "$2" > "$CONF/$dev/arp_announce" || return 1
  done
}

arp_is_set() {
  for dev in lo all; do
    [ "$(cat "$CONF/$dev/arp_ignore" 2>/dev/null)" = 1 ] || return 1
    [ "$(cat "$CONF/$dev/arp_announce" 2>/dev/null)" = 2 ] || return 1
  done
}

# $1 = VIP
vip_present() {
  if have_ip; then
    ip -o addr show dev lo | awk '{ print $4 }' | grep -qxF "$1/$(prefix_of "$1")"
  else
    ifconfig -a 2>/dev/null | grep -qE "inet6? (addr:)?$(echo "$1" | sed 's/[.]/[.]/g')([/ ]|\$)"
  fi
}

# $1 = VIP, $2 = alias number for ifconfig
vip_add() {
  if have_ip; then
    ip link set dev lo up && ip addr add "$1/$(prefix_of "$1")" dev lo
  else
    case "$1" in
      *:*) ifconfig lo inet6 add "$1/128" ;;
      *) ifconfig "lo:$2" "$1" netmask 255.255.255.255 up ;;
    esac
  fi
}

vip_del() {
  if have_ip; then
    ip addr del "$1/$(prefix_of "$1")" dev lo
  else
    case "$1" in
      *:*) ifconfig lo inet6 del "$1/128" ;;
      *) ifconfig "lo:$2" down ;;
    esac
  fi
}

start() {
  # ARP first, so the VIP is never announced from this host, not even for a moment.
  set_arp 1 2 || { echo "cannot set arp_ignore/arp_announce (not root?)" >&2; return 1; }
  n=0; rc=0
  for vip in $VIPS; do
    if vip_present "$vip"; then
      echo "$vip already on lo"
    elif vip_add "$vip" "$n"; then
      echo "$vip added to lo"
    else
      echo "cannot add $vip to lo" >&2; rc=1
    fi
    n=$((n + 1))
  done
  return $rc
}

stop() {
  n=0; rc=0
  for vip in $VIPS; do
    if vip_present "$vip"; then
      vip_del "$vip" "$n" || { echo "cannot remove $vip from lo" >&2; rc=1; }
    fi
    n=$((n + 1))
  done
  set_arp 0 0 || { echo "cannot reset arp_ignore/arp_announce (not root?)" >&2; rc=1; }
  return $rc
}

status() {
  running=0
  for vip in $VIPS; do
    if vip_present "$vip"; then echo "$vip on lo"; else echo "$vip missing from lo"; running=3; fi
  done
  if arp_is_set; then echo "arp_ignore=1 arp_announce=2 on lo and all"; else echo "ARP settings not applied"; running=3; fi
  if [ "$running" = 0 ]; then echo "LVS-DR real server running"; else echo "LVS-DR real server stopped"; fi
  return $running
}

case "$1" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  restart) stop; start ;;
  *) echo "usage: $0 start|stop|status|restart" >&2; exit 2 ;;
esac
`;
}
