/**
 * Association readers without `includes`, reactive flavour: `job.client` is a live record handle and `job.tasks` a live
 * collection; both follow writes (a changed key, a new associated row) and keep one shared Zero view while read.
 */
import { describe, expect, test } from 'vitest';
import { flushSync } from 'svelte';
import { ReactiveRecord } from '../../runtime/reactive/index.svelte.ts';
import { ReactiveClient, ReactiveJob, taskConfig, useZero } from './models.ts';
import { zeroViewCounts } from '../support/zero-views.ts';
import { settle, watch } from './effects.svelte.ts';

const ctx = useZero();


describe('association readers without includes', () => {
  test('belongs_to is a live handle that follows the key', async () => {
    const job = ReactiveJob.find('j1');
    const { seen, stop } = watch(() => `${job.title} for ${job.client?.name}`);
    expect(seen.at(-1)).toBe('Fix the boiler for Acme');
    await ReactiveJob.update('j1', { client_id: 'c2' });
    flushSync();
    expect(seen.at(-1)).toBe('Fix the boiler for Globex');
    await ReactiveClient.update('c2', { name: 'Globex Ltd' });
    flushSync();
    expect(seen.at(-1)).toBe('Fix the boiler for Globex Ltd');
    await ReactiveJob.update('j1', { client_id: null });
    flushSync();
    expect(seen.at(-1)).toBe('Fix the boiler for undefined');
    expect(job.client && '$found' in job.client && job.client.$found).toBe(false);
    stop();
    await settle();
    expect((await zeroViewCounts(ctx.z)).views).toBe(0);
  });

  test('has_many is a live collection of the associated model', async () => {
    const ReactiveTask = ReactiveRecord.createModel(taskConfig);
    const jobs = ReactiveJob.where({ client_id: 'c1' }).order('id');
    const { seen, stop } = watch(() => jobs.map((job) => job.tasks.map((t) => t.title)));
    expect(seen.at(-1)).toEqual([[], [], []]);
    await ReactiveTask.upsert({ id: 't1', job_id: 'j3', title: 'Ladder', position: 1 });
    flushSync();
    expect(seen.at(-1)).toEqual([[], ['Ladder'], []]);
    stop();
  });

  test('the same row gives the same reader (one view per association while read)', () => {
    const jobs = ReactiveJob.order('id');
    const { stop } = watch(() => jobs.length);
    const first = jobs.at(0)!;
    expect(first.client).toBe(first.client);
    stop();
  });
});
