import { describe, expect, it } from 'vitest';
import { foldProcesses, ProcessFoldError } from '../../bench/harness/processes.ts';
import { measuredRow, notMeasuredRow } from '../../bench/harness/rows.ts';
import { turnOrder } from '../../bench/harness/sample.ts';
import type { GroupResult, Measure } from '../../bench/harness/types.ts';

const us = (value: number, label: string): Measure => ({ label, value, unit: 'CPU us/op', samples: 201 });
const goal = { kind: 'ratio', max: 1.1 } as const;

/** One process's result: ours and the listener at the given figures, the row's ratio as the process measured it. */
function processResult(ours: number, listener: number, paired: number): GroupResult {
  return {
    group: '4 reactive update',
    rows: [
      measuredRow('4 reactive update', 'one row changed of 10,000', us(ours, 'ours'), us(listener, 'listener'), goal, 'CPU time', paired),
      notMeasuredRow('4 reactive update', 'not here', goal, 'not landed'),
    ],
  };
}

describe('foldProcesses (a group measured in several processes)', () => {
  it('judges the median of the processes\' ratios, not one draw, and says how far they spread', () => {
    const [row] = foldProcesses([processResult(900, 700, 1.3), processResult(800, 740, 1.05), processResult(820, 720, 1.08)]).rows;
    expect(row!.ratio).toBe(1.08);
    expect(row!.met).toBe(true);
    expect(row!.subject).toEqual({ label: 'ours', value: 820, unit: 'CPU us/op', samples: 603 });
    expect(row!.baseline!.value).toBe(720);
    expect(row!.note).toBe('CPU time; median of 3 processes (1.05x to 1.30x)');
  });

  it('gives the verdict of the median: two of three processes past the goal fail it', () => {
    const [row] = foldProcesses([processResult(900, 700, 1.3), processResult(800, 740, 1.12), processResult(820, 720, 1.05)]).rows;
    expect(row!.ratio).toBe(1.12);
    expect(row!.met).toBe(false);
  });

  it('folds a row judged on its own figure (an absolute goal, no ratio) to the median figure', () => {
    const bytes = (value: number): GroupResult => ({
      group: '3 ReactiveRecord memory',
      rows: [measuredRow('3 ReactiveRecord memory', 'overhead per record', { label: 'record', value, unit: 'B/record', samples: 5 }, null, { kind: 'absolute', max: 64, unit: 'B/record' })],
    });
    const [row] = foldProcesses([bytes(70), bytes(45.3), bytes(40.9)]).rows;
    expect(row!.ratio).toBeNull();
    expect(row!.subject!.value).toBe(45.3);
    expect(row!.met).toBe(true);
    expect(row!.note).toBe('median of 3 processes (40.9 to 70 B/record)');
  });

  it('keeps a row nothing measured as it is', () => {
    const rows = foldProcesses([processResult(1, 1, 1), processResult(1, 1, 1)]).rows;
    expect(rows[1]).toEqual(notMeasuredRow('4 reactive update', 'not here', goal, 'not landed'));
  });

  it('returns a single process\'s result unchanged', () => {
    const only = processResult(900, 700, 1.3);
    expect(foldProcesses([only])).toBe(only);
  });

  it('refuses processes that measured different rows, and no processes at all', () => {
    const other: GroupResult = { group: '4 reactive update', rows: [] };
    expect(() => foldProcesses([processResult(1, 1, 1), other])).toThrow(ProcessFoldError);
    expect(() => foldProcesses([processResult(1, 1, 1), other])).toThrow(/row 'one row changed of 10,000' is missing/);
    expect(() => foldProcesses([])).toThrow(/run the group at least once/);
  });
});

describe('turnOrder (which side goes first, in a round or a process)', () => {
  it('over 2n turns, puts every side first and last equally often, and as often before a neighbour as after it', () => {
    const n = 4;
    const first = new Map<number, number>();
    const last = new Map<number, number>();
    const before = new Map<string, number>();
    for (let turn = 0; turn < 2 * n; turn++) {
      const order = turnOrder(n, turn);
      expect([...order].sort()).toEqual([0, 1, 2, 3]);
      first.set(order[0]!, (first.get(order[0]!) ?? 0) + 1);
      last.set(order.at(-1)!, (last.get(order.at(-1)!) ?? 0) + 1);
      for (let i = 1; i < n; i++) before.set(`${order[i - 1]}>${order[i]}`, (before.get(`${order[i - 1]}>${order[i]}`) ?? 0) + 1);
    }
    expect([...first.values()]).toEqual([2, 2, 2, 2]);
    expect([...last.values()]).toEqual([2, 2, 2, 2]);
    for (let a = 0; a < n; a++) {
      const b = (a + 1) % n;
      expect(before.get(`${a}>${b}`)).toBe(3);
      expect(before.get(`${b}>${a}`)).toBe(3);
    }
  });

  it('starts from the given order', () => {
    expect(turnOrder(4, 0)).toEqual([0, 1, 2, 3]);
    expect(turnOrder(4, 1)).toEqual([1, 2, 3, 0]);
    expect(turnOrder(4, 4)).toEqual([3, 2, 1, 0]);
  });
});
