import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initZero, closeZero, createJob, Job, ReactiveQuery, getZero } from '$lib/zero';
import type { Job as JobRow } from '$lib/zero';
import { firstResult, snapshot, statsFor } from './job-stats';

describe('job stats', () => {
  beforeAll(async () => {
    initZero({ cacheURL: null, kvStore: 'mem', userID: 'stats-test' });
    await createJob({ title: 'A', status: 'active', priority: 1 });
    await createJob({ title: 'B', status: 'done', priority: 2 });
  });
  afterAll(() => closeZero());

  it('counts by status', async () => {
    const q = new ReactiveQuery<JobRow>(() => getZero()?.query.jobs, [], '1m');
    const rows = await firstResult(q);
    expect(statsFor(rows).byStatus).toEqual({ active: 1, done: 1 });
    q.destroy();
  });

  it('snapshot of a model handle', () => {
    const handle = Job.all();
    expect(handle.current.length).toBe(2);
    expect(snapshot(handle).total).toBe(2);
    handle.destroy();
  });

  it('subscribe gets loading=false after materialize', () => {
    const q = new ReactiveQuery<JobRow>(() => getZero()?.query.jobs.where('status', 'active'), [], '1m');
    const seen: number[] = [];
    const off = q.subscribe((data) => seen.push(data.length));
    expect(seen[0]).toBe(1);
    expect(q.current[0]?.title).toBe('A');
    off();
    q.destroy();
  });
});
