import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildBundles } from './bundles';
import { writeClusterWorkspace, writeDirector, writeFlatDirector } from './generate';
import { measureClusterChange } from './measureAnalysis';
import { measureCli } from './measureCli';
import { measureFeatures } from './measureFeatures';
import { measureLintStart } from './measureLintStart';
import { measureEdits, measureStartup } from './measureLsp';
import { measureRepository } from './measureRepository';
import { measureShippedAnalysis } from './shippedAnalysis';
import { BenchNamespace } from './namespace';
import { RESULTS_DIR } from './paths';
import { formatReport, targetsOf, writeResult, type BenchResult, type SizeResult } from './report';
import { runsFor } from './stats';

/**
 * npm run bench [-- --sizes=1000,10000,100000] [--hosts=50] [--clusters=500] [--out=DIR] [--no-build] [--quick]
 * Generates the configs in a temporary folder, measures, prints a table and writes JSON to bench/results/.
 */
function options(argv: readonly string[]) {
  const get = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  return {
    sizes: (get('sizes') ?? '1000,10000,100000').split(',').map(Number),
    hosts: Number(get('hosts') ?? 50),
    clusters: Number(get('clusters') ?? 500),
    out: get('out') ?? RESULTS_DIR,
    build: !argv.includes('--no-build'),
    quick: argv.includes('--quick'),
  };
}

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  const scale = opts.quick ? 0.2 : 1;
  const runs = (lines: number, atThousand: number, floor = 5) => Math.max(3, Math.round(runsFor(lines, atThousand, floor) * scale));
  if (opts.build) buildBundles();
  const work = mkdtempSync(join(tmpdir(), 'kabench-'));
  const namespace = BenchNamespace.create();
  const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);
  if (!namespace) log('no network namespace (needs root + iproute2): keepalived -t is not measured');
  try {
    const sizes: SizeResult[] = [];
    let features: BenchResult['features'];
    for (const target of opts.sizes) {
      const dir = join(work, `size-${target}`);
      const config = writeDirector(dir, target);
      log(`${config.lines} lines in ${config.files.length} files: CLI vs keepalived -t`);
      const cli = measureCli(config.main, runs(config.lines, 21), namespace);
      log(`${config.lines} lines: parse + analysis in one process, the bundled code`);
      const analysis = measureShippedAnalysis([config.main], config.files, runs(config.lines, 60, 10));
      // the editor measurements use the same config as one file: every keystroke re-parses all of it
      const flat = writeFlatDirector(join(work, `flat-${target}`), target);
      log(`${flat.lines} lines in one file: language server edits`);
      const lsp = await measureEdits(dirname(flat.main), flat.files, flat.main, runs(config.lines, 80, 20) * 2, target <= 10_000 ? (opts.quick ? 50 : 300) : 0);
      sizes.push({ targetLines: target, lines: config.lines, files: config.files.length, virtualServers: config.virtualServers, cli, analysis, lsp });
      if (target <= 10_000 || !features) {
        log(`${config.lines} lines: completion and hover`);
        const f = measureFeatures(dirname(flat.main), [flat.main], flat.main, opts.quick ? 100 : 400);
        features = { lines: config.lines, ...f };
      }
    }
    log('keepalived-lint on the example pair: start-up');
    const lintStart = measureLintStart(opts.quick ? 10 : 40, namespace, 124);
    log('server start-up');
    const startup = await measureStartup(opts.quick ? 3 : 10);
    let repository: BenchResult['repository'];
    if (opts.clusters > 0) {
      const dir = join(work, 'repository');
      log(`repository of ${opts.clusters} clusters: keepalived-lint DIR vs keepalived -t per config`);
      const cli = measureRepository(dir, opts.clusters, opts.quick ? 2 : 5, namespace);
      log(`repository of ${opts.clusters} clusters: language server`);
      const configs = readdirSync(join(dir, 'clusters')).flatMap((c) => ['master.conf', 'backup.conf'].map((f) => join(dir, 'clusters', c, f)));
      const lsp = await measureEdits(dir, configs, configs[0], opts.quick ? 20 : 60);
      repository = { ...cli, lsp: { firstAnalysisMs: lsp.firstAnalysisMs, editToDiagnostics: lsp.editToDiagnostics, memory: lsp.memory } };
    }
    let cluster: BenchResult['cluster'];
    if (opts.hosts > 0) {
      const dir = join(work, 'cluster');
      const generated = writeClusterWorkspace(dir, opts.hosts, 1000);
      const files = generated.mains.flatMap((m) => [m, ...Array.from({ length: 8 }, (_, i) => join(m, '..', 'services', `part-0${i}.conf`))]);
      log(`cluster of ${opts.hosts} hosts (${generated.lines} lines)`);
      const analysisAfterChange = measureClusterChange(generated.mains, files, opts.quick ? 5 : 30);
      const lsp = await measureEdits(dir, files, generated.mains[0], opts.quick ? 6 : 30);
      cluster = { hosts: opts.hosts, lines: generated.lines, analysisAfterChange, editToDiagnostics: lsp.editToDiagnostics, firstAnalysisMs: lsp.firstAnalysisMs };
    }
    const version = namespace ? (spawnSync('keepalived', ['--version'], { encoding: 'utf8' }).stderr.split('\n')[0] ?? null) : null;
    const partial = { startedAt: new Date().toISOString(), node: process.version, cpus: cpus().length, loadAverage: loadavg()[0], keepalived: version, sizes, features, startup, cluster, lintStart, repository };
    const result: BenchResult = { ...partial, targets: targetsOf(partial) };
    process.stdout.write(formatReport(result) + '\n');
    log(`wrote ${writeResult(opts.out, result)}`);
  } finally {
    namespace?.dispose();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
