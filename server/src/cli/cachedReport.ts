// The launcher's fast path for `keepalived-lint --cache`: with every input unchanged, the stored report is
// printed before the linter's bundle (parser, schema, checks, glob) is even loaded, which is most of a
// cached run. Anything less certain (a changed stamp, a glob to run again) is left to the linter.
import { isDirectory, parseArgs, UsageError, withTargetVersion, type CliOptions } from './lintArgs';
import { printReport } from './lintReport';
import { resultCacheFor } from './resultCache';

/** the exit status once the stored report is printed, or undefined: the linter must run */
export function cachedReport(argv: readonly string[], build: string): number | undefined {
  const options = optionsOf(argv);
  const stored = options && resultCacheFor(options, build)?.lookup();
  // the summary names the release the report was made against: a lint config may have pinned it
  return options && stored ? printReport({ ...options, target: stored.target ?? options.target }, stored.diagnostics, true) : undefined;
}

/** the options of a lint run, or undefined for help and bad usage (the linter itself answers those) */
function optionsOf(argv: readonly string[]): CliOptions | undefined {
  try {
    const options = parseArgs(argv);
    // the failover tables are not a lint report: never answered from the result cache; without --cache
    // there is nothing to look up, and the linter finds the release itself
    // a directory is walked afresh at every run
    return options === 'help' || options.failover || !options.cacheDir || options.files.some(isDirectory) ? undefined : withTargetVersion(options);
  } catch (error) {
    if (error instanceof UsageError) return undefined;
    throw error;
  }
}
