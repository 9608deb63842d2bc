import { join } from 'node:path';
import { writeRepository } from './generate';
import type { BenchNamespace } from './namespace';
import { LINT_BUNDLE } from './paths';
import type { Summary } from './stats';
import { peakRssMB, timeCommands } from './timing';

export interface RepositoryResult {
  configs: number;
  lines: number;
  /** keepalived-lint DIR, threads as it chooses (one less than the processors) */
  lint: Summary;
  /** the same on one thread */
  lintOneThread: Summary;
  /** keepalived-lint DIR --jobs 2 */
  lintTwoThreads: Summary;
  /** keepalived -t -f FILE for each config, one after the other */
  keepalivedLoop?: Summary;
  /** median(lint) / median(keepalived loop) */
  ratio?: number;
  peakRssMB: { lint?: number; lintOneThread?: number; keepalived?: number };
}

/** A repository of `clusters` MASTER/BACKUP pairs linted at once, against keepalived -t run once per config. */
export function measureRepository(dir: string, clusters: number, runs: number, namespace: BenchNamespace | undefined): RepositoryResult {
  const repo = writeRepository(dir, clusters, 150);
  const lint = [LINT_BUNDLE, join(dir, 'clusters')];
  const commands = [lint, [...lint, '--jobs', '1'], [...lint, '--jobs', '2']] as (string[] | { loop: string[][] })[];
  const loop = { loop: repo.configs.map((config) => ['keepalived', '-t', '-e', '-f', config]) };
  if (namespace) commands.push(loop);
  const { summaries, status, stderr } = timeCommands(commands, runs, namespace);
  if (status.slice(0, 3).some((s) => s !== 0)) throw new Error(`keepalived-lint failed on the repository: ${stderr.join('\n')}`);
  const [lintAll, lintOneThread, lintTwoThreads, keepalivedLoop] = summaries;
  return {
    configs: repo.configs.length,
    lines: repo.lines,
    lint: lintAll,
    lintOneThread,
    lintTwoThreads,
    keepalivedLoop,
    ratio: keepalivedLoop ? lintAll.median / keepalivedLoop.median : undefined,
    peakRssMB: { lint: peakRssMB(lint), lintOneThread: peakRssMB([...lint, '--jobs', '1']), keepalived: namespace ? peakRssMB(loop, namespace) : undefined },
  };
}
