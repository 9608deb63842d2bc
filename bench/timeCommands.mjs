// Times whole processes from inside one place (e.g. a network namespace), so every command pays the same
// spawn cost. argv[2]: JSON {commands: (string[] | {loop: string[][]})[], runs: number}; a loop is timed as
// one sample: its commands one after the other (a per-file keepalived -t over a repository).
// Prints {samples: number[][], status: number[], stderr: string[]}.
// Runs are interleaved (A B A B ...) so machine load drifts hit all commands alike.
// NODE_EXTRA_CA_CERTS is left out of every command's environment: Node reads that file at start (~55 ms on
// the machines this was measured on, where it is set), which users' machines do not do.
import { spawnSync } from 'node:child_process';

const { commands, runs, warmup = 1 } = JSON.parse(process.argv[2]);
const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS;
const samples = commands.map(() => []);
const status = commands.map(() => 0);
const stderr = commands.map(() => '');
for (let i = -warmup; i < runs; i++) {
  commands.forEach((command, c) => {
    const steps = Array.isArray(command) ? [command] : command.loop;
    const t0 = process.hrtime.bigint();
    let last;
    for (const [file, ...args] of steps) {
      last = spawnSync(file, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 << 20, env });
      if (last.status !== 0) status[c] = last.status ?? -1;
    }
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (i < 0) return;
    samples[c].push(ms);
    if (Array.isArray(command)) status[c] = last.status ?? -1;
    stderr[c] = String(last.stderr).slice(0, 2000);
  });
}
process.stdout.write(JSON.stringify({ samples, status, stderr }));
