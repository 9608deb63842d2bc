import { spawnSync } from 'node:child_process';

/**
 * A network namespace holding just `lo` and a veth named eth0, so `keepalived -t` judges the generated
 * configs' `interface eth0` the same way on every machine. Needs root and iproute2; `undefined` without.
 */
export class BenchNamespace {
  private constructor(readonly name: string) {}

  static create(): BenchNamespace | undefined {
    const name = `kabench${process.pid}`;
    const steps = [
      ['netns', 'add', name],
      ['-n', name, 'link', 'add', 'eth0', 'type', 'veth', 'peer', 'name', 'eth0p'],
      ['-n', name, 'link', 'set', 'eth0', 'up'],
      ['-n', name, 'link', 'set', 'lo', 'up'],
    ];
    for (const args of steps) {
      const r = spawnSync('ip', args, { stdio: 'ignore' });
      if (r.status !== 0) {
        spawnSync('ip', ['netns', 'del', name], { stdio: 'ignore' });
        return undefined;
      }
    }
    return new BenchNamespace(name);
  }

  /** argv that runs `command` inside the namespace */
  wrap(command: readonly string[]): string[] {
    return ['ip', 'netns', 'exec', this.name, ...command];
  }

  dispose(): void {
    spawnSync('ip', ['netns', 'del', this.name], { stdio: 'ignore' });
  }
}
