import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import { router } from '$lib/router.svelte';
import { renderAt, useApp } from './render-app';

describe('job page (/jobs/:id)', () => {
  useApp();

  it('shows the job, its status, assignee and tasks', async () => {
    renderAt('/jobs/job-roof');
    expect(await screen.findByRole('heading', { level: 1, name: 'Fix the roof' })).toBeTruthy();
    expect(screen.getAllByTestId('status')[0]!.textContent).toBe('Active');
    expect(screen.getByText('Priority 3 ·', { exact: false }).textContent).toContain('Ada Lovelace');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Tasks (3)');
    expect(screen.getByTestId('task-count').textContent).toBe('2 of 3 open');
    expect(screen.getAllByRole('checkbox').map((c) => (c as HTMLInputElement).checked)).toEqual([true, false, false]);
  });

  it('puts the open job in the layout store (nav shows it)', async () => {
    renderAt('/jobs/job-roof');
    expect((await screen.findByTestId('current-job')).textContent).toBe('Open: Fix the roof');
  });

  it('toggles a task', async () => {
    renderAt('/jobs/job-roof');
    await screen.findByTestId('task-count');
    await fireEvent.click(screen.getByLabelText('Remove old tiles'));
    await waitFor(() => expect(screen.getByTestId('task-count').textContent).toBe('1 of 3 open'));
  });

  it('adds a task', async () => {
    renderAt('/jobs/job-roof');
    await screen.findByTestId('task-count');
    await fireEvent.input(screen.getByLabelText('New task'), { target: { value: 'Clean up' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Add task' }));
    await waitFor(() => expect(screen.getByTestId('task-count').textContent).toBe('3 of 4 open'));
    expect(screen.getByText('Clean up')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Tasks (4)');
  });

  it('changes the status (updateJob with a result check)', async () => {
    renderAt('/jobs/job-roof');
    await screen.findByRole('heading', { level: 1, name: 'Fix the roof' });
    await fireEvent.click(screen.getByRole('button', { name: 'Mark done' }));
    await waitFor(() => expect(screen.getAllByTestId('status')[0]!.textContent).toBe('Done'));
    expect((screen.getByRole('button', { name: 'Mark done' }) as HTMLButtonElement).disabled).toBe(true);
    // done jobs lock their task list
    expect(screen.queryByRole('button', { name: 'Add task' })).toBeNull();
  });

  it('deletes the job and goes back to the board', async () => {
    renderAt('/jobs/job-boiler');
    await screen.findByRole('heading', { level: 1, name: 'Replace boiler' });
    await fireEvent.click(screen.getByRole('button', { name: 'Delete job' }));
    await waitFor(() => expect(router.current.route).toBe('jobs'));
    await waitFor(() => expect(screen.getByTestId('job-count').textContent).toBe('4 of 4'));
    expect(screen.queryByText('Replace boiler')).toBeNull();
    expect(screen.queryByTestId('current-job')).toBeNull();
  });

  it('says so when the job does not exist', async () => {
    renderAt('/jobs/nope');
    expect(await screen.findByText('Job not found.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Loading job…');
  });
});
