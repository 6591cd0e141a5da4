import { describe, expect, test } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import { updateClient } from '$lib/zero/client.generated';
import { createJob, updateJob } from '$lib/zero/job.generated';
import ClientPage from '$app/routes/clients/[id]/+page.svelte';
import JobCard from '$lib/components/JobCard.svelte';
import { useSeededZero } from './seeded-zero.ts';

useSeededZero(cleanup);

function cardTitles(): string[] {
  return [...document.querySelectorAll('.job-card h3')].map((h) => h.textContent ?? '');
}

describe('client page', () => {
  test('shows the client and its jobs', async () => {
    render(ClientPage, { params: { id: 'client-acme' } });
    expect(await screen.findByRole('heading', { name: 'Acme Corp' })).toBeTruthy();
    expect(screen.getByText('Springfield')).toBeTruthy();
    await expect.poll(() => cardTitles().sort()).toEqual(['Fix the boiler', 'Paint the fence']);
  });

  test('shows a placeholder city and follows client edits', async () => {
    render(ClientPage, { params: { id: 'client-globex' } });
    expect(await screen.findByText('No city on file')).toBeTruthy();
    await updateClient('client-globex', { name: 'Globex Corporation', city: 'Cypress Creek' });
    expect(await screen.findByRole('heading', { name: 'Globex Corporation' })).toBeTruthy();
    expect(screen.getByText('Cypress Creek')).toBeTruthy();
  });

  test('job cards follow edits of their job', async () => {
    render(ClientPage, { params: { id: 'client-acme' } });
    await expect.poll(() => cardTitles().length).toBe(2);
    await updateJob('job-2', { title: 'Paint the gate', status: 'on_hold' });
    await expect.poll(() => cardTitles().sort()).toEqual(['Fix the boiler', 'Paint the gate']);
    expect(screen.getByTestId('job-card-job-2').textContent).toContain('On hold');
  });

  test('adds a job card when the client gets a new job', async () => {
    render(ClientPage, { params: { id: 'client-globex' } });
    await expect.poll(() => cardTitles().length).toBe(2);
    await createJob({ id: 'job-9', title: 'Fit a new door', status: 'active', priority: 2, client_id: 'client-globex' });
    await expect.poll(() => cardTitles().sort()).toEqual(['Fit a new door', 'Install solar panels', 'Replace windows']);
  });

  test('says so for an unknown client', async () => {
    render(ClientPage, { params: { id: 'client-nope' } });
    expect(await screen.findByText('Client not found')).toBeTruthy();
    expect(await screen.findByText('No jobs for this client yet')).toBeTruthy();
  });
});

describe('JobCard (Svelte 4 component)', () => {
  test('shows the job title and status', async () => {
    render(JobCard, { jobId: 'job-3' });
    expect(await screen.findByText('Install solar panels')).toBeTruthy();
    expect(screen.getByText('On hold')).toBeTruthy();
  });

  test('falls back to the initial job, then to a placeholder', async () => {
    render(JobCard, {
      jobId: 'job-offline',
      initialJob: {
        id: 'job-offline', title: 'Cached job', status: 'draft', priority: 1, client_id: null,
        assignee_id: null, due_at: null, created_at: 0, updated_at: 0,
      },
    });
    expect(await screen.findByText('Cached job')).toBeTruthy();
    expect(screen.getByText('Draft')).toBeTruthy();
    cleanup();
    render(JobCard, { jobId: 'job-offline' });
    expect(await screen.findByText('Unknown job')).toBeTruthy();
  });
});
