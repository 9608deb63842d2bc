import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface OracleMessage {
  file?: string;
  line?: number;
  text: string;
}

export interface OracleResult {
  exitCode: number;
  messages: OracleMessage[];
}

let counter = 0;

/**
 * Debian's real keepalived run as `keepalived -t`, inside a network namespace that has the interfaces test
 * configs name (eth0, eth1), so that host-specific complaints do not mix with the config's own problems.
 */
export class KeepalivedOracle {
  readonly netns = `kaor${process.pid}x${counter++}`;
  readonly dir = mkdtempSync(join(tmpdir(), 'ka-oracle-'));

  constructor() {
    const ip = (...args: string[]) => execFileSync('ip', args, { stdio: 'pipe' });
    ip('netns', 'add', this.netns);
    ip('-n', this.netns, 'link', 'add', 'eth0', 'type', 'veth', 'peer', 'name', 'eth1');
    for (const dev of ['lo', 'eth0', 'eth1']) ip('-n', this.netns, 'link', 'set', dev, 'up');
    ip('-n', this.netns, 'addr', 'add', '192.0.2.1/24', 'dev', 'eth0');
  }

  /** Checks a config file given by path (includes resolve relative to it). */
  checkFile(path: string, configId?: string): OracleResult {
    const args = ['netns', 'exec', this.netns, 'keepalived', '-t', '-e', '-f', path, ...(configId ? ['-i', configId] : [])];
    const run = spawnSync('ip', args, { encoding: 'utf8', timeout: 20_000 });
    const seen = new Set<string>();
    const messages: OracleMessage[] = [];
    for (const raw of run.stderr.split('\n')) {
      const line = raw.trim();
      if (!line || seen.has(line)) continue;
      seen.add(line);
      const m = /^\((?:(.+?): )?Line (\d+)\) (.*)$/.exec(line);
      messages.push(m ? { file: m[1], line: Number(m[2]), text: m[3] } : { text: line });
    }
    return { exitCode: run.status ?? -1, messages };
  }

  /** Checks a config given as text, written to a scratch file named `name`. */
  check(text: string, configId?: string, name = 'keepalived.conf'): OracleResult & { path: string } {
    const path = join(this.dir, name);
    writeFileSync(path, text);
    return { ...this.checkFile(path, configId), path };
  }

  dispose(): void {
    spawnSync('ip', ['netns', 'del', this.netns]);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** keepalived's complaints that depend on the machine, not on the config. */
export const HOST_SPECIFIC = [/SECURITY VIOLATION/, /script_security/, /keepalived_script/, /doesn't exist/, /Unknown interface/, /Non-existent interface/, /Unable to set default user/];

export function configMessages(result: OracleResult): OracleMessage[] {
  return result.messages.filter((m) => !HOST_SPECIFIC.some((re) => re.test(m.text)));
}
