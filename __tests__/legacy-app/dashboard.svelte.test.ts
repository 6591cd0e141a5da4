import { describe, expect, test } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { createJob, deleteJob, updateJob } from '$lib/zero/job.generated';
import { SEED_NOW } from '$lib/testing/seed';
import Dashboard from '$app/routes/+page.svelte';
import RecentJobs from '$lib/components/RecentJobs.svelte';
import { useSeededZero } from './seeded-zero.ts';

useSeededZero(cleanup);

function text(testId: string): string | null {
  return screen.getByTestId(testId).textContent;
}

function recentTitles(): string[] {
  const list = screen.getByRole('heading', { name: /^Latest/ }).parentElement!.querySelector('ol')!;
  return [...list.querySelectorAll('li')].map((li) => li.textContent ?? '');
}

describe('dashboard', () => {
  test('counts jobs by status', async () => {
    render(Dashboard, { now: SEED_NOW });
    expect(await screen.findByText('5 jobs')).toBeTruthy();
    expect(text('count-active')).toBe('2 active');
    expect(text('count-on-hold')).toBe('1 on hold');
    expect(text('count-done')).toBe('1 done');
    expect(text('count-urgent')).toBe('1 urgent');
    expect(text('count-unassigned')).toBe('2 unassigned');
  });

  test('urgent and unassigned counts follow priority, status and assignment', async () => {
    render(Dashboard, { now: SEED_NOW });
    await screen.findByText('1 urgent');
    await updateJob('job-3', { priority: 4 });
    expect(await screen.findByText('2 urgent')).toBeTruthy();
    await updateJob('job-1', { status: 'done' });
    expect(await screen.findByText('1 urgent')).toBeTruthy();
    await updateJob('job-2', { assignee_id: 'user-ada' });
    expect(await screen.findByText('1 unassigned')).toBeTruthy();
    await updateJob('job-5', { status: 'done' });
    expect(await screen.findByText('0 unassigned')).toBeTruthy();
  });

  test('refresh keeps the counts', async () => {
    render(Dashboard, { now: SEED_NOW });
    await screen.findByText('5 jobs');
    await fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(await screen.findByText('5 jobs')).toBeTruthy();
    await deleteJob('job-5');
    expect(await screen.findByText('4 jobs')).toBeTruthy();
  });

  test('recounts after writes and says it is live', async () => {
    render(Dashboard, { now: SEED_NOW });
    await screen.findByText('5 jobs');
    expect(screen.getByText('Live')).toBeTruthy();
    await updateJob('job-1', { status: 'done' });
    expect(await screen.findByText('1 active')).toBeTruthy();
    expect(text('count-done')).toBe('2 done');
    expect(screen.getByText('Live: updated since opening')).toBeTruthy();
    await deleteJob('job-4');
    expect(await screen.findByText('4 jobs')).toBeTruthy();
    expect(text('count-done')).toBe('1 done');
  });

  test('warns about overdue active jobs until they are done', async () => {
    render(Dashboard, { now: SEED_NOW });
    expect((await screen.findByRole('alert')).textContent?.trim()).toBe('1 overdue: Fix the boiler');
    await updateJob('job-2', { due_at: SEED_NOW - 1000 });
    await screen.findByText(/^\s*2 overdue/);
    await updateJob('job-1', { status: 'done' });
    await updateJob('job-2', { status: 'done' });
    await expect.poll(() => screen.queryByRole('alert')).toBeNull();
  });

  test('lists the latest non-draft jobs', async () => {
    render(Dashboard, { now: SEED_NOW });
    await screen.findByText('Latest 3 jobs');
    expect(recentTitles()).toEqual(['Replace windows', 'Install solar panels', 'Paint the fence']);
  });
});

describe('RecentJobs (Svelte 4 component)', () => {
  test('honours its limit and follows new jobs', async () => {
    render(RecentJobs, { limit: 1 });
    expect(await screen.findByText('Latest job')).toBeTruthy();
    expect(recentTitles()).toEqual(['Replace windows']);
    await createJob({ id: 'job-9', title: 'Fit a new door', status: 'active', priority: 2, created_at: SEED_NOW });
    await expect.poll(recentTitles).toEqual(['Fit a new door']);
  });

  test('ignores drafts', async () => {
    render(RecentJobs, { limit: 10 });
    await screen.findByText('Latest 10 jobs');
    await createJob({ id: 'job-9', title: 'Maybe later', status: 'draft', priority: 1, created_at: SEED_NOW });
    await updateJob('job-3', { title: 'Install solar panels (phase 1)' });
    await expect.poll(recentTitles).toEqual(['Replace windows', 'Install solar panels (phase 1)', 'Paint the fence', 'Fix the boiler']);
  });
});
