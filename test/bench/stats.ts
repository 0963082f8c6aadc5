/** Median and percentiles over measured samples, for the figures the bench prints. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export interface Summary {
  median: number;
  p95: number;
  min: number;
  max: number;
}

export function summary(samples: readonly number[]): Summary {
  return {
    median: percentile(samples, 50),
    p95: percentile(samples, 95),
    min: Math.min(...samples),
    max: Math.max(...samples),
  };
}

/**
 * The most events in any window [t, t + windowMs) sliding over the timestamps (ms), and where that
 * window starts. Sliding, not calendar seconds: a rate limit counted from any instant must hold from
 * every instant.
 */
export function busiestWindow(
  timestamps: readonly number[],
  windowMs: number,
): { count: number; from: number } {
  const sorted = [...timestamps].sort((a, b) => a - b);
  let best = { count: 0, from: Number.NaN };
  let first = 0;
  for (let last = 0; last < sorted.length; last++) {
    while (sorted[last]! - sorted[first]! >= windowMs) first++;
    if (last - first + 1 > best.count) best = { count: last - first + 1, from: sorted[first]! };
  }
  return best;
}

/**
 * Milliseconds since the epoch with sub-millisecond precision, comparable across the bench's
 * processes (one machine, one clock) and, unlike Date.now(), never stepped back within one.
 */
export const epochNow = (): number => performance.timeOrigin + performance.now();

export const ms = (value: number): string => `${value.toFixed(1)} ms`;
export const seconds = (value: number): string => `${(value / 1_000).toFixed(1)} s`;

/** How each figure says whether it meets its target in the issue. */
export const verdict = (met: boolean): string => (met ? 'MET' : 'MISSED');
