import { describe, expect, expectTypeOf, test } from 'vitest';
import { flushSync } from 'svelte';
import { defineQueries, defineQuery } from '@rocicorp/zero';
import { RecordNotFoundError, defineModel } from '../../runtime/index.ts';
import { buildRelationQuery, type RelationSpec } from '../../runtime/core/relation-spec.ts';
import { ReactiveRecord } from '../../runtime/reactive/index.svelte.ts';
import { zeroViewCounts } from '../support/zero-views.ts';
import { ReactiveJob, jobConfig, setZero, useZero } from './models.ts';
import { localZero, schema } from '../support/zero.ts';
import { waitUntil } from '../support/wait.ts';
import { settle, watch } from './effects.svelte.ts';

const ctx = useZero();

describe('record handles', () => {
  test('find(id) is a live record: columns follow writes, the view goes with the last reader', async () => {
    const job = ReactiveJob.find('j1');
    const { seen, stop } = watch(() => `${job.title} (${job.$status})`);
    expect(seen).toEqual(['Fix the boiler (ready)']);
    expect((await zeroViewCounts(ctx.z)).views).toBe(1);

    // The assigned value shows at once, then stays through the save and Zero's new row (the effect may run for each).
    expect(await job.update({ title: 'Fix the heater' })).toBe(true);
    flushSync();
    expect([...new Set(seen)]).toEqual(['Fix the boiler (ready)', 'Fix the heater (ready)']);
    expect(job.$found).toBe(true);
    expect(job.$record).toBe(job);

    stop();
    await settle();
    const counts = await zeroViewCounts(ctx.z);
    expect(counts.views).toBe(0);
    expect(counts.totalConnections).toBe(0);
  });

  test('reads through $derived keep the view and update', async () => {
    const job = ReactiveJob.find('j1');
    const seen: string[] = [];
    const stop = $effect.root(() => {
      const shout = $derived(String(job.title).toUpperCase());
      $effect(() => {
        seen.push(shout);
      });
    });
    flushSync();
    expect((await zeroViewCounts(ctx.z)).views).toBe(1);
    await ReactiveJob.update('j1', { title: 'Fix the pump' });
    flushSync();
    expect(seen).toEqual(['FIX THE BOILER', 'FIX THE PUMP']);
    stop();
    await settle();
    expect((await zeroViewCounts(ctx.z)).views).toBe(0);
  });

  test('find of a missing id ends not-found with a RecordNotFoundError; find_by ends blank without error', () => {
    const missing = ReactiveJob.find('nope');
    const blank = ReactiveJob.find_by({ title: 'Nothing like this' });
    const { seen, stop } = watch(() => [missing.$status, missing.$found, blank.$status, blank.$found, blank.$error, blank.title]);
    expect(seen.at(-1)).toEqual(['not-found', false, 'ready', false, null, undefined]);
    expect(missing.$error).toBeInstanceOf(RecordNotFoundError);
    expect(missing.$error?.message).toBe(`Couldn't find Job with 'id'="nope"`);
    expect(missing.$record).toBeNull();
    expect(missing.title).toBeUndefined();
    stop();
  });

  test('a handle turns from not-found to found when the row appears', async () => {
    const job = ReactiveJob.find('j9');
    const { seen, stop } = watch(() => job.$status);
    await ReactiveJob.create({ id: 'j9', title: 'New one' });
    flushSync();
    expect(seen).toEqual(['not-found', 'ready']);
    expect(job.title).toBe('New one');
    stop();
  });

  test('loading until the app has a Zero client, then ready', async () => {
    const z = ctx.z;
    setZero(undefined);
    const job = ReactiveJob.find('j1');
    const { seen, stop } = watch(() => [job.$status, job.$loading, job.title]);
    expect(seen).toEqual([['loading', true, undefined]]);
    setZero(z);
    // The runtime notices the new client on its next poll for Zero.
    await waitUntil('the record to become ready once Zero exists', () => {
      flushSync();
      expect(seen.at(-1)).toEqual(['ready', false, 'Fix the boiler']);
    });
    stop();
  });

  test('a closed Zero client ends in the error state', async () => {
    await ctx.z.close();
    const job = ReactiveJob.find('j1');
    const { seen, stop } = watch(() => [job.$status, job.$error?.name]);
    expect(seen).toEqual([['error', 'ConnectionError']]);
    stop();
  });

  test('first / last / sole / find_by_bang answer as in Rails', () => {
    const first = ReactiveJob.first();
    const last = ReactiveJob.newest().last();
    const sole = ReactiveJob.where({ status: 'done' }).sole();
    const tooMany = ReactiveJob.active().sole();
    const bang = ReactiveJob.find_by_bang({ title: 'nope' });
    const { seen, stop } = watch(() => [first.id, last.id, sole.id, tooMany.$status, bang.$status]);
    expect(seen.at(-1)).toEqual(['j1', 'j1', 'j3', 'error', 'not-found']);
    expect(tooMany.$error?.name).toBe('SoleRecordExceededError');
    stop();
  });

  test('the ordinal finders (second ... third_to_last) follow writes; a _bang form ends not-found', async () => {
    const second = ReactiveJob.active().second();
    const secondToLast = ReactiveJob.second_to_last();
    const third = ReactiveJob.active().third_bang();
    const { seen, stop } = watch(() => [second.id, secondToLast.id, third.id ?? third.$status]);
    expect(seen.at(-1)).toEqual(['j2', 'j3', 'j4']);
    await ReactiveJob.update('j2', { status: 'done' });
    flushSync();
    expect(seen.at(-1)).toEqual(['j4', 'j3', 'not-found']);
    expect(third.$error?.message).toBe("Couldn't find Job");
    stop();
  });

  test('a rejected argument ends in the error state instead of throwing', () => {
    const job = ReactiveJob.find(undefined);
    expect(job.$status).toBe('not-found');
    expect(job.$error?.message).toBe("Couldn't find Job without an ID");
  });
});

