/** Nearest-rank percentile (p in 0..100) of a non-empty sample. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  const value = sorted[rank];
  if (value === undefined) throw new Error('percentile of an empty sample');
  return value;
}

export function describeLatency(samples: readonly number[]): string {
  const f = (n: number): string => n.toFixed(1);
  return `n=${samples.length} median=${f(percentile(samples, 50))} ms p90=${f(percentile(samples, 90))} ms max=${f(percentile(samples, 100))} ms`;
}
