/**
 * The reactive flavour of calculations, relation algebra, bulk writes and find-or-create: live values and collections
 * that follow writes, against a real local Zero (the one-shot semantics are tested table by table in
 * __tests__/runtime/relation-algebra.test.ts; both flavours run the same core plans).
 */
import { describe, expect, test } from 'vitest';
import { flushSync } from 'svelte';
import { QueryError } from '../../runtime/index.ts';
import { loadRelation } from '../../runtime/core/reads.ts';
import { ReactiveRelation } from '../../runtime/reactive/index.svelte.ts';
import { ReactiveJob, useZero } from './models.ts';
import { zeroViewCounts } from '../support/zero-views.ts';
import { settle, watch } from './effects.svelte.ts';

const ctx = useZero();

// Seed: j1 'Fix the boiler' active c1 p2 | j2 'Paint the fence' active c2 p1 | j3 'Clean the gutters' done c1 p3 |
//       j4 'Mow the lawn' active c1 p5
describe('live calculations', () => {
  test('sum, average, minimum, maximum and the predicates follow writes', async () => {
    const active = ReactiveJob.active();
    const archived = ReactiveJob.where({ status: 'archived' });
    const values = [
      active.sum('priority'), active.average('priority'), active.minimum('priority'), active.maximum('title'), active.many_p(),
      archived.sum('priority'), archived.average('priority'), archived.maximum('priority'), archived.none_p(), archived.one_p(), archived.any_p(),
    ];
    const { seen, stop } = watch(() => values.map((v) => v.current));
    expect(seen.at(-1)).toEqual([8, 8 / 3, 1, 'Paint the fence', true, 0, null, null, true, false, false]);
    await ReactiveJob.update('j1', { status: 'archived' });
    flushSync();
    expect(seen.at(-1)).toEqual([6, 3, 1, 'Paint the fence', true, 2, 2, 2, false, true, true]);
    stop();
    await settle();
    expect((await zeroViewCounts(ctx.z)).views).toBe(0);
  });

  test('group(...).count and sum are live Maps that follow writes', async () => {
    const byStatus = ReactiveJob.group('status').count();
    const priorities = ReactiveJob.group('client_id').sum('priority');
    const { seen, stop } = watch(() => [[...(byStatus.current ?? [])], [...(priorities.current ?? [])]]);
    expect(seen.at(-1)).toEqual([[['active', 3], ['done', 1]], [['c1', 10], ['c2', 1]]]);
    await ReactiveJob.update('j2', { status: 'done', client_id: 'c1' });
    flushSync();
    expect(seen.at(-1)).toEqual([[['active', 2], ['done', 2]], [['c1', 11]]]);
    stop();
    await settle();
    expect((await zeroViewCounts(ctx.z)).views).toBe(0);
  });

  test('a bad column is the value’s error, not a throw', () => {
    const sum = ReactiveJob.sum('title');
    const { seen, stop } = watch(() => [sum.$status, sum.$error?.message]);
    expect(seen.at(-1)).toEqual(['error', "Job.sum: column 'title' of Job holds strings; sum takes a column of numbers"]);
    expect(sum.$error).toBeInstanceOf(QueryError);
    stop();
  });
});

describe('live relation algebra', () => {
  test('include_p, find_sole_by, invert_where and and follow writes', async () => {
    const j1 = ReactiveJob.find('j1');
    const held = ReactiveJob.active().include_p(j1);
    const sole = ReactiveJob.active().find_sole_by({ client_id: 'c2' });
    const others = ReactiveJob.active().invert_where().and(ReactiveJob.where({ client_id: 'c1' }));
    const { seen, stop } = watch(() => [held.current, sole.id ?? sole.$status, others.map((job) => job.id)]);
    expect(seen.at(-1)).toEqual([true, 'j2', ['j3']]);
    await ReactiveJob.update('j1', { status: 'done' });
    flushSync();
    expect(seen.at(-1)).toEqual([false, 'j2', ['j1', 'j3']]);
    await ReactiveJob.update('j4', { client_id: 'c2' });
    flushSync();
    expect(seen.at(-1)?.[1]).toBe('error');
    expect(sole.$error?.name).toBe('SoleRecordExceededError');
    stop();
  });

  test('in_order_of: the list order and the limit follow writes', async () => {
    const jobs = ReactiveJob.in_order_of('status', ['done', 'active']).limit(2);
    const { seen, stop } = watch(() => jobs.map((job) => job.id));
    expect(seen.at(-1)).toEqual(['j3', 'j1']);
    await ReactiveJob.update('j3', { status: 'archived' });
    flushSync();
    expect(seen.at(-1)).toEqual(['j1', 'j2']);
    stop();
  });

  test('where_missing: a row whose associated row goes away joins the collection', async () => {
    const orphans = ReactiveJob.where_missing('client').order('id');
    const linked = ReactiveJob.where_associated('client').count();
    const { seen, stop } = watch(() => [orphans.map((job) => job.id), linked.current]);
    expect(seen.at(-1)).toEqual([[], 4]);
    await ReactiveJob.update('j2', { client_id: 'gone' });
    flushSync();
    expect(seen.at(-1)).toEqual([['j2'], 3]);
    stop();
  });

  test('rewhere, merge, excluding and unscope chain on the model', () => {
    const { seen, stop } = watch(() => [
      ReactiveJob.active().rewhere({ status: 'done' }).map((j) => j.id),
      ReactiveJob.by_client('c1').merge(ReactiveJob.where({ status: 'done' })).map((j) => j.id),
      ReactiveJob.active().excluding('j1').order('id').map((j) => j.id),
      ReactiveJob.active().unscope('where').count().current,
      ReactiveJob.order('created_at').reverse_order().first().id,
    ]);
    expect(seen.at(-1)).toEqual([['j3'], ['j3'], ['j2', 'j4'], 4, 'j4']);
    stop();
  });
});

