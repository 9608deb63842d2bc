#!/usr/bin/env bash
# Builds keepalived 2.4.3 (the second test oracle) from ../shared/oracle once, and again only when the
# tarball's digest changes. Run as root. Prints nothing when the build is current.
# The binary lands at $KEEPALIVED_243 (default /opt/keepalived-oracle/2.4.3/sbin/keepalived); tests read
# the same variable (ORACLE_BINARIES in test/helpers/keepalived.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
tarball=${KEEPALIVED_243_TARBALL:-../shared/oracle/keepalived-2.4.3.tar.gz}
prefix=${KEEPALIVED_243_PREFIX:-/opt/keepalived-oracle/2.4.3}
if [[ ! -f $tarball ]]; then
  echo "build-oracle-243: $tarball not found; tests against keepalived 2.4.3 will fail" >&2
  exit 1
fi
# The features Debian's 2.2.7 is built with (keepalived -v lists them), so that both oracles read the same
# keywords: without --enable-bfd, for example, 2.4.3 calls every bfd_instance an unknown keyword.
features=(--enable-bfd --enable-json --enable-regex --enable-nftables --enable-snmp --enable-snmp-rfcv2 --enable-snmp-rfcv3 --enable-dbus --enable-sha1)
# Rebuilt when the tarball or the feature list changes.
digest="$(sha256sum "$tarball" | cut -d' ' -f1) ${features[*]}"
if [[ -x $prefix/sbin/keepalived && -f $prefix/.tarball-sha256 && $(cat "$prefix/.tarball-sha256") == "$digest" ]]; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
deps=(build-essential autoconf automake pkg-config libssl-dev libnl-3-dev libnl-genl-3-dev libpcre2-dev libnftnl-dev libmnl-dev libglib2.0-dev libsnmp-dev)
missing=()
for p in "${deps[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if ((${#missing[@]})); then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xzf "$tarball" -C "$work"
src=$(find "$work" -mindepth 1 -maxdepth 1 -type d | head -1)
(
  cd "$src"
  ./autogen.sh >/dev/null 2>&1
  ./configure --prefix="$prefix" "${features[@]}" >/dev/null
  make -j"$(nproc)" >/dev/null
  rm -rf "$prefix"
  make install >/dev/null
)
echo "$digest" >"$prefix/.tarball-sha256"
"$prefix/sbin/keepalived" --version 2>&1 | head -1
