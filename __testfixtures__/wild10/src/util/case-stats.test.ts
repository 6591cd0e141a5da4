import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReactiveQuery } from '@/data/reactive-query.svelte';
import type { Case } from '#data';
import { averageTurnaround, summarize } from './case-stats.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 2, 10, 12);

function makeCase(overrides: Partial<Case>): Case {
  return {
    id: crypto.randomUUID(),
    case_number: 'CW-1000',
    practice_id: 'p1',
    technician_id: null,
    patient_ref: 'PT-1',
    status: 'design',
    rush: false,
    shade: 'A2',
    due_at: NOW + DAY,
    received_at: NOW - 3 * DAY,
    created_at: NOW - 3 * DAY,
    updated_at: NOW,
    ...overrides,
  };
}

/** Stands in for a Zero query: materialize() returns a static view. */
function fakeQuery(rows: Case[]) {
  const destroy = vi.fn();
  return {
    destroy,
    query: {
      materialize: () => ({ data: rows, addListener: () => () => {}, destroy }),
    } as never,
  };
}

const rows = [
  makeCase({ rush: true }),
  makeCase({ due_at: NOW - DAY }),
  makeCase({ status: 'shipped', due_at: NOW - 2 * DAY, updated_at: NOW - DAY }),
];

afterEach(() => {
  vi.useRealTimers();
});

describe('summarize', () => {
  it('counts total, rush and overdue from query.current', () => {
    const fake = fakeQuery(rows);
    const query = new ReactiveQuery<Case>(() => fake.query, [], '1m');

    expect(query.current).toHaveLength(3);
    expect(summarize(query, NOW)).toEqual({ total: 3, rush: 1, overdue: 1 });

    query.destroy();
    expect(fake.destroy).toHaveBeenCalledOnce();
  });

  it('retries until Zero is ready', () => {
    vi.useFakeTimers();
    let ready = false;
    const fake = fakeQuery(rows);
    const query = new ReactiveQuery<Case>(() => (ready ? fake.query : null), [], '1m');

    expect(query.isLoading).toBe(true);
    expect(query.data).toEqual([]);

    ready = true;
    vi.advanceTimersByTime(150);

    expect(query.loading).toBe(false);
    expect(query.data).toHaveLength(3);
    query.destroy();
  });

  it('subscribe() calls back immediately with meta', () => {
    const query = new ReactiveQuery<Case>(() => fakeQuery(rows).query, [], '1m');
    const seen: number[] = [];
    const stop = query.subscribe((data, { isLoading }) => {
      if (!isLoading) seen.push(data.length);
    });
    expect(seen).toEqual([3]);
    stop();
    query.destroy();
  });
});

describe('averageTurnaround', () => {
  it('averages shipped cases only', () => {
    expect(averageTurnaround(rows)).toBeCloseTo(2);
  });
});
