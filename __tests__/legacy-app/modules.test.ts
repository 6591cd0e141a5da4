// The app's plain TypeScript modules, in node against a real local Zero.
import { describe, expect, test, vi } from 'vitest';
import { get } from 'svelte/store';
import { createJob, updateJob } from '$lib/zero/job.generated';
import { SEED_NOW } from '$lib/testing/seed';
import { formatDue, isOverdue, priorityLabel, statusLabel } from '$lib/utils/format';
import { createRef } from '$lib/utils/ref';
import { countByStatus, loadOverdueJobs, snapshotStatusCounts } from '$lib/utils/job-stats';
import { watchClientJobCount } from '$lib/utils/job-watcher';
import { completeJob, createJobWithTasks, duplicateJob, jobTitle, removeJob, reopenJob } from '$lib/services/job-actions';
import { describeJobs } from '$lib/utils/debug.js';
import { jobFilters, resetJobFilters } from '$lib/stores/job-filters';
import { waitUntil } from '../support/wait.ts';
import { openJobCount } from '$lib/stores/open-job-count';
import { page } from '$lib/page.svelte';
import { getZero } from '$lib/zero/client';
import { useSeededZero } from './seeded-zero.ts';

useSeededZero();

const DAY = 24 * 60 * 60 * 1000;

async function jobRow(id: string) {
  return getZero()!.run(getZero()!.query.jobs.where('id', id).one());
}

describe('format', () => {
  test('labels statuses and priorities', () => {
    expect(statusLabel('on_hold')).toBe('On hold');
    expect(statusLabel('done')).toBe('Done');
    expect([1, 2, 3, 5].map(priorityLabel)).toEqual(['Low', 'Normal', 'High', 'High']);
  });

  test('describes due dates relative to now', () => {
    expect(formatDue(null, SEED_NOW)).toBe('no due date');
    expect(formatDue(SEED_NOW, SEED_NOW)).toBe('due today');
    expect(formatDue(SEED_NOW + DAY, SEED_NOW)).toBe('due in 1 day');
    expect(formatDue(SEED_NOW + 3 * DAY, SEED_NOW)).toBe('due in 3 days');
    expect(formatDue(SEED_NOW - DAY, SEED_NOW)).toBe('1 day overdue');
    expect(formatDue(SEED_NOW - 2 * DAY, SEED_NOW)).toBe('2 days overdue');
  });

  test('a job is overdue only when unfinished and past due', () => {
    expect(isOverdue({ status: 'active', due_at: SEED_NOW - 1 }, SEED_NOW)).toBe(true);
    expect(isOverdue({ status: 'done', due_at: SEED_NOW - 1 }, SEED_NOW)).toBe(false);
    expect(isOverdue({ status: 'active', due_at: null }, SEED_NOW)).toBe(false);
    expect(isOverdue({ status: 'active', due_at: SEED_NOW + 1 }, SEED_NOW)).toBe(false);
  });
});

describe('job stats', () => {
  test('counts rows by status', () => {
    expect(countByStatus([])).toEqual({ draft: 0, active: 0, on_hold: 0, done: 0 });
  });

  test('snapshots the counts of the local rows', async () => {
    expect(snapshotStatusCounts()).toEqual({ draft: 1, active: 2, on_hold: 1, done: 1 });
    await completeJob('job-1');
    expect(snapshotStatusCounts()).toEqual({ draft: 1, active: 1, on_hold: 1, done: 2 });
  });

  test('loads overdue active jobs, most overdue first', async () => {
    expect((await loadOverdueJobs(SEED_NOW)).map((job) => job.title)).toEqual(['Fix the boiler']);
    await updateJob('job-2', { due_at: SEED_NOW - 5 * DAY });
    expect((await loadOverdueJobs(SEED_NOW)).map((job) => job.title)).toEqual(['Paint the fence', 'Fix the boiler']);
    expect(await loadOverdueJobs(SEED_NOW - 30 * DAY)).toEqual([]);
  });
});

describe('job watcher', () => {
  test('reports the client job count now and on every change, until stopped', async () => {
    const seen: number[] = [];
    const stop = watchClientJobCount('client-acme', (count) => seen.push(count));
    await waitUntil('the first count', () => expect(seen).toEqual([2]));
    await createJob({ id: 'job-9', title: 'Fit a new door', status: 'active', priority: 2, client_id: 'client-acme' });
    await waitUntil('the count after a create', () => expect(seen).toEqual([2, 3]));
    await updateJob('job-9', { title: 'Fit two new doors' });
    await removeJob('job-1');
    await waitUntil('the count after a removal', () => expect(seen).toEqual([2, 3, 2]));
    stop();
    await removeJob('job-2');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toEqual([2, 3, 2]);
  });
});

