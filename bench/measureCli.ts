import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RACY_NS } from '../server/src/cli/resultCache';
import type { BenchNamespace } from './namespace';
import { LINT_BUNDLE } from './paths';
import { sleepSync, type Summary } from './stats';
import { timeCommands } from './timing';

export interface CliResult {
  lint: Summary;
  /** `node -e 0`: what any Node.js command costs before it does anything (the floor under `lint`) */
  nodeStartup: Summary;
  /** `keepalived-lint --cache` on the same, unchanged files: the stored report, printed by the launcher */
  cached: Summary;
  keepalived?: Summary;
  /** `keepalived -t` on a config of three lines: what keepalived takes before it reads a config */
  keepalivedStartup?: Summary;
  /** median(lint) / median(keepalived -t) */
  ratio?: number;
  /** median(lint --cache, nothing changed) / median(keepalived -t) */
  cachedRatio?: number;
  lintExit: number;
  cachedExit: number;
  keepalivedExit?: number;
  keepalivedStderr?: string;
}

/**
 * Wall time of `keepalived-lint FILE` (dist/lint.js run directly, a fresh node process each run) against
 * `keepalived -t -e -f FILE` on the same file, `keepalived-lint --cache FILE` with nothing changed since the
 * stored run, and `node -e 0` as the floor of any Node.js command, interleaved in one timer process inside
 * the namespace.
 */
export function measureCli(main: string, runs: number, namespace: BenchNamespace | undefined): CliResult {
  const cacheDir = mkdtempSync(join(tmpdir(), 'kabench-lint-cache-'));
  try {
    // the linter is run as its installed command is: the file itself, through its #! line
    const cachedLint = [LINT_BUNDLE, '--cache-location', cacheDir, main];
    primeCache(cachedLint);
    const minimal = join(cacheDir, 'minimal.conf');
    writeFileSync(minimal, 'global_defs {\n    router_id bench\n}\n');
    const commands = [[LINT_BUNDLE, main], [process.execPath, '-e', '0'], cachedLint];
    if (namespace) commands.push(['keepalived', '-t', '-e', '-f', main], ['keepalived', '-t', '-e', '-f', minimal]);
    const { summaries, status, stderr } = timeCommands(commands, runs, namespace);
    if (!/unchanged since the cached run/.test(stderr[2])) throw new Error(`lint --cache did not answer from its cache: ${stderr[2]}`);
    const [lint, nodeStartup, cached, keepalived, keepalivedStartup] = summaries;
    const base = { lint, nodeStartup, cached, lintExit: status[0], cachedExit: status[2] };
    if (!namespace) return base;
    return { ...base, keepalived, keepalivedStartup, ratio: lint.median / keepalived.median, cachedRatio: cached.median / keepalived.median, keepalivedExit: status[3], keepalivedStderr: stderr[3] || undefined };
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

/**
 * Stores the report, then lets the just-generated files age past the cache's racy window and looks once more,
 * which stamps them as settled: the timed runs measure the steady state (stamps trusted, nothing read).
 */
function primeCache(command: string[]): void {
  const run = () => spawnSync(command[0], command.slice(1), { stdio: 'ignore' });
  run();
  sleepSync(Number(RACY_NS / 1_000_000n) + 200);
  run();
}
