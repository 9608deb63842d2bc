/**
 * What a director is like before anything changes on it: which keepalived it runs (the configs are linted
 * against that release), whether keepalived is running (a stopped one is never started by the deploy or
 * its rollback), how it is managed, and whether IPVS is there for configs with virtual servers
 * (keepalived's checker exits without it; a keepalived run with -P/--vrrp has no checker). One command per host.
 */
import { keepalivedActive, keepalivedActiveScript } from './remoteOps';

export interface Preflight {
  /** "2.2.7", or undefined when keepalived is not installed or said no version */
  version?: string;
  installed: boolean;
  running: boolean;
  /** 'systemd' when systemctl is there, else the service script */
  init: 'systemd' | 'service';
  /** IPVS loaded, or loadable (modprobe -n finds it) */
  ipvs: boolean;
  /** keepalived runs with -P/--vrrp: no checker, so IPVS is not needed */
  vrrpOnly: boolean;
}

const M = '__kd_pf__';

export const preflightScript = `if command -v keepalived >/dev/null 2>&1; then echo "${M} version $(keepalived --version 2>&1 | head -n 1)"; else echo "${M} version none"; fi
if command -v systemctl >/dev/null 2>&1; then echo "${M} init systemd"; else echo "${M} init service"; fi
if [ -e /proc/net/ip_vs ] || [ -d /sys/module/ip_vs ] || modprobe -n -q ip_vs >/dev/null 2>&1; then echo "${M} ipvs yes"; else echo "${M} ipvs no"; fi
# only a keepalived of this network namespace counts (IPVS is per namespace; containers share pids)
v=no; here=$(readlink /proc/$$/ns/net 2>/dev/null)
for p in $(pidof keepalived 2>/dev/null); do
  [ -n "$here" ] && [ "$(readlink "/proc/$p/ns/net" 2>/dev/null)" = "$here" ] || continue
  if tr '\\0' '\\n' < "/proc/$p/cmdline" 2>/dev/null | grep -qxE -- '-P|--vrrp'; then v=yes; fi
done
echo "${M} vrrponly $v"
echo "${M} active-begin"
${keepalivedActiveScript}`;

export function parsePreflight(r: { code: number | null; stdout: string }): Preflight {
  const field = (name: string) => new RegExp(`^${M} ${name} (.*)$`, 'm').exec(r.stdout)?.[1]?.trim() ?? '';
  const versionLine = field('version');
  const after = r.stdout.slice(r.stdout.indexOf(`${M} active-begin`) + `${M} active-begin`.length);
  return {
    installed: versionLine !== 'none' && versionLine !== '',
    version: /v?(\d+\.\d+\.\d+)/.exec(versionLine)?.[1],
    init: field('init') === 'systemd' ? 'systemd' : 'service',
    ipvs: field('ipvs') === 'yes',
    vrrpOnly: field('vrrponly') === 'yes',
    running: keepalivedActive({ code: r.code, stdout: after }),
  };
}

export function describePreflight(p: Preflight): string {
  return [
    p.installed ? `keepalived ${p.version ?? '(version unknown)'}` : 'keepalived not installed',
    p.running ? 'running' : 'not running',
    `managed by ${p.init}`,
    p.ipvs ? 'IPVS available' : 'no IPVS',
    ...(p.vrrpOnly ? ['VRRP only (-P: no checker)'] : []),
  ].join(', ');
}