describe('collections', () => {
  test('iterating a collection: for-of, spread and Array.from see its records; an iterator keeps the records it started on', async () => {
    const jobs = ReactiveJob.where({ status: 'active' }).order('created_at');
    const { seen, stop } = watch(() => jobs.length);
    expect(seen).toEqual([3]);
    const records = jobs.toArray();
    const looped = [];
    for (const job of jobs) looped.push(job);
    expect(looped).toEqual(records);
    expect(looped[0]).toBe(records[0]);
    expect([...jobs]).toEqual(records);
    expect(Array.from(jobs, (job) => job.id)).toEqual(['j1', 'j2', 'j4']);

    const started = jobs[Symbol.iterator]();
    expect(started[Symbol.iterator]()).toBe(started);
    expect(started.next()).toEqual({ value: records[0], done: false });
    await ReactiveJob.destroy('j2');
    flushSync();
    expect(seen.at(-1)).toBe(2);
    // The started iteration finishes over the records it began with; a new one sees the change.
    expect(started.next().value).toBe(records[1]);
    expect(started.next().value).toBe(records[2]);
    expect(started.next()).toEqual({ value: undefined, done: true });
    expect(started.next()).toEqual({ value: undefined, done: true });
    expect([...jobs].map((job) => job.id)).toEqual(['j1', 'j4']);

    // One iterator serves every collection, so it runs on the collection it is called on; passed on detached it says
    // so (other methods stay bound: they may be passed on as callbacks).
    const other = ReactiveJob.where({ status: 'done' });
    expect([...other].length).toBeGreaterThan(0);
    expect(jobs[Symbol.iterator]).toBe(other[Symbol.iterator]);
    expect(() => [...{ [Symbol.iterator]: jobs[Symbol.iterator] }]).toThrow(new TypeError("a collection's iterator runs on its collection (for...of, spread, {#each}); to pass it on, pass () => collection[Symbol.iterator]()"));
    const { map } = jobs;
    expect(map((job) => job.id)).toEqual(['j1', 'j4']);
    stop();
  });

  test('where(...) is a live array-like collection', async () => {
    const jobs = ReactiveJob.where({ status: 'active' }).order('created_at');
    const { seen, stop } = watch(() => jobs.map((job) => job.title).join(', '));
    expect(seen).toEqual(['Fix the boiler, Paint the fence, Mow the lawn']);
    expect(jobs.length).toBe(3);
    expect(jobs.at(-1)?.id).toBe('j4');
    expect(jobs[1]?.id).toBe('j2');
    expect(jobs[3]).toBeUndefined();
    expect(jobs.find((job) => job.priority === 1)?.id).toBe('j2');
    expect(jobs.some((job) => job.id === 'j3')).toBe(false);
    expect([...jobs].map((job) => job.id)).toEqual(['j1', 'j2', 'j4']);
    expect(jobs.includes(jobs.at(0)!)).toBe(true);
    expect(jobs.$status).toBe('ready');

    await ReactiveJob.update('j3', { status: 'active' });
    flushSync();
    expect(seen.at(-1)).toBe('Fix the boiler, Paint the fence, Clean the gutters, Mow the lawn');
    await ReactiveJob.destroy('j1');
    flushSync();
    expect(seen.at(-1)).toBe('Paint the fence, Clean the gutters, Mow the lawn');
    stop();
  });

  test('scope chains: active().by_client(id).newest().limit(n)', async () => {
    const jobs = ReactiveJob.active().by_client('c1').newest().limit(1);
    const { seen, stop } = watch(() => jobs.map((job) => job.id));
    expect(seen).toEqual([['j4']]);
    await ReactiveJob.update('j4', { status: 'done' });
    flushSync();
    expect(seen.at(-1)).toEqual(['j1']);
    stop();
  });

  test('an unchanged row keeps its record object; a changed row gets a new one', async () => {
    const jobs = ReactiveJob.all().order('id');
    const { stop } = watch(() => jobs.length);
    const [j1, j2] = [jobs.at(0), jobs.at(1)];
    await ReactiveJob.update('j2', { title: 'Paint the gate' });
    flushSync();
    expect(jobs.at(0)).toBe(j1);
    expect(jobs.at(1)).not.toBe(j2);
    expect(jobs.at(1)?.title).toBe('Paint the gate');
    stop();
  });

  test('inserts, deletes and edits in one transaction keep the records of every other row', async () => {
    const jobs = ReactiveJob.all().order('id');
    const { stop } = watch(() => jobs.length);
    const before = new Map(jobs.map((job) => [job.id, job]));
    await ReactiveJob.create({ id: 'j25', title: 'Sweep the yard', status: 'active', client_id: 'c1', created_at: 9, priority: 1 });
    await ReactiveJob.destroy('j3');
    await ReactiveJob.update('j4', { title: 'Oil the hinges' });
    flushSync();
    expect(jobs.map((job) => job.id)).toEqual(['j1', 'j2', 'j25', 'j4']);
    expect(jobs.at(0)).toBe(before.get('j1'));
    expect(jobs.at(1)).toBe(before.get('j2'));
    expect(jobs.at(3)).not.toBe(before.get('j4'));
    expect(jobs.at(3)?.title).toBe('Oil the hinges');
    stop();
  });

  test('a change re-runs only the effects that read that collection or record', async () => {
    const active = ReactiveJob.active();
    const done = ReactiveJob.where({ status: 'done' });
    const j2 = ReactiveJob.find('j2');
    const a = watch(() => active.length);
    const d = watch(() => done.map((job) => job.title));
    const r = watch(() => j2.title);
    await ReactiveJob.update('j3', { title: 'Clean the roof' });
    flushSync();
    expect(d.seen).toEqual([['Clean the gutters'], ['Clean the roof']]);
    expect(a.seen).toEqual([3]);
    expect(r.seen).toEqual(['Paint the fence']);
    for (const w of [a, d, r]) w.stop();
  });

  test('find([a, b]) is all-or-nothing; first(n) / last(n) keep Rails order', () => {
    const both = ReactiveJob.find(['j2', 'j1']);
    const missing = ReactiveJob.find(['j1', 'nope']);
    const last2 = ReactiveJob.last(2);
    const { seen, stop } = watch(() => [both.map((j) => j.id), missing.$status, last2.map((j) => j.id)]);
    expect(seen.at(-1)).toEqual([['j2', 'j1'], 'error', ['j3', 'j4']]);
    expect(missing.$error).toBeInstanceOf(RecordNotFoundError);
    stop();
  });

  test('count / exists / pluck / ids are live values', async () => {
    const count = ReactiveJob.active().count();
    const exists = ReactiveJob.where({ status: 'archived' }).exists_p();
    const titles = ReactiveJob.by_client('c2').pluck('title');
    const { seen, stop } = watch(() => [count.current, exists.current, titles.current]);
    expect(seen.at(-1)).toEqual([3, false, ['Paint the fence']]);
    await ReactiveJob.update('j1', { status: 'archived' });
    flushSync();
    expect(seen.at(-1)).toEqual([2, true, ['Paint the fence']]);
    stop();
  });

  test('associations from includes are reactive records of the associated model, typed as loaded', async () => {
    const job = ReactiveJob.includes('client', 'tasks').find('j1');
    // Typed by what includes loaded: the record or null, and an array (no handle, no live collection).
    expectTypeOf<typeof job.client>().extract<{ $found: boolean }>().toBeNever();
    expectTypeOf(job.tasks).toMatchTypeOf<readonly unknown[]>();
    const { seen, stop } = watch(() => `${job.title} for ${job.client?.name} (${job.tasks?.length} tasks)`);
    expect(seen).toEqual(['Fix the boiler for Acme (0 tasks)']);
    await ReactiveJob.update('j1', { client_id: 'c2' });
    flushSync();
    expect(seen.at(-1)).toBe('Fix the boiler for Globex (0 tasks)');
    stop();
    const unloaded = ReactiveJob.includes('client').unscope('includes').find('j1');
    // Not loaded: a live handle is among what it may be.
    expectTypeOf<typeof unloaded.client>().extract<{ $found: boolean }>().not.toBeNever();
    const scoped = ReactiveJob.includes('tasks').active().newest();
    expectTypeOf(scoped.toArray()[0]!.tasks).toMatchTypeOf<readonly unknown[]>();
  });

  test('a loaded association with no row is null; a handle with no row yet reads none', async () => {
    await ReactiveJob.update('j4', { client_id: null });
    const orphan = ReactiveJob.includes('client', 'tasks').find('j4');
    const { seen, stop } = watch(() => [orphan.$status, orphan.client, orphan.tasks?.length]);
    expect(seen.at(-1)).toEqual(['ready', null, 0]);
    stop();
    // Not found: no row to read associations from, loaded or not.
    const missing = ReactiveJob.includes('tasks').find_by({ title: 'No such job' });
    const unloaded = ReactiveJob.find_by({ title: 'No such job' });
    const seenMissing = watch(() => [missing.$found, missing.tasks.length, unloaded.client, unloaded.tasks.length]);
    expect(seenMissing.seen.at(-1)).toEqual([false, 0, null, 0]);
    seenMissing.stop();
  });
});

