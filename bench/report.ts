import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnalysisTiming } from './measureAnalysis';
import type { CliResult } from './measureCli';
import type { LintStartResult } from './measureLintStart';
import type { EditResult } from './measureLsp';
import type { RepositoryResult } from './measureRepository';
import type { Summary } from './stats';

export interface SizeResult {
  targetLines: number;
  lines: number;
  files: number;
  virtualServers: number;
  cli: CliResult;
  analysis: AnalysisTiming;
  lsp: EditResult;
}

export interface BenchResult {
  startedAt: string;
  node: string;
  cpus: number;
  /** 1-minute load average when the run ended: timings on a busy machine are inflated */
  loadAverage: number;
  keepalived: string | null;
  sizes: SizeResult[];
  features?: { lines: number; completion: Summary; hover: Summary; completionItems: number; hovers: number };
  startup: Summary;
  cluster?: { hosts: number; lines: number; analysisAfterChange: Summary; editToDiagnostics: Summary; firstAnalysisMs: number };
  lintStart?: LintStartResult;
  repository?: RepositoryResult & { lsp: Pick<EditResult, 'firstAnalysisMs' | 'editToDiagnostics' | 'memory'> };
  targets: Target[];
}

export interface Target {
  name: string;
  value: number;
  limit: number;
  unit: string;
  met: boolean;
}

