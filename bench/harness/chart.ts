/**
 * One small SVG per benchmark group, written by hand (no chart library): per case, the subject bar (green when the
 * goal is met, red when not) above the baseline bar (grey), on the case's own scale, with the goal as a dashed line.
 */
import { formatGoal, formatNumber } from './table.ts';
import type { BenchRow } from './types.ts';

const WIDTH = 820;
const LABEL_W = 250;
const BAR_W = 360;
const ROW_H = 50;
const TOP = 56;

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Where the goal sits on the row's value scale: baseline x ratio goal, or the absolute goal itself. */
function goalValue(row: BenchRow): number | null {
  if (row.goal.kind === 'ratio') return row.baseline ? row.baseline.value * row.goal.max : null;
  if (row.goal.kind === 'absolute') return row.goal.max;
  return null;
}

function rowSvg(row: BenchRow, y: number): string {
  const parts = [`<text x="8" y="${y + 20}" class="label">${escapeXml(row.name)}</text>`];
  if (row.notMeasured || !row.subject) {
    parts.push(`<text x="${LABEL_W}" y="${y + 20}" class="missing">not measured: ${escapeXml(row.notMeasured ?? 'no figure')}</text>`);
    return parts.join('');
  }
  const goal = goalValue(row);
  const scaleMax = Math.max(row.subject.value, row.baseline?.value ?? 0, goal ?? 0) * 1.05 || 1;
  const w = (v: number) => Math.max(1, (v / scaleMax) * BAR_W);
  const fill = row.met === false ? '#c0392b' : row.met ? '#2e8b57' : '#3b6ea8';
  parts.push(`<rect x="${LABEL_W}" y="${y + 6}" width="${w(row.subject.value).toFixed(1)}" height="15" fill="${fill}"/>`);
  parts.push(`<text x="${LABEL_W + BAR_W + 8}" y="${y + 18}" class="value">${escapeXml(`${formatNumber(row.subject.value)} ${row.subject.unit}`)}${row.ratio === null ? '' : ` (${row.ratio.toFixed(2)}x)`}</text>`);
  if (row.baseline) {
    parts.push(`<rect x="${LABEL_W}" y="${y + 24}" width="${w(row.baseline.value).toFixed(1)}" height="15" fill="#a0a0a0"/>`);
    parts.push(`<text x="${LABEL_W + BAR_W + 8}" y="${y + 36}" class="value base">${escapeXml(`${formatNumber(row.baseline.value)} ${row.baseline.unit} ${row.baseline.label}`)}</text>`);
  }
  if (goal !== null) {
    const x = LABEL_W + w(goal);
    parts.push(`<line x1="${x.toFixed(1)}" y1="${y + 2}" x2="${x.toFixed(1)}" y2="${y + 43}" class="goal"/>`);
  }
  parts.push(`<text x="8" y="${y + 36}" class="sub">${escapeXml(`${row.subject.label}; goal ${formatGoal(row.goal) || 'none'}`)}</text>`);
  return parts.join('');
}

/** The chart of one group's rows. */
export function renderChart(title: string, rows: readonly BenchRow[]): string {
  const height = TOP + rows.length * ROW_H + 16;
  const body = rows.map((row, i) => rowSvg(row, TOP + i * ROW_H)).join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="Helvetica, Arial, sans-serif">
<style>.title{font-size:16px;font-weight:bold}.legend{font-size:11px;fill:#444}.label{font-size:12px}.sub{font-size:10px;fill:#666}.value{font-size:11px}.base{fill:#666}.missing{font-size:12px;fill:#a05a00}.goal{stroke:#222;stroke-width:1.5;stroke-dasharray:4 3}</style>
<rect width="100%" height="100%" fill="#fff"/>
<text x="8" y="22" class="title">${escapeXml(title)}</text>
<text x="8" y="42" class="legend">coloured: subject (green = goal met, red = missed, blue = no goal); grey: baseline; dashed line: goal. Each case on its own scale.</text>
${body}
</svg>
`;
}
