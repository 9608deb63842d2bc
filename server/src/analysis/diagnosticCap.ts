import type { Diagnostic } from '../syntax';

/** More findings than anyone reads in one file; past it an editor spends seconds drawing them. */
export const MAX_DIAGNOSTICS_PER_FILE = 1000;

/**
 * The first findings of a file (in source order) and, when there were more, one last finding that says how
 * many were left out, placed where the first of them was.
 */
export function capDiagnostics(sorted: Diagnostic[], limit = MAX_DIAGNOSTICS_PER_FILE): Diagnostic[] {
  if (sorted.length <= limit) return sorted;
  const kept = sorted.slice(0, limit);
  const left = sorted.length - limit;
  kept.push({
    range: sorted[limit].range,
    severity: 'information',
    code: 'too-many-diagnostics',
    message: `${left} more finding(s) in this file are not shown (only the first ${limit} are)`,
  });
  return kept;
}
