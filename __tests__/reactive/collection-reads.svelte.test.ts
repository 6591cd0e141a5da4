/**
 * The migration rewrites `h.current.<member>` to `h.<member>` for the members in the codemod's COLLECTION list, and to
 * `h.toArray().<member>` for any other: each listed member must answer on a live collection exactly as it does on
 * the array the legacy `current` was. A member added to the list without a case here fails.
 */
import { describe, expect, test } from 'vitest';
import { COLLECTION } from '../../codemods/transforms/handle-reads.ts';
import { ReactiveJob, useZero } from './models.ts';
import { watch } from './effects.svelte.ts';

useZero();

type Row = { readonly id: string; readonly title: string; readonly priority: number };
/** What each member is called with; `self` is a record of the collection, for the members that look one up. */
const CASES: Record<string, (self: Row) => readonly unknown[] | 'property'> = {
  length: () => 'property',
  map: () => [(job: Row, i: number) => `${i}:${job.title}`],
  filter: () => [(job: Row) => job.priority > 1],
  find: () => [(job: Row) => job.priority === 1],
  some: () => [(job: Row) => job.title.startsWith('Paint')],
  every: () => [(job: Row) => job.priority > 0],
  forEach: () => [],
  slice: () => [1, -1],
  reduce: () => [(sum: number, job: Row) => sum + job.priority, 0],
  indexOf: (self) => [self],
  toArray: () => [],
  at: () => [-1],
};

describe('collection members the migration reads without toArray()', () => {
  test('every listed member has a case', () => {
    expect([...COLLECTION].sort()).toEqual(Object.keys(CASES).sort());
  });

  test.each([...COLLECTION])('%s answers as the legacy array did', (name) => {
    const jobs = ReactiveJob.order('created_at');
    const { seen, stop } = watch(() => {
      const array = jobs.toArray() as unknown as Row[];
      const args = CASES[name]!(array[1]!);
      if (args === 'property') return [(jobs as unknown as Record<string, unknown>)[name], (array as unknown as Record<string, unknown>)[name]];
      if (name === 'forEach') {
        const visited: [unknown[], unknown[]] = [[], []];
        jobs.forEach((job, i) => visited[0].push([job, i]));
        array.forEach((job, i) => visited[1].push([job, i]));
        return visited;
      }
      if (name === 'toArray') return [Array.isArray(jobs.toArray()) && jobs.toArray() !== jobs.toArray(), true];
      const call = (on: unknown) => (on as Record<string, (...a: unknown[]) => unknown>)[name]!(...args);
      return [call(jobs), call(array)];
    });
    stop();
    const [ours, legacy] = seen.at(-1)!;
    expect(ours).toEqual(legacy);
    // Something to compare: the seeded rows are there.
    expect(jobs.toArray().length).toBeGreaterThan(2);
  });

  test('includes is not among them: on a relation it is eager loading, so the migration reads it through toArray()', () => {
    expect(COLLECTION.has('includes')).toBe(false);
    const jobs = ReactiveJob.order('created_at');
    const { seen, stop } = watch(() => {
      const row = { ...jobs.toArray()[0]!.toJSON() };
      let onRelation: unknown;
      try {
        onRelation = (jobs as unknown as { includes(x: unknown): unknown }).includes(row);
      } catch (error) {
        onRelation = error;
      }
      return [typeof onRelation, jobs.toArray().includes(jobs.toArray()[0]!)];
    });
    stop();
    // The legacy `current.includes(row)` answered a boolean; the relation's includes does not.
    expect(seen.at(-1)![0]).not.toBe('boolean');
    expect(seen.at(-1)![1]).toBe(true);
  });
});
