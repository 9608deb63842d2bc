// One lint run of the CLI over a FileSystem (the disk, stdin laid over it, or the cache's recorder): the config
// file, the files it ignores, the cluster peers, the analysis, and the config's severities.
import { dirname, resolve } from 'node:path';
import type { DeclaredCluster } from '../analysis/cluster/grouping';
import type { FileSystem } from '../analysis/diskFileSystem';
import { localHostFacts } from '../analysis/host/hostFacts';
import { lintFiles, type FileDiagnostic } from '../analysis/lint';
import { configuredSeverity, DEFAULT_CONFIG, findLintConfig, notIgnored, readLintConfig, type LintConfig } from '../analysis/lintConfig';
import { stdinPath, type CliOptions } from './lintArgs';
import type { PrintedDiagnostic } from './resultCache';
import { writeErr } from './stdio';

/** the named files as absolute paths, "-" standing for where stdin is taken to live */
export function namedFiles(options: CliOptions): string[] {
  return options.files.map((f) => (f === '-' ? stdinPath(options) : resolve(f)));
}

/** --config's file, else the one found upward from the first file, else the defaults */
export function loadLintConfig(options: Pick<CliOptions, 'configFile'>, near: string | undefined, fs: FileSystem): LintConfig {
  const path = options.configFile ?? (near === undefined ? undefined : findLintConfig(dirname(near), fs));
  return path ? readLintConfig(path, fs) : DEFAULT_CONFIG;
}

export interface LintRun {
  config: LintConfig;
  /** the named files the config does not ignore */
  files: string[];
  /** findings with the config's severities applied ('off' ones dropped), peers' own left out */
  diagnostics: FileDiagnostic[];
}

/** The clusters a lint config names, for where no cluster file declares any. */
export function lintConfigClusters(config: LintConfig): DeclaredCluster[] {
  return config.clusters.map((configs) => ({ configs, source: config.path ?? '.keepalived-lint.json' }));
}

/** what to do with a cluster file that cannot be used (it is then ignored): say so on stderr */
export const reportClusterFileProblem = (problem: string): void => writeErr(`keepalived-lint: cluster file ignored:\n${problem}\n`);

export function runLint(options: CliOptions, fs: FileSystem, config = loadLintConfig(options, namedFiles(options)[0], fs), onClusterFileProblem = reportClusterFileProblem): LintRun {
  const named = namedFiles(options);
  const files = notIgnored(config, named);
  if (files.length === 0) return { config, files, diagnostics: [] };
  const diagnostics: FileDiagnostic[] = [];
  const found = lintFiles(
    files,
    {
      keepalivedVersion: options.keepalivedVersion ?? config.keepalivedVersion ?? options.target?.version,
      configId: options.configId,
      host: options.hostChecks ? localHostFacts() : undefined,
      clusterFiles: options.clusterFiles,
      onClusterFileProblem,
      fallbackClusters: lintConfigClusters(config),
    },
    fs,
  );
  for (const d of found) {
    const severity = configuredSeverity(config, d.code, d.severity);
    if (severity) diagnostics.push(severity === d.severity ? d : { ...d, severity });
  }
  return { config, files, diagnostics };
}

/** what the CLI prints of a finding: its places (1-based), severity, code and message, and nothing else */
export function printed(d: FileDiagnostic): PrintedDiagnostic {
  const { start, end } = d.range;
  const out: PrintedDiagnostic = { file: d.file, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1, severity: d.severity, code: d.code, message: d.message };
  if (d.related?.length) {
    out.related = d.related.map((r) => ({ file: r.file, line: r.range.start.line + 1, column: r.range.start.character + 1, endLine: r.range.end.line + 1, endColumn: r.range.end.character + 1, message: r.message }));
  }
  return out;
}

/** A FileSystem that answers `path` with `text` (standard input) and asks `inner` for the rest. */
export function withStdin(inner: FileSystem, path: string, text: string): FileSystem {
  return {
    readFile: (p) => (p === path ? text : inner.readFile(p)),
    globMissing: (pattern) => inner.globMissing?.(pattern) ?? [],
    glob: (pattern) => {
      const matches = inner.glob(pattern);
      // a pattern naming stdin's path (or a glob that would match it, were it on disk) finds it too
      return pattern === path && !matches.includes(path) ? [...matches, path].sort() : matches;
    },
  };
}
