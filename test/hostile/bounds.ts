// Bounds for hostile-input tests: a child process (the CLI, or the language server) must finish its work
// within a generous time and stay under a generous memory bound. A watchdog reads the child's resident
// memory from /proc and kills it the moment it passes the bound, so a regression that would grow without
// limit fails the test instead of exhausting the shared machine.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ROOT } from '../helpers/paths';

export const TIME_BOUND_MS = 20_000;
export const RSS_BOUND_MB = 500;

/** a process's resident memory (`VmRSS`) or its peak so far (`VmHWM`), in MB; undefined once it is gone */
export function residentMb(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number | undefined {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Kills `child` when its memory passes `limitMb`; `stop()` ends the watch and tells the peak it saw. */
export function watchMemory(child: ChildProcess, limitMb = RSS_BOUND_MB): { stop(): { peakMb: number; killed: boolean } } {
  let peakMb = 0;
  let killed = false;
  const check = () => {
    const hwm = residentMb(child.pid!, 'VmHWM');
    if (hwm === undefined) return;
    peakMb = Math.max(peakMb, hwm);
    if (peakMb > limitMb && !killed) {
      killed = true;
      child.kill('SIGKILL');
    }
  };
  const timer = setInterval(check, 50);
  return {
    stop() {
      check();
      clearInterval(timer);
      return { peakMb, killed };
    },
  };
}

export interface BoundedRun {
  status: number | null;
  stdout: string;
  stderr: string;
  elapsedMs: number;
  peakMb: number;
  /** why the watchdog ended it, if it did */
  killedFor?: 'time' | 'memory';
}

/** Runs keepalived-lint (from the sources) on `args` under the time and memory bounds. */
export function lintBounded(args: string[], options: { timeoutMs?: number; rssMb?: number; env?: NodeJS.ProcessEnv } = {}): Promise<BoundedRun> {
  return runBounded(process.execPath, ['--import', 'tsx', 'server/src/cli/lint.ts', ...args], options);
}

export function runBounded(command: string, args: string[], { timeoutMs = TIME_BOUND_MS, rssMb = RSS_BOUND_MB, env = process.env } = {}): Promise<BoundedRun> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const memory = watchMemory(child, rssMb);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c) => (stdout += c));
  child.stderr!.on('data', (c) => (stderr += c));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutMs);
  return new Promise((resolve) => {
    child.on('close', (status) => {
      clearTimeout(timer);
      const { peakMb, killed } = memory.stop();
      resolve({ status, stdout, stderr, elapsedMs: performance.now() - started, peakMb, killedFor: killed ? 'memory' : timedOut ? 'time' : undefined });
    });
  });
}

/** a message for assertions: what the run did, with its measures */
export function describeRun(run: BoundedRun): string {
  return `status ${run.status}, ${Math.round(run.elapsedMs)} ms, peak ${Math.round(run.peakMb)} MB${run.killedFor ? `, killed for ${run.killedFor}` : ''}\nstdout: ${run.stdout.slice(0, 800)}\nstderr: ${run.stderr.slice(0, 800)}`;
}

/** Stops a language server; one that does not answer shutdown within the bound is killed (and reported). */
export async function stopWithin(client: { stop(): Promise<number | null>; process: ChildProcess }, ms = TIME_BOUND_MS): Promise<number | null | 'hung'> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<'hung'>((resolve) => (timer = setTimeout(() => resolve('hung'), ms)));
  const result = await Promise.race([client.stop(), hung]);
  clearTimeout(timer);
  if (result === 'hung') client.process.kill('SIGKILL');
  return result;
}
