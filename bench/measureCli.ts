import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { BenchNamespace } from './namespace';
import { LINT_BUNDLE } from './paths';
import { summarize, type Summary } from './stats';

export interface CliResult {
  lint: Summary;
  /** `node -e 0`: what any Node.js command costs before it does anything (the floor under `lint`) */
  nodeStartup: Summary;
  keepalived?: Summary;
  /** median(lint) / median(keepalived -t) */
  ratio?: number;
  lintExit: number;
  keepalivedExit?: number;
  keepalivedStderr?: string;
}

/**
 * Wall time of `keepalived-lint FILE` (dist/lint.js run directly, a fresh node process each run) against
 * `keepalived -t -e -f FILE` on the same file, and `node -e 0` as the floor of any Node.js command,
 * interleaved in one timer process inside the namespace.
 */
export function measureCli(main: string, runs: number, namespace: BenchNamespace | undefined): CliResult {
  // the linter is run as its installed command is: the file itself, through its #! line
  const commands = [[LINT_BUNDLE, main], [process.execPath, '-e', '0']];
  if (namespace) commands.push(['keepalived', '-t', '-e', '-f', main]);
  const timer = [process.execPath, join(__dirname, 'timeCommands.mjs'), JSON.stringify({ commands, runs })];
  const argv = namespace ? namespace.wrap(timer) : timer;
  const r = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`timing failed: ${r.stderr}`);
  const { samples, status, stderr } = JSON.parse(r.stdout) as { samples: number[][]; status: number[]; stderr: string[] };
  const lint = summarize(samples[0]);
  const nodeStartup = summarize(samples[1]);
  if (!namespace) return { lint, nodeStartup, lintExit: status[0] };
  const keepalived = summarize(samples[2]);
  return { lint, nodeStartup, keepalived, ratio: lint.median / keepalived.median, lintExit: status[0], keepalivedExit: status[2], keepalivedStderr: stderr[2] || undefined };
}
