/**
 * Pieces the test labs share for a "host" made of a network namespace and its own OpenSSH server:
 * the sshd_config, commands run inside the namespace, waiting for a listener, known_hosts lines.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';

export interface SshdOptions {
  address: string;
  hostKey: string;
  /** scratch directory of the host: sshd's pid file, and HOME of its sessions */
  dir: string;
  authorizedKeys: string;
  /** directory put first on the sessions' PATH (stand-in commands) */
  standins: string;
  /** extra environment of the sessions */
  env: Record<string, string>;
  /** allow password logins too (tests of the password path) */
  passwords: boolean;
}

export function sshdConfig(o: SshdOptions): string {
  const env = Object.entries(o.env).map(([k, v]) => ` ${k}=${v}`).join('');
  return [
    'Port 22',
    `ListenAddress ${o.address}`,
    `HostKey ${o.hostKey}`,
    `PidFile ${join(o.dir, 'sshd.pid')}`,
    `AuthorizedKeysFile ${o.authorizedKeys}`,
    'PubkeyAuthentication yes',
    `PasswordAuthentication ${o.passwords ? 'yes' : 'no'}`,
    'KbdInteractiveAuthentication no',
    'UsePAM no',
    `PermitRootLogin ${o.passwords ? 'yes' : 'prohibit-password'}`,
    'StrictModes no',
    'Subsystem sftp internal-sftp',
    // HOME keeps root's own rc files (slow, and not part of any test) out of the sessions
    `SetEnv HOME=${o.dir} PATH=${o.standins}:/usr/sbin:/usr/bin:/sbin:/bin${env}`,
    'LogLevel ERROR',
  ].join('\n') + '\n';
}

/** Gives the namespace's `eth0` (already moved in) its address and brings it and loopback up. */
export function upEth0(ns: string, cidr: string): void {
  const ip = (...args: string[]) => execFileSync('ip', ['-n', ns, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  ip('addr', 'add', cidr, 'dev', 'eth0');
  ip('link', 'set', 'eth0', 'up');
  ip('link', 'set', 'lo', 'up');
}

/** Runs a command inside network namespace `ns`. */
export function inNamespace(ns: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('ip', ['netns', 'exec', ns, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Resolves once something accepts TCP connections on host:port. */
export function waitForPort(host: string, port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const s = connect({ host, port });
      s.once('connect', () => {
        s.destroy();
        resolve();
      });
      s.once('error', () => {
        s.destroy();
        if (Date.now() > deadline) reject(new Error(`nothing listens on ${host}:${port}`));
        else setTimeout(attempt, 20);
      });
    };
    attempt();
  });
}

/** The known_hosts line for a host key, as `ssh-keyscan` would write it. */
export const knownHostsLine = (address: string, hostKeyPub: string): string => `${address} ${hostKeyPub.split(' ').slice(0, 2).join(' ')}\n`;
