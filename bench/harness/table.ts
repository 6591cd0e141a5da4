/**
 * The results table: Markdown, so the same text reads on a terminal and goes into docs/bench.md and README.
 */
import type { BenchRow, Goal, Measure } from './types.ts';

/** Three significant figures, thousands separated: 0.0123, 1.23, 123, 12,300. */
export function formatNumber(value: number): string {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 100) return Math.round(value).toLocaleString('en-US');
  return Number(value.toPrecision(3)).toString();
}

function formatMeasure(measure: Measure | null): string {
  return measure ? `${measure.label}: ${formatNumber(measure.value)} ${measure.unit}` : '';
}

export function formatRatio(ratio: number): string {
  return `${ratio.toFixed(2)}x`;
}

export function formatGoal(goal: Goal): string {
  if (goal.kind === 'ratio') return `<= ${goal.max}x`;
  if (goal.kind === 'absolute') return `<= ${formatNumber(goal.max)} ${goal.unit}`;
  return '';
}

function formatMet(row: BenchRow): string {
  if (row.notMeasured) return 'not measured';
  if (row.met === null) return '';
  return row.met ? 'yes' : 'NO';
}

function cells(row: BenchRow): string[] {
  if (row.notMeasured) return [row.group, row.name, `not measured: ${row.notMeasured}`, '', '', formatGoal(row.goal), formatMet(row)];
  const ratioCell = row.ratio === null ? '' : formatRatio(row.ratio);
  return [row.group, row.name, formatMeasure(row.subject), formatMeasure(row.baseline), ratioCell, formatGoal(row.goal), formatMet(row)];
}

const HEADER = ['benchmark', 'case', 'subject', 'baseline', 'ratio', 'goal', 'met?'];

/** A Markdown table, columns padded for the terminal; `|` inside cells escaped. */
export function renderTable(rows: readonly BenchRow[]): string {
  const body = rows.map((row) => cells(row).map((cell) => cell.replaceAll('|', '\\|')));
  const widths = HEADER.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (r: readonly string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  const rule = `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`;
  const notes = rows.filter((row) => row.note).map((row) => `- ${row.group}, ${row.name}: ${row.note}`);
  return [line(HEADER), rule, ...body.map(line), ...(notes.length ? ['', ...notes] : [])].join('\n');
}