describe('job actions', () => {
  test('completes and reopens a job', async () => {
    await completeJob('job-2');
    expect((await jobRow('job-2'))?.status).toBe('done');
    await reopenJob('job-2');
    expect((await jobRow('job-2'))?.status).toBe('active');
  });

  test('names a job, or says it is gone', async () => {
    expect(jobTitle('job-3')).toBe('Install solar panels');
    await removeJob('job-3');
    expect(jobTitle('job-3')).toBe('(deleted job)');
  });

  test('removes a job', async () => {
    await removeJob('job-5');
    expect(await jobRow('job-5')).toBeUndefined();
  });

  test('creates a job with its checklist', async () => {
    const id = await createJobWithTasks({ title: 'Service the lift', status: 'active', priority: 2 }, ['Inspect', 'Oil']);
    expect((await jobRow(id))?.title).toBe('Service the lift');
    const tasks = await getZero()!.run(getZero()!.query.tasks.where('job_id', id).orderBy('position', 'asc'));
    expect(tasks.map((task) => [task.position, task.title, task.done])).toEqual([
      [0, 'Inspect', false],
      [1, 'Oil', false],
    ]);
    // New checklist items are open: they show up wherever open tasks are listed.
    const open = await getZero()!.run(getZero()!.query.tasks.where('done', false).where('job_id', id));
    expect(open).toHaveLength(2);
    expect((await jobRow(id))?.created_at).toEqual(expect.any(Number));
  });

  test('duplicates a job as a draft copy', async () => {
    expect(await duplicateJob('job-1', 'job-1-copy')).toBe('job-1-copy');
    const copy = await jobRow('job-1-copy');
    expect(copy).toMatchObject({
      title: 'Fix the boiler (copy)',
      status: 'draft',
      priority: 3,
      client_id: 'client-acme',
      assignee_id: 'user-bob',
    });
  });

  test('duplicating a missing job does nothing', async () => {
    expect(await duplicateJob('job-missing', 'job-x')).toBeNull();
    expect(await jobRow('job-x')).toBeUndefined();
  });
});

describe('console helpers', () => {
  test('describe every job with its open tasks', async () => {
    expect(describeJobs()).toEqual([
      'job-1 [active] Fix the boiler (2/3 tasks open)',
      'job-2 [active] Paint the fence (1/1 tasks open)',
      'job-3 [on_hold] Install solar panels (0/0 tasks open)',
      'job-4 [done] Replace windows (0/0 tasks open)',
      'job-5 [draft] Quote for roof (0/0 tasks open)',
    ]);
  });
});

describe('stores', () => {
  test('the open job count follows the active jobs', async () => {
    const values: number[] = [];
    const unsubscribe = openJobCount.subscribe((value) => values.push(value));
    await waitUntil('two open jobs', () => expect(values.at(-1)).toBe(2));
    await updateJob('job-3', { status: 'active' });
    await waitUntil('three open jobs', () => expect(values.at(-1)).toBe(3));
    unsubscribe();
    expect(get(openJobCount)).toBe(3);
  });

  test('job filters reset to everything', () => {
    jobFilters.set({ status: 'done', search: 'roof' });
    expect(get(jobFilters)).toEqual({ status: 'done', search: 'roof' });
    resetJobFilters();
    expect(get(jobFilters)).toEqual({ status: 'all', search: '' });
  });
});

describe('page and refs', () => {
  test('page.current holds the path and route params', () => {
    page.goto('/jobs/job%201');
    expect(page.current).toEqual({ path: '/jobs/job%201', params: { id: 'job 1' } });
    page.goto('/clients/client-acme');
    expect(page.current.params).toEqual({ id: 'client-acme' });
    page.goto('/tasks');
    expect(page.current).toEqual({ path: '/tasks', params: {} });
  });

  test('a ref starts empty and holds what is assigned', () => {
    const ref = createRef<{ name: string }>();
    expect(ref.current).toBeNull();
    ref.current = { name: 'input' };
    expect(ref.current.name).toBe('input');
  });
});