describe('writes on a reactive relation', () => {
  test('update_all and delete_all resolve to counts; live readers see the rows change', async () => {
    const titles = ReactiveJob.by_client('c1').order('id').pluck('title');
    const { seen, stop } = watch(() => titles.current);
    expect(await ReactiveJob.by_client('c1').update_all({ title: 'Same' })).toBe(3);
    flushSync();
    expect(seen.at(-1)).toEqual(['Same', 'Same', 'Same']);
    expect(await ReactiveJob.where({ status: 'done' }).delete_all()).toBe(1);
    flushSync();
    expect(seen.at(-1)).toEqual(['Same', 'Same']);
    stop();
  });

  test('in_batches: each batch a reactive relation of its keys; update_all over the batches; each_record walks the records', async () => {
    const sizes: number[] = [];
    await ReactiveJob.in_batches({ of: 3 }).each(async (batch) => {
      expect(batch).toBeInstanceOf(ReactiveRelation);
      sizes.push((await loadRelation(batch)).length);
    });
    expect(sizes).toEqual([3, 1]);
    const titles = ReactiveJob.by_client('c1').order('id').pluck('title');
    const { seen, stop } = watch(() => titles.current);
    expect(await ReactiveJob.by_client('c1').in_batches({ of: 2 }).update_all({ title: 'Batched' })).toBe(3);
    flushSync();
    expect(seen.at(-1)).toEqual(['Batched', 'Batched', 'Batched']);
    stop();
    const walked: unknown[] = [];
    for await (const job of ReactiveJob.in_batches({ of: 2 }).each_record()) walked.push(job.id);
    expect(walked).toEqual(['j1', 'j2', 'j3', 'j4']);
  });

  test('destroy_all resolves to the records as they were; find_each walks in key order', async () => {
    const destroyed = await ReactiveJob.where({ client_id: 'c2' }).destroy_all();
    expect(destroyed.map((job) => [job.id, job.title])).toEqual([['j2', 'Paint the fence']]);
    const walked: unknown[] = [];
    for await (const job of ReactiveJob.find_each({ batch_size: 2 })) walked.push(job.id);
    expect(walked).toEqual(['j1', 'j3', 'j4']);
  });

  test('find_or_create_by resolves to a live handle; created records take the relation’s pinned columns', async () => {
    const found = await ReactiveJob.find_or_create_by({ title: 'Mow the lawn' });
    const created = await ReactiveJob.where({ status: 'done', client_id: 'c2' }).find_or_create_by({ title: 'Sweep' });
    const { seen, stop } = watch(() => [found.id, created.title, created.status, created.client_id]);
    expect(seen.at(-1)).toEqual(['j4', 'Sweep', 'done', 'c2']);
    expect(ReactiveJob.count().current).toBe(5);
    stop();
  });

  test('find_or_initialize_by resolves to an unsaved handle a form binds to; save() inserts it', async () => {
    const before = ReactiveJob.count().current;
    const built = await ReactiveJob.where({ status: 'done' }).find_or_initialize_by({ title: 'Rake' });
    expect([built.new_record_p(), built.title, built.status]).toEqual([true, 'Rake', 'done']);
    expect(ReactiveJob.count().current).toBe(before);
    expect(await built.save()).toBe(true);
    expect(ReactiveJob.count().current).toBe(before! + 1);
    expect([built.persisted_p(), (await ReactiveJob.find_or_initialize_by({ title: 'Rake' })).new_record_p()]).toEqual([true, false]);
  });
});
