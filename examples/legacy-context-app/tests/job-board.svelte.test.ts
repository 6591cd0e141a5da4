import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import { router } from '$lib/router.svelte';
import { renderAt, useApp } from './render-app';

function rowTitles(): string[] {
  return screen.queryAllByTestId('job-row').map((row) => row.querySelector('a')?.textContent ?? '');
}

describe('job board (/jobs)', () => {
  useApp();

  it('lists every job by priority, with its client and assignee', async () => {
    renderAt('/jobs');
    await waitFor(() => expect(rowTitles()).toHaveLength(5));
    expect(rowTitles()).toEqual(['Fix the roof', 'Replace boiler', 'Rewire kitchen', 'Paint the fence', 'Clean gutters']);
    expect(screen.getByTestId('job-count').textContent).toBe('5 of 5');
    const roof = screen.getAllByTestId('job-row')[0]!;
    expect(roof.querySelector('.client')?.textContent).toBe('Acme Corp');
    expect(roof.querySelector('.assignee')?.textContent).toBe('Ada Lovelace');
    const gutters = screen.getAllByTestId('job-row')[4]!;
    expect(gutters.querySelector('.client')?.textContent).toBe('No client');
  });

  it('filters by status', async () => {
    renderAt('/jobs');
    await waitFor(() => expect(rowTitles()).toHaveLength(5));
    await fireEvent.click(screen.getByRole('button', { name: 'active' }));
    await waitFor(() => expect(rowTitles()).toEqual(['Fix the roof', 'Clean gutters']));
    expect(screen.getByTestId('job-count').textContent).toBe('2 of 5');
  });

  it('updates the list after a status write (updateJob from a handler)', async () => {
    renderAt('/jobs');
    await waitFor(() => expect(rowTitles()).toHaveLength(5));
    await fireEvent.click(screen.getByRole('button', { name: 'active' }));
    await waitFor(() => expect(rowTitles()).toEqual(['Fix the roof', 'Clean gutters']));
    // active -> done: the job leaves the "active" list
    await fireEvent.click(screen.getByRole('button', { name: 'Advance Clean gutters' }));
    await waitFor(() => expect(rowTitles()).toEqual(['Fix the roof']));
    expect(screen.getByTestId('job-count').textContent).toBe('1 of 5');
    expect(screen.getByTestId('active-badge').textContent).toBe('1');
  });

  it('creates a job from the form and opens it', async () => {
    renderAt('/jobs');
    await waitFor(() => expect(rowTitles()).toHaveLength(5));
    await fireEvent.input(screen.getByLabelText('Job title'), { target: { value: 'Install solar panels' } });
    await fireEvent.submit(screen.getByLabelText('Job title').closest('form')!);
    await waitFor(() => expect(router.current.route).toBe('job'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Install solar panels' })).toBeTruthy();
    router.goto('/jobs');
    await waitFor(() => expect(rowTitles()).toContain('Install solar panels'));
    expect(screen.getByTestId('job-count').textContent).toBe('6 of 6');
  });

  it('refuses an empty title', async () => {
    renderAt('/jobs');
    await waitFor(() => expect(rowTitles()).toHaveLength(5));
    await fireEvent.submit(screen.getByLabelText('Job title').closest('form')!);
    expect((await screen.findByRole('alert')).textContent).toBe('Title is required');
    expect(rowTitles()).toHaveLength(5);
  });
});
