// The legacy layer itself (src/lib/zero): what the migration replaces. These tests pin the
// legacy behaviour the codemods must preserve; a harness that removes the layer skips this file.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ReactiveQuery, ReactiveQueryOne } from '$lib/zero';
import { closeZero, getZero, initZero } from '$lib/zero/client';
import { Job, createJob, deleteJob, updateJob, upsertJob } from '$lib/zero/job.generated';
import type { Job as JobRow } from '$lib/zero/job.generated';
import { seedJobBoard } from '$lib/testing/seed';
import { waitUntil } from '../support/wait.ts';

let run = 0;
async function freshZero() {
  run += 1;
  initZero({ cacheURL: null, kvStore: 'mem', storageKey: `legacy-classes-${run}` });
  await seedJobBoard();
}

afterEach(async () => {
  vi.restoreAllMocks();
  await closeZero();
});

describe('ReactiveQuery', () => {
  test('reads rows at once and follows writes; subscribe fires immediately', async () => {
    await freshZero();
    const query = new ReactiveQuery<JobRow>(() => getZero()?.query.jobs.where('status', 'active').orderBy('created_at', 'asc'), [], '5m');
    expect(query.isLoading).toBe(false);
    expect(query.loading).toBe(false);
    expect(query.error).toBeNull();
    expect(query.current.map((job) => job.id)).toEqual(['job-1', 'job-2']);
    expect(query.data).toBe(query.current);

    const calls: string[][] = [];
    const unsubscribe = query.subscribe((jobs, meta) => {
      expect(meta).toEqual({ isLoading: false, error: null });
      calls.push(jobs.map((job) => job.id));
    });
    expect(calls).toEqual([['job-1', 'job-2']]);
    await updateJob('job-3', { status: 'active' });
    await waitUntil('the subscriber to see job-3 activated', () => expect(calls.at(-1)).toEqual(['job-1', 'job-2', 'job-3']));
    unsubscribe();
    await deleteJob('job-1');
    await waitUntil('the query to drop deleted job-1', () => expect(query.current.map((job) => job.id)).toEqual(['job-2', 'job-3']));
    expect(calls).toHaveLength(2);
    query.destroy();
    await deleteJob('job-2');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(query.current.map((job) => job.id)).toEqual(['job-2', 'job-3']);
  });

  test('warns and uses 1h when no TTL is given', async () => {
    await freshZero();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const query = new ReactiveQuery<JobRow>(() => getZero()?.query.jobs);
    expect(warn).toHaveBeenCalledWith("ReactiveQuery: no TTL given, using default '1h'");
    expect(query.current).toHaveLength(5);
    query.destroy();
  });

  test('retries every 100 ms until Zero is ready, showing the default meanwhile', async () => {
    const fallback = [{ id: 'placeholder' }];
    const query = new ReactiveQuery<{ id: string }>(() => getZero()?.query.jobs, fallback, '5m');
    expect(query.isLoading).toBe(true);
    expect(query.current).toEqual(fallback);
    await freshZero();
    await waitUntil('the query to load once Zero is ready', () => expect(query.current).toHaveLength(5));
    expect(query.isLoading).toBe(false);
    query.destroy();
  });

  test('reports a query that throws as an error', async () => {
    const query = new ReactiveQuery<JobRow>(() => {
      throw new Error('bad query');
    }, [], '5m');
    expect(query.error?.message).toBe('bad query');
    expect(query.isLoading).toBe(false);
    query.destroy();
  });

  test('refresh re-materializes the query', async () => {
    await freshZero();
    let status: 'active' | 'done' = 'active';
    const query = new ReactiveQuery<JobRow>(() => getZero()?.query.jobs.where('status', status), [], '5m');
    expect(query.current).toHaveLength(2);
    status = 'done';
    query.refresh();
    expect(query.current.map((job) => job.id)).toEqual(['job-4']);
    query.destroy();
  });
});

describe('ReactiveQueryOne', () => {
  test('gives the row, null when missing, and follows writes', async () => {
    await freshZero();
    const one = new ReactiveQueryOne<JobRow>(() => getZero()?.query.jobs.where('id', 'job-2').one(), null, '5m');
    expect(one.current?.title).toBe('Paint the fence');
    const seen: (string | undefined)[] = [];
    one.subscribe((job) => seen.push(job?.title));
    await updateJob('job-2', { title: 'Paint the gate' });
    await waitUntil('the renamed job', () => expect(one.data?.title).toBe('Paint the gate'));
    await deleteJob('job-2');
    await waitUntil('the deleted job to read as null', () => expect(one.current).toBeNull());
    expect(seen).toEqual(['Paint the fence', 'Paint the gate', undefined]);
    one.destroy();

    const missing = new ReactiveQueryOne<JobRow>(() => getZero()?.query.jobs.where('id', 'nope').one(), null, '5m');
    expect(missing.current).toBeNull();
    expect(missing.isLoading).toBe(false);
    missing.destroy();
  });
});

describe('generated model objects', () => {
  test('hand out inert loading handles before Zero is ready', () => {
    const handle = Job.find('job-1');
    expect(handle).toMatchObject({ current: null, value: null, resultType: 'loading', error: null });
    expect(Job.all().current).toEqual([]);
  });

  test('find / all / where handles and the four mutators', async () => {
    await freshZero();
    const job = Job.find('job-3');
    expect(job.current?.title).toBe('Install solar panels');
    expect(job.value).toBe(job.current);
    expect(job.resultType).toBe('unknown');
    expect(Job.all().current).toHaveLength(5);
    const onHold = Job.where({ status: 'on_hold', client_id: 'client-globex' });
    expect(onHold.current.map((row) => row.id)).toEqual(['job-3']);

    await upsertJob({ id: 'job-3', title: 'Solar, phase 2', status: 'on_hold', priority: 2 });
    await waitUntil('the upserted title', () => expect(job.current?.title).toBe('Solar, phase 2'));
    expect(onHold.current).toEqual([]); // the upsert cleared client_id
    const created = await createJob({ title: 'New', status: 'draft', priority: 1 });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Job.find(created.id).current?.client_id).toBeNull();
    job.destroy();
    onHold.destroy();
  });

  test('mutators explain what to do when Zero is not ready', async () => {
    await expect(updateJob('job-1', { title: 'x' })).rejects.toThrow('call initZero() before writing jobs');
  });
});
