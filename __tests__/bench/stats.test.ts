import { describe, expect, it } from 'vitest';
import { BenchMathError, CHECK_MARGIN, checkVerdict, median, meetsGoal, pairedRatio, ratio } from '../../bench/harness/stats.ts';
import { measuredRow, notMeasuredRow } from '../../bench/harness/rows.ts';
import type { Measure } from '../../bench/harness/types.ts';

const ns = (value: number, label = 'x'): Measure => ({ label, value, unit: 'ns/op', samples: 5 });

describe('pairedRatio', () => {
  it('is the median of the per-pair ratios', () => {
    expect(pairedRatio([110, 220, 330], [100, 200, 100])).toBeCloseTo(1.1);
  });

  it('is not moved by a load burst over a few pairs, where a ratio of medians is', () => {
    // A burst slowed both sides of pairs 4 and 5 (9x) and the baseline of pair 3; the subject costs 1.1x in every pair it spared.
    const subject = [110, 110, 110, 990, 990];
    const baseline = [100, 100, 900, 900, 900];
    expect(ratio(median(subject), median(baseline))).toBeCloseTo(0.122, 3);
    expect(pairedRatio(subject, baseline)).toBeCloseTo(1.1);
  });

  it('refuses samples not taken in pairs', () => {
    expect(() => pairedRatio([1, 2], [1])).toThrow(/take the samples in pairs/);
  });

  it('is null when no pair has a positive baseline', () => {
    expect(pairedRatio([1], [0])).toBeNull();
  });
});

describe('median', () => {
  it('takes the middle sample of an odd count, whatever the order', () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([3])).toBe(3);
  });

  it('averages the middle two of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('is not moved by one outlier (a GC pause)', () => {
    expect(median([10, 11, 10, 12, 5000])).toBe(11);
  });

  it('leaves the samples it was given in their order', () => {
    const samples = [3, 1, 2];
    median(samples);
    expect(samples).toEqual([3, 1, 2]);
  });

  it('refuses an empty sample set with a message saying what to do', () => {
    expect(() => median([])).toThrow(BenchMathError);
    expect(() => median([])).toThrow(/take at least one sample/);
  });
});

describe('ratio', () => {
  it('is subject over baseline', () => {
    expect(ratio(11, 10)).toBeCloseTo(1.1);
    expect(ratio(5, 10)).toBe(0.5);
  });

  it('is null against a zero, negative or non-finite baseline', () => {
    expect(ratio(1, 0)).toBeNull();
    expect(ratio(1, -3)).toBeNull();
    expect(ratio(Number.NaN, 1)).toBeNull();
    expect(ratio(1, Number.POSITIVE_INFINITY)).toBeNull();
  });
});

describe('meetsGoal', () => {
  it('judges ratio goals on the ratio, inclusive of the bound', () => {
    expect(meetsGoal({ ratio: 1.1, subject: ns(1) }, { kind: 'ratio', max: 1.1 })).toBe(true);
    expect(meetsGoal({ ratio: 1.11, subject: ns(1) }, { kind: 'ratio', max: 1.1 })).toBe(false);
  });

  it('judges absolute goals on the subject figure, not the ratio', () => {
    const row = { ratio: 0.5, subject: { ...ns(250), unit: 'KB' as const } };
    expect(meetsGoal(row, { kind: 'absolute', max: 200, unit: 'KB' })).toBe(false);
    expect(meetsGoal({ ...row, ratio: 9 }, { kind: 'absolute', max: 300, unit: 'KB' })).toBe(true);
  });

  it('has no verdict without a goal or without a figure', () => {
    expect(meetsGoal({ ratio: 2, subject: ns(1) }, { kind: 'none' })).toBeNull();
    expect(meetsGoal({ ratio: null, subject: ns(1) }, { kind: 'ratio', max: 1.1 })).toBeNull();
  });
});

describe('measuredRow / notMeasuredRow', () => {
  it('computes the ratio and the verdict once, from the medians', () => {
    const row = measuredRow('g', 'case', ns(12, 'subject'), ns(10, 'baseline'), { kind: 'ratio', max: 1.1 });
    expect(row.ratio).toBeCloseTo(1.2);
    expect(row.met).toBe(false);
  });

  it('never carries a figure for something not measured', () => {
    const row = notMeasuredRow('g', 'case', { kind: 'ratio', max: 1.2 }, 'ReactiveRecord has not landed');
    expect(row).toMatchObject({ subject: null, baseline: null, ratio: null, met: null, notMeasured: 'ReactiveRecord has not landed' });
  });
});

describe('checkVerdict (bench:check)', () => {
  const goal = { kind: 'ratio', max: 1.1 } as const;

  it('passes a ratio that misses the goal but stays within the margin', () => {
    expect(checkVerdict({ ratio: 2.5, goal, notMeasured: undefined }).status).toBe('pass');
    expect(checkVerdict({ ratio: 1.1 * CHECK_MARGIN, goal }).status).toBe('pass');
  });

  it('fails a ratio past margin x goal and says by how much', () => {
    const verdict = checkVerdict({ ratio: 3.5, goal });
    expect(verdict.status).toBe('fail');
    expect(verdict.reason).toMatch(/3\.50x is past 3\.30x \(3x the 1\.1x goal\)/);
  });

  it('honours a custom margin', () => {
    expect(checkVerdict({ ratio: 1.5, goal }, 1.2).status).toBe('fail');
  });

  it('never fails on absolute figures, however large', () => {
    expect(checkVerdict({ ratio: 100, goal: { kind: 'absolute', max: 1000, unit: 'ms' } }).status).toBe('skip');
    expect(checkVerdict({ ratio: 100, goal: { kind: 'none' } }).status).toBe('skip');
  });

  it('skips what was not measured instead of failing or passing it', () => {
    const verdict = checkVerdict({ ratio: null, goal, notMeasured: 'no subject' });
    expect(verdict).toEqual({ status: 'skip', reason: 'not measured: no subject' });
  });
});
