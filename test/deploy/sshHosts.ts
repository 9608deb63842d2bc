/**
 * Test hosts: one real OpenSSH server per "host", each in its own network namespace joined to ours by a
 * veth pair on link-local addresses, with its own host key, scratch directory and stand-in commands
 * (systemctl) first on PATH. Inside each namespace the veth end is `eth0`, so keepalived -t accepts
 * configs that use `interface eth0`.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inNamespace, knownHostsLine, sshdConfig, upEth0, waitForPort } from '../helpers/sshdHost';
import { claimSubnet } from '../helpers/subnetClaim';

export interface TestHost {
  name: string;
  ns: string;
  address: string;
  dir: string;
  hostKeyPub: string;
  fingerprint: string;
  /** lines written by the stand-ins: "systemctl reload keepalived" */
  standinLog(): string[];
  /** makes the stand-in `systemctl reload` fail while the installed config matches `pattern` */
  failReload(pattern: string | undefined): void;
  /** makes the stand-in `systemctl is-active` answer inactive while the installed config matches `pattern` */
  inactiveWhen(pattern: string | undefined): void;
  /** a reload or restart of a config matching `pattern` stops keepalived, until a restart with another config; undefined also clears a stopped state */
  stopsWhen(pattern: string | undefined): void;
  /** keepalived stops (crashed, or stopped by hand): is-active says inactive and reload refuses until a restart */
  stopKeepalived(): void;
  /** arms a fault hook of the stand-ins (see STANDIN_MV, STANDIN_KEEPALIVED, "reload-blocks"), or disarms it */
  hook(name: 'mv-then-drop' | 'mv-then-cut' | 'validate-then-cut' | 'reload-blocks', armed: boolean): void;
  /** the stand-in modprobe says there is no ip_vs module (true) or that it loads (false, the default) */
  ipvsMissing(missing: boolean): void;
  inNs(...args: string[]): { status: number | null; stdout: string; stderr: string };
  stop(): Promise<void>;
  start(): Promise<void>;
}

export interface TestLab {
  root: string;
  userKey: string;
  otherKey: string;
  passphraseKey: string;
  knownHosts: string;
  hosts: TestHost[];
  teardown(): void;
}

const STANDIN_SYSTEMCTL = `#!/bin/sh
# stand-in for systemctl: records its arguments, pretends keepalived runs
echo "systemctl $*" >> "$KD_STANDIN_LOG"
matches() { [ -e "$KD_STANDIN_DIR/$1" ] && grep -qf "$KD_STANDIN_DIR/$1" "$KD_STANDIN_DIR/etc/keepalived/keepalived.conf" 2>/dev/null; }
case "$1" in
  reload) # "reload-blocks": the reload waits until the file goes away (at most 30 s)
    n=0; while [ -e "$KD_STANDIN_DIR/reload-blocks" ] && [ $n -lt 300 ]; do sleep 0.1; n=$((n + 1)); done ;;
esac
case "$1" in
  # reload fails while the installed config matches the pattern in reload-fails (as keepalived would on a config it rejects)
  reload|restart)
    if matches reload-fails; then
      echo "Job for keepalived.service failed" >&2; exit 1
    fi
    # the service state: a reload or restart of a config matching stops-when leaves keepalived stopped;
    # like the real systemctl, a stopped service does not reload, only a restart starts it again
    if [ "$1" = reload ] && [ -e "$KD_STANDIN_DIR/stopped" ]; then
      echo "keepalived.service is not active, cannot reload." >&2; exit 1
    fi
    rm -f "$KD_STANDIN_DIR/stopped"
    if matches stops-when; then : > "$KD_STANDIN_DIR/stopped"; fi ;;
  # inactive while the installed config matches the pattern in inactive-when (a reload that killed keepalived)
  is-active)
    if [ -e "$KD_STANDIN_DIR/stopped" ]; then echo inactive; exit 3; fi
    if matches inactive-when; then
      echo inactive; exit 3
    fi
    echo active ;;
esac
exit 0
`;

