/**
 * Building result rows: a measured pair (ratio and verdict computed here, once) or an honest "not measured".
 */
import { meetsGoal, ratio } from './stats.ts';
import type { BenchRow, Goal, Measure } from './types.ts';

/** `paired`: the ratio taken pair by pair (see `pairedRatio`), when the samples were; else subject / baseline medians. */
export function measuredRow(group: string, name: string, subject: Measure, baseline: Measure | null, goal: Goal, note?: string, paired?: number | null): BenchRow {
  const r = paired ?? (baseline ? ratio(subject.value, baseline.value) : null);
  const row = { group, name, subject, baseline, ratio: r, goal };
  return { ...row, met: meetsGoal(row, goal), ...(note ? { note } : {}) };
}

export function notMeasuredRow(group: string, name: string, goal: Goal, reason: string): BenchRow {
  return { group, name, subject: null, baseline: null, ratio: null, goal, met: null, notMeasured: reason };
}
