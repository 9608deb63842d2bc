// The launcher's fast path for `keepalived-lint --cache`: with every input unchanged, the stored report is
// printed before the linter's bundle (parser, schema, checks, globber) is even loaded, which is most of a
// cached run. Anything less certain (a changed stamp, a glob to run again) is left to the linter.
import { parseArgs, UsageError } from './lintArgs';
import { printReport } from './lintReport';
import { resultCacheFor } from './resultCache';

/** the exit status once the stored report is printed, or undefined: the linter must run */
export function cachedReport(argv: readonly string[], build: string): number | undefined {
  let options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    // the linter itself reports bad usage
    if (error instanceof UsageError) return undefined;
    throw error;
  }
  const cache = options === 'help' ? undefined : resultCacheFor(options, build);
  const stored = cache?.lookup();
  return stored && options !== 'help' ? printReport(options, stored, true) : undefined;
}
