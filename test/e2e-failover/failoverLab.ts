/**
 * A VRRP lab for one failover scenario: a bridge in a namespace of its own (the LAN), one namespace per
 * director joined to it by a veth named eth0 with a link-local address, and a real keepalived (VRRP only)
 * in each. Scripts the configs track read flag files the test creates to make them fail.
 * Everything is removed by teardown() (deleting the LAN namespace removes every cable with it).
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, openSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { claimSubnet } from '../helpers/subnetClaim';

export interface LabDirector {
  name: string;
  ns: string;
  address: string;
  dir: string;
}

export interface FailoverLab {
  subnet: number;
  directors: LabDirector[];
  /** a path the test writes to make a tracked script fail */
  flag(director: number, name: string): string;
  start(director: number, config: string): Promise<void>;
  stop(director: number): Promise<void>;
  linkDown(director: number): void;
  /** the directors whose eth0 holds this address */
  holders(vip: string): number[];
  log(director: number): string;
  teardown(): Promise<void>;
}

let labCounter = 0;
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

export function createFailoverLab(count: number, keepalived: string): FailoverLab {
  const tag = `kfo${process.pid % 100000}x${labCounter++}`;
  const lanNs = `${tag}lan`;
  const root = mkdtempSync(join(tmpdir(), 'kd-failover-'));
  const hostNs = (i: number) => `${tag}h${i}`;
  const daemons = new Map<number, ChildProcess>();
  // the LAN's veth ends carry the claim: a link-local address on each director's eth0 end is visible to
  // `ip addr` only inside its namespace, so the claim adds one address in the root namespace too
  const probe = `${tag}c`;
  spawnSync('ip', ['netns', 'add', lanNs]);
  run('ip', ['-n', lanNs, 'link', 'add', 'br0', 'type', 'bridge']);
  run('ip', ['-n', lanNs, 'link', 'set', 'br0', 'up']);
  const subnet = claimSubnet(
    probe,
    (n) => {
      run('ip', ['link', 'add', probe, 'type', 'veth', 'peer', 'name', 'probe', 'netns', lanNs]);
      run('ip', ['-n', lanNs, 'link', 'set', 'probe', 'master', 'br0', 'up']);
      run('ip', ['addr', 'add', `169.254.${n}.1/24`, 'dev', probe]);
      run('ip', ['link', 'set', probe, 'up']);
    },
    () => spawnSync('ip', ['link', 'del', probe]),
  );
  const directors: LabDirector[] = [];
  for (let i = 0; i < count; i++) {
    const ns = hostNs(i);
    run('ip', ['netns', 'add', ns]);
    run('ip', ['-n', lanNs, 'link', 'add', `p${i}`, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', ns]);
    run('ip', ['-n', lanNs, 'link', 'set', `p${i}`, 'master', 'br0', 'up']);
    const address = `169.254.${subnet}.${10 + i}`;
    run('ip', ['-n', ns, 'addr', 'add', `${address}/24`, 'dev', 'eth0']);
    run('ip', ['-n', ns, 'link', 'set', 'eth0', 'up']);
    run('ip', ['-n', ns, 'link', 'set', 'lo', 'up']);
    const dir = join(root, `d${i}`);
    mkdirSync(dir, { recursive: true });
    directors.push({ name: `d${i}`, ns, address, dir });
  }
  const logPath = (i: number) => join(directors[i].dir, 'keepalived.log');

  const stop = async (i: number) => {
    const p = daemons.get(i);
    if (!p) return;
    daemons.delete(i);
    if (p.exitCode !== null || p.signalCode !== null) return;
    const gone = new Promise<void>((r) => p.once('exit', () => r()));
    p.kill('SIGTERM');
    const timer = setTimeout(() => p.kill('SIGKILL'), 8000);
    await gone;
    clearTimeout(timer);
  };

  return {
    subnet,
    directors,
    flag: (i, name) => join(directors[i].dir, `flag-${name}`),
    start: async (i, config) => {
      const d = directors[i];
      const conf = join(d.dir, 'keepalived.conf');
      writeFileSync(conf, config);
      const out = openSync(logPath(i), 'a');
      // ip netns exec execs keepalived (-n: no fork), so the child's pid is the daemon's parent process
      const p = spawn('ip', ['netns', 'exec', d.ns, keepalived, '-n', '-l', '-G', '-D', '-P', '-f', conf, '-p', join(d.dir, 'k.pid'), '-r', join(d.dir, 'v.pid'), '-c', join(d.dir, 'c.pid'), '-b', join(d.dir, 'b.pid')], {
        stdio: ['ignore', out, out],
      });
      closeSync(out);
      daemons.set(i, p);
      const deadline = Date.now() + 10000;
      while (!(existsSync(join(d.dir, 'v.pid')) && readFileSync(join(d.dir, 'v.pid'), 'utf8').trim())) {
        if (p.exitCode !== null || Date.now() > deadline) throw new Error(`${d.name}: keepalived did not start:\n${readFileSync(logPath(i), 'utf8')}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    stop,
    linkDown: (i) => run('ip', ['-n', directors[i].ns, 'link', 'set', 'eth0', 'down']),
    holders: (vip) =>
      directors
        .map((d, i) => ({ i, text: spawnSync('ip', ['-n', d.ns, '-4', '-o', 'addr', 'show', 'dev', 'eth0'], { encoding: 'utf8' }).stdout ?? '' }))
        .filter(({ text }) => text.includes(` ${vip}/`))
        .map(({ i }) => i),
    log: (i) => (existsSync(logPath(i)) ? readFileSync(logPath(i), 'utf8') : ''),
    teardown: async () => {
      await Promise.all([...daemons.keys()].map(stop));
      for (const d of directors) spawnSync('ip', ['netns', 'del', d.ns]);
      spawnSync('ip', ['netns', 'del', lanNs]);
      spawnSync('ip', ['link', 'del', probe]);
      rmSync(root, { recursive: true, force: true });
    },
  };
}
