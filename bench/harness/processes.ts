/**
 * One result from a group run in several child processes (`GroupSpec.processes`): each row's median ratio, with the
 * median figures, and the spread of the processes' ratios in its note. Some ratios depend on where the heap put each
 * side's data, which differs from one process to the next: each process is one draw, and their median is the figure to
 * judge.
 */
import { median, meetsGoal } from './stats.ts';
import { formatRatio } from './table.ts';
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

function foldRow(row: BenchRow, runs: readonly BenchRow[]): BenchRow {
  const ratios = runs.map((run) => run.ratio).filter((ratio): ratio is number => ratio !== null);
  if (row.notMeasured || ratios.length === 0) return row;
  const folded = { ...row, subject: foldMeasure(runs.map((run) => run.subject)), baseline: foldMeasure(runs.map((run) => run.baseline)), ratio: median(ratios) };
  const spread = `median of ${ratios.length} processes (${formatRatio(Math.min(...ratios))} to ${formatRatio(Math.max(...ratios))})`;
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
