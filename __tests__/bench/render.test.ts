import { describe, expect, it } from 'vitest';
import { renderChart } from '../../bench/harness/chart.ts';
import { formatNumber, renderTable } from '../../bench/harness/table.ts';
import { measuredRow, notMeasuredRow } from '../../bench/harness/rows.ts';
import { DocsMarkerError, replaceTable, TABLE_END, TABLE_START } from '../../bench/report.ts';

const ms = (label: string, value: number) => ({ label, value, unit: 'us/op' as const, samples: 9 });
const missed = measuredRow('5 finders', 'find(id)', ms('ActiveRecord', 61), ms('z.run ZQL', 44), { kind: 'ratio', max: 1.1 });
const met = measuredRow('5 finders', 'where <x> | y', ms('ActiveRecord', 40), ms('z.run ZQL', 40), { kind: 'ratio', max: 1.1 }, 'a note');
const absent = notMeasuredRow('3 ReactiveRecord memory', 'per record', { kind: 'absolute', max: 64, unit: 'B/record' }, 'not landed');

describe('formatNumber', () => {
  it('keeps three significant figures and separates thousands', () => {
    expect(formatNumber(0.012345)).toBe('0.0123');
    expect(formatNumber(1.2345)).toBe('1.23');
    expect(formatNumber(12345.6)).toBe('12,346');
    expect(formatNumber(0)).toBe('0');
  });
});

describe('renderTable', () => {
  const table = renderTable([missed, met, absent]);
  const lines = table.split('\n');

  it('has one line per row with subject, baseline, ratio, goal and verdict', () => {
    expect(lines[0]).toMatch(/^\| benchmark +\| case +\| subject +\| baseline +\| ratio +\| goal +\| met\? +\|$/);
    expect(lines[2]).toContain('ActiveRecord: 61 us/op');
    expect(lines[2]).toContain('z.run ZQL: 44 us/op');
    expect(lines[2]).toContain('1.39x');
    expect(lines[2]).toMatch(/<= 1\.1x +\| NO +\|$/);
    expect(lines[3]).toMatch(/\| yes +\|$/);
  });

  it('says "not measured" with the reason and prints no figure for it', () => {
    expect(lines[4]).toContain('not measured: not landed');
    expect(lines[4]).not.toMatch(/\d+(\.\d+)?x \|/);
  });

  it('escapes pipes so a case name cannot break the Markdown table', () => {
    expect(table).toContain('where <x> \\| y');
    expect(lines[3]!.split(/(?<!\\)\|/)).toHaveLength(9);
  });

  it('lists row notes under the table', () => {
    expect(lines.at(-1)).toBe('- 5 finders, where <x> | y: a note');
  });
});

describe('renderChart', () => {
  const svg = renderChart('5 finders', [missed, met, absent]);

  it('is a standalone SVG with one labelled entry per row', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('find(id)');
    expect(svg).toContain('not measured: not landed');
  });

  it('colours a missed goal red and a met one green, and escapes text', () => {
    expect(svg).toContain('fill="#c0392b"');
    expect(svg).toContain('fill="#2e8b57"');
    expect(svg).toContain('where &lt;x&gt; | y');
    expect(svg).not.toContain('where <x>');
  });

  it('draws the ratio goal at baseline x goal on the row scale', () => {
    // Row 1: scale max = max(61, 44, 48.4) * 1.05; the goal line sits at 48.4 of it.
    const x = 250 + (48.4 / (61 * 1.05)) * 360;
    expect(svg).toContain(`x1="${x.toFixed(1)}"`);
  });
});

describe('replaceTable (docs/bench.md)', () => {
  it('replaces only what lies between the markers', () => {
    const doc = `intro\n${TABLE_START}\nold table\n${TABLE_END}\noutro\n`;
    const out = replaceTable(doc, '| new |', 'Measured today.');
    expect(out).toBe(`intro\n${TABLE_START}\nMeasured today.\n\n| new |\n${TABLE_END}\noutro\n`);
    expect(replaceTable(out, '| newer |', 'Again.')).toContain(`${TABLE_START}\nAgain.\n\n| newer |\n${TABLE_END}`);
  });

  it('refuses a document without the markers', () => {
    expect(() => replaceTable('no markers', 't', 'h')).toThrow(DocsMarkerError);
  });
});
