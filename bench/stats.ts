/** Order statistics of timing samples (milliseconds). */
export interface Summary {
  n: number;
  median: number;
  p99: number;
  min: number;
  max: number;
}

/** Nearest-rank percentile: with few samples p99 is the maximum, never an interpolated guess. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, median: percentile(sorted, 50), p99: percentile(sorted, 99), min: sorted[0] ?? NaN, max: sorted[sorted.length - 1] ?? NaN };
}

/** Runs `fn` `warmup` times untimed, then `runs` times timed; returns the timings. */
export function timeRepeated(fn: () => void, runs: number, warmup = 2): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return samples;
}

/** Blocks the thread for `ms` (the bench waits for the collector, or for files to age, without yielding). */
export function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Fewer repetitions for bigger inputs, so each size costs about the same wall time. */
export function runsFor(lines: number, atThousand: number, floor = 5): number {
  return Math.max(floor, Math.round(atThousand / Math.max(1, lines / 1000) ** 0.5));
}