const ms = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '–' : v < 10 ? v.toFixed(2) : v.toFixed(0));
const pad = (cells: string[], widths: number[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  return [pad(header, widths), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map((r) => pad(r, widths))].join('\n');
}

export function targetsOf(result: Omit<BenchResult, 'targets'>): Target[] {
  const out: Target[] = [];
  const add = (name: string, value: number | undefined, limit: number, unit: string) => {
    if (value !== undefined && !Number.isNaN(value)) out.push({ name, value, limit, unit, met: value <= limit });
  };
  const largest = result.sizes[result.sizes.length - 1];
  if (largest) {
    const k = `${Math.round(largest.lines / 1000)}k`;
    add(`lint/keepalived -t ratio at ${k}`, largest.cli.ratio, 1, '×');
    add(`lint --cache (nothing changed)/keepalived -t ratio at ${k}`, largest.cli.cachedRatio, 1, '×');
    add(`warm full analysis (parsed, collected ASTs) median at ${k}`, largest.analysis.analyzeSettled.median, 50, 'ms');
    add(`warm full analysis (just-parsed ASTs) median at ${k}`, largest.analysis.analyzeOnly.median, 50, 'ms');
    add(`edit→diagnostics median at ${k}`, largest.lsp.editToDiagnostics.median, 30, 'ms');
    add(`server heap at ${k}`, largest.lsp.memory.heapUsedMB, 100, 'MB');
    add(`server heap at ${k} after ${largest.lsp.editToDiagnostics.n} edits`, largest.lsp.heapAfterEditsMB, 100, 'MB');
  }
  if (result.lintStart) add('keepalived-lint on the example pair / node -e 0 (issue 19)', result.lintStart.ratioToNode, 1.1, '×');
  const ownWork = largest?.cli.keepalived && largest.cli.keepalivedStartup ? largest.cli.keepalived.median - largest.cli.keepalivedStartup.median : undefined;
  if (largest && ownWork) add(`warm parse + every check at ${Math.round(largest.lines / 1000)}k / keepalived -t's own work (its time less its start-up) (issue 19)`, largest.analysis.parseAndAnalyze.median / ownWork, 1, '×');
  if (result.repository) {
    const r = result.repository;
    add(`keepalived-lint DIR of ${r.configs} configs / keepalived -t per config (issue 19)`, r.ratio, 0.2, '×');
    add(`edit→diagnostics median, ${r.configs} files (${r.configs / 2} clusters) in the workspace (issue 19)`, r.lsp.editToDiagnostics.median, 10, 'ms');
  }
  if (result.features) {
    add(`completion p99 at ${Math.round(result.features.lines / 1000)}k`, result.features.completion.p99, 5, 'ms');
    add(`hover p99 at ${Math.round(result.features.lines / 1000)}k`, result.features.hover.p99, 5, 'ms');
  }
  if (result.sizes.length >= 2) {
    const [a, b] = [result.sizes[result.sizes.length - 2], largest];
    const perLine = (s: SizeResult) => s.analysis.parseAndAnalyze.median / s.lines;
    add(`growth: analysis per line ${Math.round(b.lines / 1000)}k vs ${Math.round(a.lines / 1000)}k`, perLine(b) / perLine(a), 1.5, '×');
  }
  return out;
}

export function formatReport(r: BenchResult): string {
  const sizes = table(
    ['lines (files)', 'lint ms', 'node -e 0 ms', 'keepalived -t ms', 'ratio', 'ratio without node start-up', 'lint --cache ms (ratio)', 'parse+analysis p50/p99', 'analysis p50 (just parsed / collected)', 're-analysis after edit p50/p99', 'same, a block left open p50', 'same, opened with it p50', 'edit→diag p50/p99', 'first analysis', 'heap MB', 'heap after edits MB', 'RSS MB'],
    r.sizes.map((s) => [
      `${s.lines} (${s.files})`,
      ms(s.cli.lint.median),
      ms(s.cli.nodeStartup.median),
      ms(s.cli.keepalived?.median),
      s.cli.ratio === undefined ? '–' : s.cli.ratio.toFixed(2),
      s.cli.keepalived ? ((s.cli.lint.median - s.cli.nodeStartup.median) / s.cli.keepalived.median).toFixed(2) : '–',
      `${ms(s.cli.cached.median)} (${s.cli.cachedRatio === undefined ? '–' : s.cli.cachedRatio.toFixed(2)})`,
      `${ms(s.analysis.parseAndAnalyze.median)} / ${ms(s.analysis.parseAndAnalyze.p99)}`,
      `${ms(s.analysis.analyzeOnly.median)} / ${ms(s.analysis.analyzeSettled.median)}`,
      `${ms(s.analysis.reanalyzeAfterEdit.median)} / ${ms(s.analysis.reanalyzeAfterEdit.p99)}`,
      ms(s.analysis.reanalyzeWithOpenBlock.median),
      ms(s.analysis.reanalyzeOpenedWithOpenBlock.median),
      `${ms(s.lsp.editToDiagnostics.median)} / ${ms(s.lsp.editToDiagnostics.p99)}`,
      ms(s.lsp.firstAnalysisMs),
      s.lsp.memory.heapUsedMB.toFixed(1),
      s.lsp.heapAfterEditsMB.toFixed(1),
      s.lsp.memory.rssMB.toFixed(0),
    ]),
  );
  const lines = [
    'CLI, keepalived -t and in-process analysis: main file + 8 included files; lint --cache = the same command with a stored report and nothing changed since; editor columns (edit→diag, first analysis, heap, RSS) and completion/hover: the same config as one file.',
    'analysis = every check on freshly parsed ASTs, timed right after the parse (the collector still moves the young ASTs) and after a full collection; re-analysis after edit = one character changed: incremental re-parse + every check (in-process); the same with a block left open earlier in the file (what follows it is nested into it), typed before the edits or already there when the file was opened.',
    `keepalived benchmark ${r.startedAt} — node ${r.node}, ${r.cpus} CPU(s), load ${r.loadAverage.toFixed(1)}, ${r.keepalived ?? 'keepalived not measured'}`,
    '',
    sizes,
    '',
  ];
  if (r.features) {
    lines.push(`completion (${r.features.lines} lines): p50 ${ms(r.features.completion.median)} ms, p99 ${ms(r.features.completion.p99)} ms (${r.features.completionItems}/${r.features.completion.n} non-empty)`);
    lines.push(`hover      (${r.features.lines} lines): p50 ${ms(r.features.hover.median)} ms, p99 ${ms(r.features.hover.p99)} ms (${r.features.hovers}/${r.features.hover.n} non-empty)`);
  }
  const overLsp = r.sizes.filter((s) => s.lsp.completion || s.lsp.hover).pop();
  if (overLsp) {
    lines.push(
      `over LSP   (${overLsp.lines} lines): completion p50 ${ms(overLsp.lsp.completion?.median)} / p99 ${ms(overLsp.lsp.completion?.p99)} ms, hover p50 ${ms(overLsp.lsp.hover?.median)} / p99 ${ms(overLsp.lsp.hover?.p99)} ms (request → response, JSON-RPC included)`,
    );
  }
  lines.push(`server start-up → initialize answered: p50 ${ms(r.startup.median)} ms, p99 ${ms(r.startup.p99)} ms`);
  if (r.lintStart) {
    const s = r.lintStart;
    lines.push(`keepalived-lint on the example pair (${s.lines} lines): p50 ${ms(s.lint.median)} ms; node -e 0 ${ms(s.nodeStartup.median)} ms (ratio ${s.ratioToNode.toFixed(2)}); keepalived -t ${ms(s.keepalived?.median)} ms`);
  }
  const largest = r.sizes[r.sizes.length - 1];
  if (largest?.cli.keepalivedStartup && largest.cli.keepalived) {
    const own = largest.cli.keepalived.median - largest.cli.keepalivedStartup.median;
    lines.push(
      `parse speed at ${largest.lines} lines: warm parse + every check ${ms(largest.analysis.parseAndAnalyze.median)} ms; keepalived -t ${ms(largest.cli.keepalived.median)} ms, of which start-up ${ms(largest.cli.keepalivedStartup.median)} ms (keepalived -t on 3 lines): ratio ${(largest.analysis.parseAndAnalyze.median / own).toFixed(2)}`,
    );
  }
  if (r.repository) {
    const p = r.repository;
    const mb = (v: number | undefined) => (v === undefined ? '–' : v.toFixed(0));
    lines.push(
      `repository, ${p.configs} configs (${p.lines} lines, ${p.configs / 2} clusters): keepalived-lint DIR p50 ${ms(p.lint.median)} ms (--jobs 1 ${ms(p.lintOneThread.median)}, --jobs 2 ${ms(p.lintTwoThreads.median)}); ` +
        `keepalived -t per config ${ms(p.keepalivedLoop?.median)} ms; ratio ${p.ratio === undefined ? '–' : p.ratio.toFixed(3)}; peak RSS lint ${mb(p.peakRssMB.lint)} MB (--jobs 1 ${mb(p.peakRssMB.lintOneThread)} MB), keepalived -t ${mb(p.peakRssMB.keepalived)} MB`,
    );
    lines.push(
      `language server on that repository: first diagnostics for every file ${ms(p.lsp.firstAnalysisMs)} ms; edit→diagnostics p50 ${ms(p.lsp.editToDiagnostics.median)} ms, p99 ${ms(p.lsp.editToDiagnostics.p99)} ms; heap ${p.lsp.memory.heapUsedMB.toFixed(0)} MB, RSS ${p.lsp.memory.rssMB.toFixed(0)} MB`,
    );
  }
  if (r.cluster) {
    lines.push(
      `cluster, ${r.cluster.hosts} hosts (${r.cluster.lines} lines): analysis after one file changes p50 ${ms(r.cluster.analysisAfterChange.median)} ms, p99 ${ms(r.cluster.analysisAfterChange.p99)} ms; ` +
        `edit→diagnostics p50 ${ms(r.cluster.editToDiagnostics.median)} ms; first analysis ${ms(r.cluster.firstAnalysisMs)} ms`,
    );
  }
  lines.push('', 'targets (issues 7 and 19):');
  for (const t of r.targets) lines.push(`  ${t.met ? 'met   ' : 'MISSED'} ${t.name}: ${t.unit === '×' ? t.value.toFixed(2) : ms(t.value)} ${t.unit} (limit ${t.limit} ${t.unit})`);
  return lines.join('\n');
}

/** Writes `<dir>/bench-<time>.json` and `<dir>/latest.json`; returns the first path. */
export function writeResult(dir: string, result: BenchResult): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `bench-${result.startedAt.replace(/[:.]/g, '-')}.json`);
  const json = JSON.stringify(result, null, 2) + '\n';
  writeFileSync(path, json);
  writeFileSync(join(dir, 'latest.json'), json);
  return path;
}
