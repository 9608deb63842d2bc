import { spawnSync } from 'node:child_process';

/** The two real keepalived releases the tests hold the linter to. */
export const KEEPALIVED_RELEASES = [
  { version: '2.2.7', binary: 'keepalived' },
  { version: '2.4.3', binary: process.env.KEEPALIVED_243 ?? '/opt/keepalived-oracle/2.4.3/sbin/keepalived' },
] as const;

export interface ConfigTest {
  exitCode: number;
  /** keepalived's stderr, each distinct line once */
  lines: string[];
}

let labs = 0;

/** the line a check gets when keepalived sent itself SIGTERM without a word */
export const STOPPED_ITSELF = 'keepalived -t stopped itself (SIGTERM)';

/**
 * A network namespace holding the interfaces some configs name (veth pairs), where `keepalived -t` runs without complaining about the host's own interfaces.
 */
export class InterfaceLab {
  readonly netns = `kalab${process.pid}x${labs++}`;

  constructor(names: Iterable<string>) {
    const ip = (...args: string[]) => spawnSync('ip', ['-n', this.netns, ...args], { stdio: 'pipe' });
    const made = spawnSync('ip', ['netns', 'add', this.netns], { stdio: 'pipe' });
    if (made.status !== 0) throw new Error(`ip netns add: ${made.stderr}`);
    ip('link', 'set', 'lo', 'up');
    const wanted = [...new Set(names)].filter((n) => n !== 'lo' && /^[A-Za-z][\w.-]{0,14}$/.test(n));
    // a veth pair per name: this kernel has no dummy or vlan links, and a dotted name (eth0.100) is a valid
    // veth name too
    wanted.forEach((name, i) => {
      ip('link', 'add', name, 'type', 'veth', 'peer', 'name', `labpeer${i}`);
      ip('link', 'set', name, 'up');
    });
  }

  /** `keepalived -t -e -f file` (with `-i id`) inside the namespace. */
  check(binary: string, file: string, configId?: string): ConfigTest {
    const args = [`--net=/run/netns/${this.netns}`, binary, '-t', '-e', '-f', file, ...(configId ? ['-i', configId] : [])];
    const run = spawnSync('nsenter', args, { encoding: 'utf8', timeout: 60_000 });
    // a keepalived that did not run says nothing, which must not read as "accepted"
    if (run.error) throw run.error;
    const lines = [...new Set(run.stderr.split('\n').map((l) => l.trim()).filter(Boolean))];
    // 2.2.5 to 2.2.7 stop their own -t on a script run as another user (the config-test-stops rule)
    if (run.signal === 'SIGTERM') return { exitCode: 143, lines: [...lines, STOPPED_ITSELF] };
    if (run.status === null) throw new Error(`${binary} did not finish on ${file}`);
    return { exitCode: run.status, lines };
  }

  dispose(): void {
    spawnSync('ip', ['netns', 'del', this.netns]);
  }
}

/** The interface names a config mentions: after `interface`, `dev`, and the lines of track_interface blocks. */
export function interfaceNames(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(/\b(?:interface|dev|lvs_sync_daemon_interface|default_interface)\s+([A-Za-z][\w.@-]*)/g)) names.add(m[1].split('@')[0]);
  for (const block of text.matchAll(/track_interface\s*\{([^}]*)\}/g)) {
    for (const line of block[1].split('\n')) {
      const word = /^\s*([A-Za-z][\w.-]*)/.exec(line)?.[1];
      if (word) names.add(word);
    }
  }
  return [...names];
}

/**
 * What keepalived says about the machine rather than the config: scripts that are missing, not executable or
 * run without script_security, a script user that does not exist here, interfaces this namespace lacks.
 * `--host-checks` covers these; a config is judged by the other lines.
 */
export const MACHINE_MESSAGES: readonly RegExp[] = [
  /SECURITY VIOLATION/,
  /^Disabling track script .* (since not found\/accessible|due to insecure)/,
  /Unable to set default user/,
  // a user or group this machine lacks
  /Unable to set uid\/gid for script/,
  /Unable to (?:set|restore) uid:gid/,
  // a mail server named by a host name this machine (without DNS) cannot resolve; an address is checked
  /^Invalid smtp server (?![\d.]+ )(?!\S*:)\S+ \d+$/,
  // a name with a ':' (eth0:1, an address label) exists on no machine: that warning is about the config
  /^WARNING - interface [^\s:]+ for .* doesn't exist/,
  /Non-existent interface specified/,
  /\(\S+\) Unknown interface/,
];

/** keepalived's lines about the config itself: `track script X not found` counts only when no script was dropped for a host reason. */
export function configLines(result: ConfigTest): string[] {
  const hostDropped = result.lines.some((l) => /Unable to set default user|Unable to set uid\/gid for script|Disabling track script/.test(l));
  return result.lines.filter((l) => !MACHINE_MESSAGES.some((re) => re.test(l.replace(/^\([^)]*Line \d+\) /, ''))) && !(hostDropped && /track script \S+ not found, ignoring/.test(l)));
}