// stand-in for modprobe: this machine's kernel has no ip_vs module; the lab says whether a host has one
const STANDIN_MODPROBE = `#!/bin/sh
echo "modprobe $*" >> "$KD_STANDIN_DIR/modprobe.log"
if [ -e "$KD_STANDIN_DIR/ipvs-missing" ]; then echo "modprobe: FATAL: Module ip_vs not found" >&2; exit 1; fi
exit 0
`;

// Fault hooks, each armed by a file in the host's directory and fired once:
// mv: after a successful rename, "mv-then-drop" kills the SSH session that ran it (the connection dies
// just after the switch), "mv-then-cut" takes the host's link down (it stops answering).
const STANDIN_MV = `#!/bin/sh
/bin/mv "$@" || exit $?
# the session's own sshd process ("sshd: user@notty"), found by walking up from the shell
session() {
  p=$PPID
  while [ "$p" -gt 1 ]; do
    if tr '\\0' ' ' < "/proc/$p/cmdline" | grep -q '@notty'; then echo "$p"; return; fi
    p=$(awk '{ print $4 }' "/proc/$p/stat")
  done
}
# one hook per rename, and none after the sleep: a hook the next test arms meanwhile is not this rename's
if [ -e "$KD_STANDIN_DIR/mv-then-drop" ]; then rm -f "$KD_STANDIN_DIR/mv-then-drop"; s=$(session); [ -n "$s" ] && kill -9 "$s"; sleep 5; exit 0; fi
if [ -e "$KD_STANDIN_DIR/mv-then-cut" ]; then rm -f "$KD_STANDIN_DIR/mv-then-cut"; ip link set eth0 down; sleep 5; fi
exit 0
`;

// keepalived: the real one, except that "validate-then-cut" makes its -t run take the link down and hang
const STANDIN_KEEPALIVED = `#!/bin/sh
if [ "$1" = -t ] && [ -e "$KD_STANDIN_DIR/validate-then-cut" ]; then
  rm -f "$KD_STANDIN_DIR/validate-then-cut"; ip link set eth0 down; sleep 60; exit 1
fi
exec /usr/sbin/keepalived "$@"
`;

const sh = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const namespaceOf = (tag: string, i: number) => `kd${tag}h${i}`;

