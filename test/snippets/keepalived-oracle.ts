/**
 * Runs a real `keepalived -t -e` (Debian's 2.2.7 unless another binary is given) on a configuration inside a private network namespace whose only
 * interface is a veth named eth0, so results do not depend on the host's interfaces (harness.md §1).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface OracleVerdict {
  exitCode: number | null;
  /** stderr lines, de-duplicated (keepalived repeats them once per subsystem) */
  messages: string[];
}

export class KeepalivedOracle {
  private static made = 0;
  private readonly netns = `ka-oracle-${process.pid}-${KeepalivedOracle.made++}`;
  constructor(private readonly binary = 'keepalived') {}
  private readonly dir = mkdtempSync(join(tmpdir(), 'ka-oracle-'));
  private counter = 0;

  start(): void {
    execFileSync('ip', ['netns', 'add', this.netns]);
    execFileSync('ip', ['-n', this.netns, 'link', 'add', 'eth0', 'type', 'veth', 'peer', 'name', 'eth0p']);
    execFileSync('ip', ['-n', this.netns, 'link', 'set', 'eth0', 'up']);
    execFileSync('ip', ['-n', this.netns, 'link', 'set', 'lo', 'up']);
  }

  stop(): void {
    spawnSync('ip', ['netns', 'del', this.netns]);
  }

  /** Writes `text` to a file of its own and tests it; returns the file path with the verdict. */
  check(text: string, name = 'keepalived'): OracleVerdict & { file: string } {
    const file = join(this.dir, `${name}-${++this.counter}.conf`);
    writeFileSync(file, text);
    const run = spawnSync('ip', ['netns', 'exec', this.netns, this.binary, '-t', '-e', '-f', file], { encoding: 'utf8', timeout: 30_000 });
    const messages = [...new Set(run.stderr.split('\n').map((l) => l.trim()).filter(Boolean))];
    return { file, exitCode: run.status, messages };
  }
}
