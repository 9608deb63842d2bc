/**
 * The seed's four machines on one box: a Linux bridge (in a namespace of its own, so deleting that
 * namespace takes every cable with it) is the LAN; each host is a network namespace on it with a
 * link-local address, its own OpenSSH server and host key, and a mount namespace where /etc/keepalived
 * and /usr/local/sbin are private directories. The test process reaches the LAN through one more veth.
 *
 * Everything started here is tracked and stopped by teardown(), which also removes the namespaces.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inNamespace, knownHostsLine, sshdConfig, upEth0, waitForPort } from '../helpers/sshdHost';

export const SUBNET = '169.254.18';
export const CLIENT_ADDRESS = `${SUBNET}.1`;

export interface HostDef {
  name: string;
  address: string;
  kind: 'director' | 'web';
}

export interface SeedHost extends HostDef {
  ns: string;
  dir: string;
  /** what this host sees as /etc/keepalived */
  etcKeepalived: string;
  /** what this host sees as /usr/local/sbin */
  localSbin: string;
  pidFile: string;
  hostKeyPub: string;
  /** pid of this host's sshd: its mount namespace is the host's view of the filesystem */
  sshdPid: number;
  inNs(...args: string[]): { status: number | null; stdout: string; stderr: string };
}

export interface SeedLab {
  root: string;
  userKey: string;
  knownHosts: string;
  hosts: SeedHost[];
  host(name: string): SeedHost;
  /** starts a real keepalived in the host's network and mount namespaces; resolves with its main pid */
  startKeepalived(name: string, extraArgs: string[]): Promise<number>;
  /** SIGTERM to the host's keepalived, as `systemctl stop` does; resolves when it has exited */
  stopKeepalived(name: string): Promise<void>;
  keepalivedLog(name: string): string;
  startHttpServer(name: string): Promise<void>;
  teardown(): Promise<void>;
}

// Answers `systemctl is-active keepalived` from this host's own pid file: keepalived runs outside systemd
// here, and pidof would see the other director's daemon too (namespaces share the PID space).
const STANDIN_SYSTEMCTL = `#!/bin/sh
if [ "$1" = is-active ] && [ "$2" = keepalived ]; then
  if [ -s "$KD_PID_FILE" ] && kill -0 "$(cat "$KD_PID_FILE")" 2>/dev/null; then echo active; exit 0; fi
  echo inactive; exit 3
fi
echo "System has not been booted with systemd as init system (PID 1). Can't operate." >&2
exit 1
`;

// The page each web node serves; the body names the node so a client can tell who answered.
const HTTP_SERVER = `require('node:http').createServer((req, res) => res.end(process.env.KD_NAME + '\\n')).listen(80, '0.0.0.0')`;

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Namespaces of earlier runs that died before their teardown (their pid is in the name). */
function removeStaleNamespaces(prefix: string): void {
  const list = spawnSync('ip', ['netns', 'list'], { encoding: 'utf8' }).stdout ?? '';
  for (const line of list.split('\n')) {
    const m = new RegExp(`^(${prefix}(\\d+)\\S*)`).exec(line);
    if (!m || Number(m[2]) === process.pid || alive(Number(m[2]))) continue;
    // what that run left running in there (sshd, keepalived, web servers) goes with it
    const pids = (spawnSync('ip', ['netns', 'pids', m[1]], { encoding: 'utf8' }).stdout ?? '').split('\n').filter(Boolean);
    for (const pid of pids) spawnSync('kill', ['-KILL', pid]);
    spawnSync('ip', ['netns', 'del', m[1]]);
  }
}