describe('lifecycle', () => {
  test('identical queries share one Zero view; it goes with the last reader', async () => {
    const a = ReactiveJob.find('j1');
    const b = ReactiveJob.find('j1');
    // The same row through a relation (find reads by key alone): still the same view.
    const c = ReactiveJob.find_by({ id: 'j1' });
    const first = watch(() => a.title);
    const second = watch(() => b.title);
    const third = watch(() => c.title);
    expect(third.seen).toEqual(['Fix the boiler']);
    expect((await zeroViewCounts(ctx.z)).views).toBe(1);
    first.stop();
    third.stop();
    await settle();
    expect((await zeroViewCounts(ctx.z)).views).toBe(1);
    second.stop();
    await settle();
    expect((await zeroViewCounts(ctx.z)).views).toBe(0);
  });

  test('reading outside an effect gives the local data and keeps no view', async () => {
    const job = ReactiveJob.find('j2');
    const jobs = ReactiveJob.active();
    expect(job.title).toBe('Paint the fence');
    expect(jobs.length).toBe(3);
    const counts = await zeroViewCounts(ctx.z);
    expect(counts.views).toBe(0);
    expect(counts.totalConnections).toBe(0);
  });

  test('$destroy() releases the view early', async () => {
    const jobs = ReactiveJob.active();
    const { stop } = watch(() => jobs.length);
    expect((await zeroViewCounts(ctx.z)).views).toBe(1);
    jobs.$destroy();
    expect((await zeroViewCounts(ctx.z)).views).toBe(0);
    expect(jobs.length).toBe(3); // still answers, from snapshots
    stop();
    await settle();
    expect((await zeroViewCounts(ctx.z)).views).toBe(0);
  });

  test('100+ records on one subscriber: one view, one connection per table', async () => {
    for (let i = 0; i < 150; i++) await ReactiveJob.upsert({ id: `bulk-${String(i).padStart(3, '0')}`, title: `Job ${i}`, status: 'bulk' });
    const jobs = ReactiveJob.where({ status: 'bulk' }).order('id');
    const { seen, stop } = watch(() => jobs.map((job) => job.title).length);
    expect(seen).toEqual([150]);
    const counts = await zeroViewCounts(ctx.z);
    expect(counts.views).toBe(1);
    expect(counts.connections.jobs).toBe(1);
    stop();
  });
});

