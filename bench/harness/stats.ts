/**
 * The arithmetic every benchmark shares: medians of samples, ratios against a baseline, and the verdicts
 * (`met?` against the goal; `bench:check`'s regression margin). Pure functions, unit-tested.
 */
import type { BenchRow, Goal } from './types.ts';

export class BenchMathError extends Error {
  override name = 'BenchMathError';
}

/** The median of `samples` (the mean of the middle two for an even count). */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new BenchMathError('median of no samples: take at least one sample before summarising');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The median of the per-pair ratios `subject[i] / baseline[i]`: each pair was taken back to back, under the same
 * machine load, so a burst of load (or a stall) spoils one pair, not the whole figure, as a ratio of medians can be.
 */
export function pairedRatio(subject: readonly number[], baseline: readonly number[]): number | null {
  if (subject.length !== baseline.length) throw new BenchMathError(`paired ratio of ${subject.length} against ${baseline.length} samples: take the samples in pairs`);
  const ratios: number[] = [];
  for (let i = 0; i < subject.length; i++) {
    const r = ratio(subject[i]!, baseline[i]!);
    if (r !== null) ratios.push(r);
  }
  return ratios.length > 0 ? median(ratios) : null;
}

/** subject / baseline; null when the baseline is not a positive number (a ratio against zero says nothing). */
export function ratio(subject: number, baseline: number): number | null {
  if (!Number.isFinite(subject) || !Number.isFinite(baseline) || baseline <= 0) return null;
  return subject / baseline;
}

/** The number a goal is judged on: the ratio for ratio goals, the subject's value for absolute ones. */
function judged(row: Pick<BenchRow, 'ratio' | 'subject'>, goal: Goal): number | null {
  if (goal.kind === 'ratio') return row.ratio;
  if (goal.kind === 'none') return null;
  return row.subject?.value ?? null;
}

/** Whether the row meets its goal (null when there is no goal or nothing was measured). */
export function meetsGoal(row: Pick<BenchRow, 'ratio' | 'subject'>, goal: Goal): boolean | null {
  const value = judged(row, goal);
  if (value === null || goal.kind === 'none') return null;
  return value <= goal.max;
}

/** Default regression margin of `bench:check`: fail only past 3x the goal. */
export const CHECK_MARGIN = 3;

export type CheckVerdict = { readonly status: 'pass' | 'skip'; readonly reason: string } | { readonly status: 'fail'; readonly reason: string };

/**
 * `bench:check`: only ratio goals gate (both sides measured in the same run, so the machine's speed cancels out);
 * absolute figures (ms, bytes) are reported but never fail the check.
 */
export function checkVerdict(row: Pick<BenchRow, 'ratio' | 'goal' | 'notMeasured'>, margin = CHECK_MARGIN): CheckVerdict {
  if (row.notMeasured) return { status: 'skip', reason: `not measured: ${row.notMeasured}` };
  if (row.goal.kind !== 'ratio') return { status: 'skip', reason: `absolute goal (${row.goal.kind}) is reported, not checked` };
  if (row.ratio === null) return { status: 'skip', reason: 'no ratio (baseline not positive)' };
  const limit = row.goal.max * margin;
  return row.ratio > limit
    ? { status: 'fail', reason: `ratio ${row.ratio.toFixed(2)}x is past ${limit.toFixed(2)}x (${margin}x the ${row.goal.max}x goal)` }
    : { status: 'pass', reason: `ratio ${row.ratio.toFixed(2)}x within ${limit.toFixed(2)}x` };
}