/** Host i's namespace, joined to ours by a veth pair on 169.254.<subnet>.<4i+1 | 4i+2>/30. */
function linkHost(tag: string, i: number, subnet: number): void {
  const ns = namespaceOf(tag, i);
  const veth = `kv${tag}h${i}`;
  execFileSync('ip', ['netns', 'add', ns]);
  execFileSync('ip', ['link', 'add', veth, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', ns]);
  execFileSync('ip', ['addr', 'add', `169.254.${subnet}.${4 * i + 1}/30`, 'dev', veth]);
  execFileSync('ip', ['link', 'set', veth, 'up']);
  upEth0(ns, `169.254.${subnet}.${4 * i + 2}/30`);
}

/** Deleting the namespace deletes its eth0 and so the veth pair. */
const unlinkHost = (tag: string, i: number) => spawnSync('ip', ['netns', 'del', namespaceOf(tag, i)]);

export async function createLab(names: string[]): Promise<TestLab> {
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const root = mkdtempSync(join(tmpdir(), 'kd-lab-'));
  const key = (file: string, pass = '') => {
    // -a 4: few KDF rounds, so unlocking the passphrase key in pure JS stays fast
    sh('ssh-keygen', ['-q', '-t', 'ed25519', '-a', '4', '-N', pass, '-C', 'kd-test', '-f', join(root, file)]);
    return join(root, file);
  };
  const userKey = key('userkey');
  const otherKey = key('otherkey');
  const passphraseKey = key('passkey', 'correct horse battery');
  writeFileSync(join(root, 'authorized_keys'), readFileSync(`${userKey}.pub`, 'utf8') + readFileSync(`${passphraseKey}.pub`, 'utf8'), { mode: 0o600 });
  const knownHosts = join(root, 'known_hosts');
  const tag = `${process.pid}`;
  const subnet = claimSubnet(`kv${tag}h`, (n) => names.forEach((_, i) => linkHost(tag, i, n)), () => names.forEach((_, i) => unlinkHost(tag, i)));
  const hosts: TestHost[] = [];
  const procs = new Map<string, ChildProcess>();

  for (const [i, name] of names.entries()) {
    const ns = namespaceOf(tag, i);
    const address = `169.254.${subnet}.${4 * i + 2}`;
    const dir = join(root, name);
    const standins = join(dir, 'standins');
    mkdirSync(standins, { recursive: true });
    writeFileSync(join(standins, 'systemctl'), STANDIN_SYSTEMCTL, { mode: 0o755 });
    writeFileSync(join(standins, 'modprobe'), STANDIN_MODPROBE, { mode: 0o755 });
    writeFileSync(join(standins, 'mv'), STANDIN_MV, { mode: 0o755 });
    writeFileSync(join(standins, 'keepalived'), STANDIN_KEEPALIVED, { mode: 0o755 });
    const hostKey = join(dir, 'hostkey');
    sh('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', name, '-f', hostKey]);
    const fingerprint = sh('ssh-keygen', ['-lf', `${hostKey}.pub`]).split(' ')[1];
    const log = join(dir, 'standin.log');
    writeFileSync(log, '');
    const config = join(dir, 'sshd_config');
    const env = { KD_STANDIN_LOG: log, KD_STANDIN_DIR: dir };
    writeFileSync(config, sshdConfig({ address, hostKey, dir, authorizedKeys: join(root, 'authorized_keys'), standins, env, passwords: true }));
    const host: TestHost = {
      name,
      ns,
      address,
      dir,
      hostKeyPub: readFileSync(`${hostKey}.pub`, 'utf8'),
      fingerprint,
      standinLog: () => readFileSync(log, 'utf8').split('\n').filter(Boolean),
      failReload: (pattern) => {
        const flag = join(dir, 'reload-fails');
        if (pattern) writeFileSync(flag, `${pattern}\n`);
        else rmSync(flag, { force: true });
      },
      inactiveWhen: (pattern) => {
        const flag = join(dir, 'inactive-when');
        if (pattern) writeFileSync(flag, `${pattern}\n`);
        else rmSync(flag, { force: true });
      },
      stopsWhen: (pattern) => {
        const flag = join(dir, 'stops-when');
        if (pattern) writeFileSync(flag, `${pattern}\n`);
        else {
          rmSync(flag, { force: true });
          rmSync(join(dir, 'stopped'), { force: true });
        }
      },
      stopKeepalived: () => writeFileSync(join(dir, 'stopped'), ''),
      hook: (name, armed) => (armed ? writeFileSync(join(dir, name), '') : rmSync(join(dir, name), { force: true })),
      ipvsMissing: (missing) => (missing ? writeFileSync(join(dir, 'ipvs-missing'), '') : rmSync(join(dir, 'ipvs-missing'), { force: true })),
      inNs: (...args) => inNamespace(ns, args),
      // resolves once sshd has exited, and so closed its port: a test that stops a host connects right after
      stop: () => {
        const p = procs.get(name);
        procs.delete(name);
        if (!p || p.exitCode !== null || p.signalCode !== null) return Promise.resolve();
        return new Promise<void>((resolve) => {
          p.once('exit', () => resolve());
          p.kill('SIGTERM');
        });
      },
      start: async () => {
        const p = spawn('ip', ['netns', 'exec', ns, '/usr/sbin/sshd', '-D', '-e', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
        let err = '';
        p.stderr!.on('data', (d) => (err += d));
        procs.set(name, p);
        await waitForPort(address, 22, 5000).catch((e) => {
          throw new Error(`sshd on ${name}: ${e.message}: ${err}`);
        });
      },
    };
    hosts.push(host);
  }
  await Promise.all(hosts.map((h) => h.start()));
  return {
    root,
    userKey,
    otherKey,
    passphraseKey,
    knownHosts,
    hosts,
    teardown: () => {
      for (const [i, h] of hosts.entries()) {
        void h.stop();
        unlinkHost(tag, i);
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** known_hosts lines for these hosts, as `ssh-keyscan` would write them */
export function knownHostsLines(hosts: TestHost[]): string {
  return hosts.map((h) => knownHostsLine(h.address, h.hostKeyPub)).join('');
}

export { existsSync, copyFileSync };
