import { describe, expect, test } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { createJob, deleteJob, updateJob } from '$lib/zero/job.generated';
import { SEED_NOW } from '$lib/testing/seed';
import { page } from '$lib/page.svelte';
import JobsPage from '$app/routes/jobs/+page.svelte';
import { useSeededZero } from './seeded-zero.ts';
import { waitUntil } from '../support/wait.ts';

useSeededZero(cleanup);

function rowTitles(): string[] {
  return screen.getAllByTestId('job-row').map((row) => within(row).getByRole('link').textContent ?? '');
}

describe('jobs page', () => {
  test('lists every job, newest first, with client and due date', async () => {
    render(JobsPage, { now: SEED_NOW });
    expect(await screen.findByText('Showing 5 of 5 jobs')).toBeTruthy();
    expect(rowTitles()).toEqual([
      'Quote for roof',
      'Replace windows',
      'Install solar panels',
      'Paint the fence',
      'Fix the boiler',
    ]);
    const boiler = screen.getAllByTestId('job-row').at(-1)!;
    expect(within(boiler).getByText('Acme Corp')).toBeTruthy();
    expect(within(boiler).getByText('2 days overdue')).toBeTruthy();
    const roof = screen.getAllByTestId('job-row')[0]!;
    expect(within(roof).getByText('No client')).toBeTruthy();
  });

  test('filters by status', async () => {
    render(JobsPage, { now: SEED_NOW });
    await screen.findByText('Showing 5 of 5 jobs');
    await fireEvent.click(screen.getByRole('button', { name: 'Active' }));
    expect(await screen.findByText('Showing 2 of 5 jobs')).toBeTruthy();
    expect(rowTitles()).toEqual(['Paint the fence', 'Fix the boiler']);
    await fireEvent.click(screen.getByRole('button', { name: 'On hold' }));
    expect(rowTitles()).toEqual(['Install solar panels']);
  });

  test('searches titles and clears the search', async () => {
    render(JobsPage, { now: SEED_NOW });
    await screen.findByText('Showing 5 of 5 jobs');
    await fireEvent.input(screen.getByLabelText('Search jobs'), { target: { value: 'PAINT' } });
    expect(await screen.findByText('Showing 1 of 5 jobs')).toBeTruthy();
    expect(rowTitles()).toEqual(['Paint the fence']);
    await fireEvent.input(screen.getByLabelText('Search jobs'), { target: { value: 'nothing like this' } });
    expect(await screen.findByText('No jobs match these filters')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Clear search' }));
    expect(await screen.findByText('Showing 5 of 5 jobs')).toBeTruthy();
    expect((screen.getByLabelText('Search jobs') as HTMLInputElement).value).toBe('');
  });

  test('follows inserts, updates and deletes', async () => {
    render(JobsPage, { now: SEED_NOW });
    await screen.findByText('Showing 5 of 5 jobs');
    expect(screen.getByText('Newest: Quote for roof')).toBeTruthy();
    await createJob({ id: 'job-9', title: 'Fit a new door', status: 'active', priority: 2, client_id: 'client-globex' });
    expect(await screen.findByText('Showing 6 of 6 jobs')).toBeTruthy();
    expect(screen.getByText('Newest: Fit a new door')).toBeTruthy();
    expect(rowTitles()[0]).toBe('Fit a new door');
    expect(within(screen.getAllByTestId('job-row')[0]!).getByText('Globex')).toBeTruthy();
    await updateJob('job-5', { title: 'Quote for the roof' });
    expect(await screen.findByRole('link', { name: 'Quote for the roof' })).toBeTruthy();
    await deleteJob('job-9');
    expect(await screen.findByText('Showing 5 of 5 jobs')).toBeTruthy();
    expect(screen.queryByText('Fit a new door')).toBeNull();
  });

  test('creates a draft job from the form and opens it', async () => {
    render(JobsPage, { now: SEED_NOW });
    await fireEvent.click(await screen.findByRole('button', { name: 'New job' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Create job' }));
    expect((await screen.findByRole('alert')).textContent).toBe("Title can't be blank");

    const clientSelect = screen.getByLabelText('Client') as HTMLSelectElement;
    await waitUntil('the client options', () => expect(clientSelect.options.length).toBe(3));
    await fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'Clean gutters' } });
    await fireEvent.change(clientSelect, { target: { value: 'client-acme' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Create job' }));

    expect(await screen.findByText('Showing 6 of 6 jobs')).toBeTruthy();
    const row = screen.getAllByTestId('job-row').find((r) => r.textContent?.includes('Clean gutters'));
    expect(row).toBeTruthy();
    expect(within(row!).getByText('Draft')).toBeTruthy();
    expect(within(row!).getByText('Acme Corp')).toBeTruthy();
    // The form navigates once the write resolves, which may be a tick after the list shows the row.
    await waitUntil('navigation to the new job', () => expect(page.current.path).toMatch(/^\/jobs\/.+/));
  });

  test('opens a job when its title is clicked', async () => {
    render(JobsPage, { now: SEED_NOW });
    await fireEvent.click(await screen.findByRole('link', { name: 'Paint the fence' }));
    expect(page.current.path).toBe('/jobs/job-2');
    expect(page.current.params).toEqual({ id: 'job-2' });
  });
});
