/**
 * One result from a group run in several child processes (`GroupSpec.processes`): each row's median ratio and median
 * figures, and in its note how far the processes' ratios (or, without a ratio, values) spread. Some ratios depend on where the heap put each
 * side's data, which differs from one process to the next: each process is one draw, and their median is the figure to
 * judge.
 */
import { median, meetsGoal } from './stats.ts';
import { formatNumber, formatRatio } from './table.ts';
import type { BenchRow, GroupResult, Measure } from './types.ts';

export class ProcessFoldError extends Error {
  override name = 'ProcessFoldError';
}

function foldMeasure(measures: readonly (Measure | null)[]): Measure | null {
  const known = measures.filter((measure): measure is Measure => measure !== null);
  const [first] = known;
  if (!first) return null;
  return { ...first, value: median(known.map((measure) => measure.value)), samples: known.reduce((sum, measure) => sum + measure.samples, 0) };
}

/** How far the processes' figures spread: their ratios, or for a row without one (an absolute goal) its subject's values. */
function spreadOf(runs: readonly BenchRow[], ratios: readonly number[]): string {
  if (ratios.length > 0) return `median of ${ratios.length} processes (${formatRatio(Math.min(...ratios))} to ${formatRatio(Math.max(...ratios))})`;
  const values = runs.flatMap((run) => (run.subject ? [run.subject.value] : []));
  const unit = runs.find((run) => run.subject)?.subject?.unit ?? '';
  return `median of ${values.length} processes (${formatNumber(Math.min(...values))} to ${formatNumber(Math.max(...values))} ${unit})`;
}

function foldRow(row: BenchRow, runs: readonly BenchRow[]): BenchRow {
  const ratios = runs.map((run) => run.ratio).filter((ratio): ratio is number => ratio !== null);
  const subject = foldMeasure(runs.map((run) => run.subject));
  if (row.notMeasured || !subject) return row;
  const folded = { ...row, subject, baseline: foldMeasure(runs.map((run) => run.baseline)), ratio: ratios.length > 0 ? median(ratios) : null };
  const spread = spreadOf(runs, ratios);
  return { ...folded, met: meetsGoal(folded, row.goal), note: row.note ? `${row.note}; ${spread}` : spread };
}

/** The rows of `results` (one group's, one per process) folded by name, in the first result's order. */
export function foldProcesses(results: readonly GroupResult[]): GroupResult {
  const [first] = results;
  if (!first) throw new ProcessFoldError('no process results to fold: run the group at least once');
  if (results.length === 1) return first;
  const rows = first.rows.map((row) => {
    const runs = results.map((result) => result.rows.find((candidate) => candidate.name === row.name));
    if (runs.some((run) => run === undefined)) throw new ProcessFoldError(`${first.group}: row '${row.name}' is missing from a process's results; every process must measure the same rows`);
    return foldRow(row, runs as BenchRow[]);
  });
  return { group: first.group, rows };
}