export async function createSeedLab(defs: HostDef[]): Promise<SeedLab> {
  removeStaleNamespaces('kdseed');
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const root = mkdtempSync(join(tmpdir(), 'kd-seed-'));
  const tag = `kdseed${process.pid}`;
  const lanNs = `${tag}lan`;
  const clientVeth = `kds${process.pid % 1000000}c`;
  const children = new Set<ChildProcess>();
  /** started in a session of their own (keepalived): signalled as a group, so the VRRP child goes too */
  const groupLeaders = new Set<ChildProcess>();
  const keepalived = new Map<string, ChildProcess>();
  const namespaces: string[] = [];

  let tornDown = false;
  const teardown = async () => {
    if (tornDown) return;
    tornDown = true;
    const all = [...children].filter((c) => c.exitCode === null && c.signalCode === null);
    const signal = (c: ChildProcess, sig: NodeJS.Signals) => (groupLeaders.has(c) ? signalGroup(c, sig) : c.kill(sig));
    for (const c of all) signal(c, 'SIGTERM');
    await Promise.all(all.map((c) => exited(c, 3000)));
    for (const c of all) if (c.exitCode === null && c.signalCode === null) signal(c, 'SIGKILL');
    // the LAN first: deleting it destroys every veth and with them their ends in the hosts and here
    for (const ns of [lanNs, ...namespaces]) spawnSync('ip', ['netns', 'del', ns]);
    spawnSync('ip', ['link', 'del', clientVeth], { stdio: 'ignore' });
    rmSync(root, { recursive: true, force: true });
  };

  try {
    const userKey = join(root, 'userkey');
    run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'kd-seed-user', '-f', userKey]);
    writeFileSync(join(root, 'authorized_keys'), readFileSync(`${userKey}.pub`, 'utf8'), { mode: 0o600 });

    run('ip', ['netns', 'add', lanNs]);
    namespaces.push(lanNs);
    run('ip', ['-n', lanNs, 'link', 'add', 'br0', 'type', 'bridge']);
    run('ip', ['-n', lanNs, 'link', 'set', 'br0', 'up']);
    run('ip', ['link', 'add', clientVeth, 'type', 'veth', 'peer', 'name', 'client', 'netns', lanNs]);
    run('ip', ['-n', lanNs, 'link', 'set', 'client', 'master', 'br0', 'up']);
    run('ip', ['addr', 'add', `${CLIENT_ADDRESS}/24`, 'dev', clientVeth]);
    run('ip', ['link', 'set', clientVeth, 'up']);

    const hosts: SeedHost[] = [];
    for (const [i, def] of defs.entries()) {
      const ns = `${tag}h${i}`;
      const dir = join(root, def.name);
      const etcKeepalived = join(dir, 'etc-keepalived');
      const localSbin = join(dir, 'usr-local-sbin');
      const standins = join(dir, 'standins');
      for (const d of [etcKeepalived, localSbin, standins, join(dir, 'run')]) mkdirSync(d, { recursive: true });
      writeFileSync(join(standins, 'systemctl'), STANDIN_SYSTEMCTL, { mode: 0o755 });
      const pidFile = join(dir, 'run', 'keepalived.pid');
      const hostKey = join(dir, 'hostkey');
      run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', def.name, '-f', hostKey]);
      const sshdConfigFile = join(dir, 'sshd_config');
      const authorizedKeys = join(root, 'authorized_keys');
      writeFileSync(sshdConfigFile, sshdConfig({ address: def.address, hostKey, dir, authorizedKeys, standins, env: { KD_PID_FILE: pidFile }, passwords: false }));

      run('ip', ['netns', 'add', ns]);
      namespaces.push(ns);
      run('ip', ['-n', lanNs, 'link', 'add', `p${i}`, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', ns]);
      run('ip', ['-n', lanNs, 'link', 'set', `p${i}`, 'master', 'br0', 'up']);
      upEth0(ns, `${def.address}/24`);

      // ip netns exec and unshare both exec, so this child's pid ends up being sshd's.
      const mounts = `mount --bind '${etcKeepalived}' /etc/keepalived && mount --bind '${localSbin}' /usr/local/sbin`;
      const sshd = spawn(
        'ip',
        ['netns', 'exec', ns, 'unshare', '--mount', '--uts', '--propagation', 'private', 'sh', '-c', `hostname ${def.name} && ${mounts} && exec /usr/sbin/sshd -D -e -f '${sshdConfigFile}'`],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
      children.add(sshd);
      let sshdErr = '';
      sshd.stderr!.on('data', (d) => (sshdErr += d));
      hosts.push({
        ...def,
        ns,
        dir,
        etcKeepalived,
        localSbin,
        pidFile,
        hostKeyPub: readFileSync(`${hostKey}.pub`, 'utf8'),
        sshdPid: sshd.pid!,
        inNs: (...args) => inNamespace(ns, args),
      });
      await waitForPort(def.address, 22, 5000).catch((e: Error) => {
        throw new Error(`${def.name}: ${e.message}: ${sshdErr}`);
      });
    }

    const knownHosts = join(root, 'known_hosts');
    writeFileSync(knownHosts, hosts.map((h) => knownHostsLine(h.address, h.hostKeyPub)).join(''));

    const host = (name: string) => {
      const h = hosts.find((x) => x.name === name);
      if (!h) throw new Error(`no host ${name}`);
      return h;
    };
    const logFile = (name: string) => join(host(name).dir, 'keepalived.log');

    return {
      root,
      userKey,
      knownHosts,
      hosts,
      host,
      keepalivedLog: (name) => (existsSync(logFile(name)) ? readFileSync(logFile(name), 'utf8') : ''),
      startKeepalived: async (name, extraArgs) => {
        const h = host(name);
        const out = openSync(logFile(name), 'a');
        // nsenter into sshd's namespaces: the daemon reads the same /etc/keepalived the deploy writes
        const p = spawn(
          'nsenter',
          ['-t', String(h.sshdPid), '-m', '-n', '-u', '--', 'keepalived', '-n', '-l', '-D', '-f', '/etc/keepalived/keepalived.conf',
            '-p', h.pidFile, '-r', join(h.dir, 'run', 'vrrp.pid'), '-c', join(h.dir, 'run', 'checkers.pid'), ...extraArgs],
          { detached: true, stdio: ['ignore', out, out] },
        );
        closeSync(out);
        children.add(p);
        groupLeaders.add(p);
        keepalived.set(name, p);
        const deadline = Date.now() + 5000;
        while (!(existsSync(h.pidFile) && readFileSync(h.pidFile, 'utf8').trim())) {
          if (p.exitCode !== null || Date.now() > deadline) throw new Error(`${name}: keepalived did not start:\n${readFileSync(logFile(name), 'utf8')}`);
          await new Promise((r) => setTimeout(r, 20));
        }
        return Number(readFileSync(h.pidFile, 'utf8').trim());
      },
      stopKeepalived: async (name) => {
        const p = keepalived.get(name);
        if (!p || p.exitCode !== null) return;
        // nsenter execs keepalived, so p.pid is the daemon's main pid
        p.kill('SIGTERM');
        await exited(p, 5000);
        keepalived.delete(name);
      },
      startHttpServer: async (name) => {
        const h = host(name);
        const p = spawn('ip', ['netns', 'exec', h.ns, process.execPath, '-e', HTTP_SERVER], {
          env: { ...process.env, KD_NAME: name },
          stdio: 'ignore',
        });
        children.add(p);
        await waitForPort(h.address, 80, 5000);
      },
      teardown,
    };
  } catch (err) {
    await teardown();
    throw err;
  }
}

function signalGroup(c: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-c.pid!, signal);
  } catch {
    c.kill(signal);
  }
}

function exited(c: ChildProcess, timeoutMs: number): Promise<void> {
  if (c.exitCode !== null || c.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const t = setTimeout(resolve, timeoutMs);
    c.once('exit', () => {
      clearTimeout(t);
      resolve();
    });
  });
}