describe('state never collides with columns', () => {
  test('columns named error, loading and data stay columns', async () => {
    const { createSchema, string, table, Zero } = await import('@rocicorp/zero');
    const { recordMutators, defineModel } = await import('../../runtime/index.ts');
    const { ReactiveRecord } = await import('../../runtime/reactive/index.svelte.ts');
    const reports = table('reports').columns({ id: string(), error: string(), loading: string(), data: string(), status: string() }).primaryKey('id');
    const s = createSchema({ tables: [reports] });
    const z = new Zero({ userID: 't', cacheURL: null, kvStore: 'mem', schema: s, mutators: recordMutators, logLevel: 'error' });
    const Report = ReactiveRecord.createModel(defineModel({ schema: s, table: 'reports', zero: z }));
    await Report.create({ id: 'r1', error: 'E', loading: 'L', data: 'D', status: 'S' });
    const report = Report.find('r1');
    expect([report.error, report.loading, report.data, report.status]).toEqual(['E', 'L', 'D', 'S']);
    expect([report.$error, report.$loading, report.$status]).toEqual([null, false, 'ready']);
    const list = Report.all();
    expect(list.at(0)?.error).toBe('E');
    expect(list.$error).toBeNull();
    await z.close();
  });
});

test('a second local Zero is independent (views are counted per client)', async () => {
  const other = localZero();
  expect((await zeroViewCounts(other)).views).toBe(0);
  await other.close();
});

describe('named relation queries (modern Zero)', () => {
  // The same model reading through a named query that narrows to status 'active', which shows that it does.
  const queries = defineQueries({ job: { relation: defineQuery(({ args }: { args: RelationSpec }) => buildRelationQuery(schema, 'jobs', args).where('status', '=', 'active') as never) } });
  const NamedJob = ReactiveRecord.createModel(defineModel({ ...jobConfig, query: queries.job.relation }));

  test('a live collection reads through the model\'s named query and follows writes', async () => {
    const jobs = NamedJob.where({ client_id: 'c1' }).order('created_at');
    const { seen, stop } = watch(() => jobs.map((job) => job.id).join(', '));
    expect(seen).toEqual(['j1, j4']);
    // j3 is outside the query (status 'done'), so NamedJob cannot load it to update it: the unrestricted model moves it in.
    await ReactiveJob.update('j3', { status: 'active' });
    flushSync();
    expect(seen.at(-1)).toBe('j1, j3, j4');
    stop();
  });
});
