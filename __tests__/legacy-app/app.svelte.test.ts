import { describe, expect, test } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { updateJob } from '$lib/zero/job.generated';
import { SEED_NOW } from '$lib/testing/seed';
import App from '$app/App.svelte';
import { useSeededZero } from './seeded-zero.ts';

useSeededZero(cleanup);

describe('the app shell', () => {
  test('shows the wide header with the live open-job count', async () => {
    render(App, { now: SEED_NOW });
    expect(screen.getByText('Job Board')).toBeTruthy();
    expect(await screen.findByText('2 open')).toBeTruthy();
    await updateJob('job-3', { status: 'active' });
    expect(await screen.findByText('3 open')).toBeTruthy();
  });

  test('navigates dashboard -> jobs -> job -> client', async () => {
    render(App, { now: SEED_NOW });
    expect(await screen.findByRole('heading', { name: 'Dashboard' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Dashboard' }).getAttribute('aria-current')).toBe('page');

    await fireEvent.click(screen.getByRole('link', { name: 'Jobs' }));
    expect(await screen.findByRole('heading', { name: 'Jobs' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Jobs' }).getAttribute('aria-current')).toBe('page');
    expect(document.activeElement).toBe(screen.getByLabelText('Search jobs'));

    await fireEvent.click(await screen.findByRole('link', { name: 'Fix the boiler' }));
    expect(await screen.findByRole('heading', { name: 'Fix the boiler' })).toBeTruthy();
    expect(await screen.findByText('1 of 3 done')).toBeTruthy();

    await fireEvent.click(await screen.findByRole('link', { name: 'Client' }));
    expect(await screen.findByRole('heading', { name: 'Acme Corp' })).toBeTruthy();
  });

  test('completing a job from its page updates the header count', async () => {
    render(App, { now: SEED_NOW });
    await screen.findByText('2 open');
    await fireEvent.click(screen.getByRole('link', { name: 'Jobs' }));
    await fireEvent.click(await screen.findByRole('link', { name: 'Paint the fence' }));
    await fireEvent.click(await screen.findByRole('button', { name: 'Mark done' }));
    expect(await screen.findByText('1 open')).toBeTruthy();
  });

  test('shows the open tasks page from the header', async () => {
    render(App, { now: SEED_NOW });
    await fireEvent.click(screen.getByRole('link', { name: 'Tasks' }));
    expect(await screen.findByRole('heading', { name: 'Open tasks (3)' })).toBeTruthy();
  });
});
