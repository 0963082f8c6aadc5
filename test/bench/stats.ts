/** Median and percentiles over measured samples, for the figures the bench prints. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export function summary(samples: readonly number[]): {
  median: number;
  p95: number;
  min: number;
  max: number;
} {
  return {
    median: percentile(samples, 50),
    p95: percentile(samples, 95),
    min: Math.min(...samples),
    max: Math.max(...samples),
  };
}

export const ms = (value: number): string => `${value.toFixed(1)} ms`;
