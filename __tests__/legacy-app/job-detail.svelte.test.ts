import { describe, expect, test } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { updateJob } from '$lib/zero/job.generated';
import { SEED_NOW } from '$lib/testing/seed';
import JobDetail from '$lib/components/JobDetail.svelte';
import JobPage from '$app/routes/jobs/[id]/+page.svelte';
import { useSeededZero } from './seeded-zero.ts';

useSeededZero(cleanup);

describe('JobDetail', () => {
  test('shows the job with its priority, due date and assignee', async () => {
    render(JobDetail, { jobId: 'job-1', now: SEED_NOW });
    expect(await screen.findByRole('heading', { name: 'Fix the boiler' })).toBeTruthy();
    expect(screen.getByTestId('job-priority').textContent).toBe('High');
    expect(screen.getByTestId('job-due').textContent).toBe('2 days overdue');
    expect(screen.getByTestId('status-badge').textContent).toBe('Active');
    expect(await screen.findByText('Bob Builder')).toBeTruthy();
  });

  test('follows writes to the row', async () => {
    render(JobDetail, { jobId: 'job-1', now: SEED_NOW });
    await screen.findByRole('heading', { name: 'Fix the boiler' });
    await updateJob('job-1', { title: 'Fix the heater', priority: 1, due_at: null });
    expect(await screen.findByRole('heading', { name: 'Fix the heater' })).toBeTruthy();
    expect(screen.getByTestId('job-priority').textContent).toBe('Low');
    expect(screen.getByTestId('job-due').textContent).toBe('no due date');
  });

  test('says so when the job does not exist', async () => {
    render(JobDetail, { jobId: 'job-missing', now: SEED_NOW });
    expect(await screen.findByText('Job not found')).toBeTruthy();
    expect(screen.queryByRole('heading')).toBeNull();
  });

  test('shows an unassigned job as such', async () => {
    render(JobDetail, { jobId: 'job-2', now: SEED_NOW });
    expect(await screen.findByText('Unassigned')).toBeTruthy();
    expect(screen.getByTestId('job-due').textContent).toBe('due in 3 days');
  });
});

describe('job page', () => {
  test('marks a job done and reopens it', async () => {
    render(JobPage, { params: { id: 'job-2' }, now: SEED_NOW });
    await fireEvent.click(await screen.findByRole('button', { name: 'Mark done' }));
    expect(await screen.findByRole('button', { name: 'Reopen' })).toBeTruthy();
    expect(screen.getByTestId('status-badge').textContent).toBe('Done');
    await fireEvent.click(screen.getByRole('button', { name: 'Reopen' }));
    expect(await screen.findByRole('button', { name: 'Mark done' })).toBeTruthy();
    expect(screen.getByTestId('status-badge').textContent).toBe('Active');
  });

  test('names the browser tab after the job', async () => {
    render(JobPage, { params: { id: 'job-1' }, now: SEED_NOW });
    await expect.poll(() => document.title).toBe('Fix the boiler · Job Board');
  });

  test('links to the client and shows the checklist', async () => {
    render(JobPage, { params: { id: 'job-1' }, now: SEED_NOW });
    expect(await screen.findByRole('link', { name: 'Client' })).toBeTruthy();
    expect(await screen.findByText('1 of 3 done')).toBeTruthy();
  });

  test('shows neither actions nor checklist for a missing job', async () => {
    render(JobPage, { params: { id: 'job-missing' }, now: SEED_NOW });
    expect(await screen.findByText('Job not found')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Mark done' })).toBeNull();
    expect(screen.queryByText('Checklist')).toBeNull();
    expect(document.title).toBe('Job · Job Board');
  });
});
