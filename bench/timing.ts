import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { BenchNamespace } from './namespace';
import { summarize, type Summary } from './stats';

/** a command, or commands run one after the other and timed as one (a per-file loop) */
export type Timed = string[] | { loop: string[][] };

export interface Timings {
  summaries: Summary[];
  status: number[];
  stderr: string[];
}

/** Times `commands`, interleaved, `runs` times each, from one timer process (inside `namespace` when given). */
export function timeCommands(commands: readonly Timed[], runs: number, namespace?: BenchNamespace, warmup = 1): Timings {
  const timer = [process.execPath, join(__dirname, 'timeCommands.mjs'), JSON.stringify({ commands, runs, warmup })];
  const argv = namespace ? namespace.wrap(timer) : timer;
  const r = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`timing failed: ${r.stderr}`);
  const { samples, status, stderr } = JSON.parse(r.stdout) as { samples: number[][]; status: number[]; stderr: string[] };
  return { summaries: samples.map(summarize), status, stderr };
}

/**
 * The peak resident memory of a command (its largest process, in MB), read from the kernel's accounting of
 * the children python3 waited for; undefined without python3.
 */
export function peakRssMB(command: Timed, namespace?: BenchNamespace): number | undefined {
  const steps = Array.isArray(command) ? [command] : command.loop;
  const script = 'import json,os,resource,subprocess,sys\nenv={k:v for k,v in os.environ.items() if k!="NODE_EXTRA_CA_CERTS"}\nfor c in json.loads(sys.argv[1]): subprocess.run(c,stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL,env=env)\nprint(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)';
  const argv = ['python3', '-c', script, JSON.stringify(steps)];
  const wrapped = namespace ? namespace.wrap(argv) : argv;
  const r = spawnSync(wrapped[0], wrapped.slice(1), { encoding: 'utf8' });
  const kb = Number(r.stdout.trim());
  return r.status === 0 && kb > 0 ? kb / 1024 : undefined;
}
