// Times whole processes from inside one place (e.g. a network namespace), so every command pays the same
// spawn cost. argv[2]: JSON {commands: string[][], runs: number}; prints {samples: number[][], status: number[]}.
// Runs are interleaved (A B A B ...) so machine load drifts hit all commands alike.
import { spawnSync } from 'node:child_process';

const { commands, runs, warmup = 1 } = JSON.parse(process.argv[2]);
const samples = commands.map(() => []);
const status = commands.map(() => 0);
const stderr = commands.map(() => '');
for (let i = -warmup; i < runs; i++) {
  commands.forEach(([file, ...args], c) => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(file, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 << 20 });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (i < 0) return;
    samples[c].push(ms);
    status[c] = r.status ?? -1;
    stderr[c] = String(r.stderr).slice(0, 2000);
  });
}
process.stdout.write(JSON.stringify({ samples, status, stderr }));
