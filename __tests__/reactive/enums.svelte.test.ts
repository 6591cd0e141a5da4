/**
 * Rails' `enum` on reactive models, with real runes over a real local Zero: the same mapping, scopes and methods as
 * ActiveRecord (__tests__/runtime/enums.test.ts), live: a scope's collection and a handle's `<label>_p()` re-run the
 * effects that read them when the column changes, and a handle refuses a value the enum does not have on assignment.
 */
import { describe, expect, expectTypeOf, test } from 'vitest';
import { QueryError, defineModel } from '../../runtime/index.ts';
import { ReactiveRecord } from '../../runtime/reactive/index.svelte.ts';
import { schema } from '../support/zero.ts';
import { useZero, zero } from './models.ts';
import { watch } from './effects.svelte.ts';
import { waitUntil } from '../support/wait.ts';

useZero();

const Job = ReactiveRecord.createModel(
  defineModel({ schema, table: 'jobs', zero, enums: { priority: { values: { low: 1, normal: 3, high: 5 }, suffix: 'priority' } } }),
);

describe('reactive enums', () => {
  test('the mapping and a live scope: the collection follows a _bang on a handle', async () => {
    expect(Job.priorities).toEqual({ low: 1, normal: 3, high: 5 });
    const high = Job.high_priority();
    const view = watch(() => high.map((job) => job.id));
    await waitUntil('the high-priority job', () => view.last().length === 1);
    expect(view.last()).toEqual(['j4']);
    const job = Job.find('j1');
    const predicate = watch(() => job.high_priority_p());
    await waitUntil('the job to load', () => job.$found);
    expect(predicate.last()).toBe(false);
    expect(await job.high_priority_bang()).toBe(true);
    await waitUntil('the bang to reach the scope', () => view.last().length === 2);
    expect([view.last().sort(), predicate.last(), job.priority]).toEqual([['j1', 'j4'], true, 5]);
    const flags = watch(() => Job.order('id').map((job) => job.high_priority_p()));
    await waitUntil('the collection records', () => flags.last().length === 4);
    const others = watch(() => Job.not_high_priority().map((job) => job.id));
    await waitUntil('the not_ scope', () => others.last().length === 2);
    expect(others.last().sort()).toEqual(['j2', 'j3']);
    expect(flags.last()).toEqual([true, false, false, true]); // j1 (made high above), j2, j3, j4
    await Job.find('j4').update({ priority: 3 });
    await waitUntil('a collection record read through its predicate to follow its row', () => expect(flags.last()).toEqual([true, false, false, false]));
    for (const effect of [view, predicate, others, flags]) effect.stop();
  });

  test('a handle takes a label for its value, and refuses a value the enum does not have', async () => {
    const job = Job.find('j2');
    await waitUntil('the job to load', () => job.$found);
    job.priority = 'normal' as never;
    expect([job.priority, job.normal_priority_p(), job.changes()]).toEqual([3, true, { priority: [1, 3] }]);
    expect(() => (job.priority = 'urgent' as never)).toThrow(new QueryError("'urgent' is not a valid priority"));
    expect(job.priority).toBe(3);
    expect(() => Job.new({ title: 'x', priority: 4 as never })).toThrow(new QueryError("'4' is not a valid priority"));
    // The model's own new / create hand out handles with the enum methods, typed.
    const fresh = Job.new({ title: 'x', priority: 5 });
    expectTypeOf(fresh.high_priority_p).returns.toEqualTypeOf<boolean>();
    expect(fresh.high_priority_p()).toBe(true);
  });
});
