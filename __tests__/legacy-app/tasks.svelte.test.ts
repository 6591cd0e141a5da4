import { describe, expect, test } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { createTask, updateTask } from '$lib/zero/task.generated';
import { updateJob } from '$lib/zero/job.generated';
import TaskList from '$lib/components/TaskList.svelte';
import TasksPage from '$app/routes/tasks/+page.svelte';
import { useSeededZero } from './seeded-zero.ts';

useSeededZero(cleanup);

function itemTexts(): string[] {
  return [...document.querySelectorAll('li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim() ?? '');
}

describe('TaskList', () => {
  test('shows the checklist in order with its progress', async () => {
    render(TaskList, { jobId: 'job-1' });
    expect(await screen.findByText('1 of 3 done')).toBeTruthy();
    expect(itemTexts()).toEqual(['Order spare valve', 'Drain the system', 'Pressure test']);
    expect((screen.getByLabelText('Order spare valve') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Drain the system') as HTMLInputElement).checked).toBe(false);
  });

  test('ticks a task', async () => {
    render(TaskList, { jobId: 'job-1' });
    await fireEvent.click(await screen.findByLabelText('Drain the system'));
    expect(await screen.findByText('2 of 3 done')).toBeTruthy();
    expect((screen.getByLabelText('Drain the system') as HTMLInputElement).checked).toBe(true);
  });

  test('adds a task at the end', async () => {
    render(TaskList, { jobId: 'job-2' });
    await screen.findByText('0 of 1 done');
    await fireEvent.input(screen.getByLabelText('New task'), { target: { value: 'Sand the fence' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Add task' }));
    expect(await screen.findByText('0 of 2 done')).toBeTruthy();
    expect(itemTexts()).toEqual(['Buy paint', 'Sand the fence']);
    await expect.poll(() => (screen.getByLabelText('New task') as HTMLInputElement).value).toBe('');
  });

  test('is empty for a job without tasks', async () => {
    render(TaskList, { jobId: 'job-3' });
    expect(await screen.findByText('0 of 0 done')).toBeTruthy();
  });
});

describe('open tasks page', () => {
  test('lists open tasks with their job, and drops done ones', async () => {
    render(TasksPage);
    expect(await screen.findByRole('heading', { name: 'Open tasks (3)' })).toBeTruthy();
    expect(itemTexts()).toEqual([
      'Drain the system (Fix the boiler)',
      'Pressure test (Fix the boiler)',
      'Buy paint (Paint the fence)',
    ]);
    await updateTask('task-2', { done: true });
    expect(await screen.findByRole('heading', { name: 'Open tasks (2)' })).toBeTruthy();
    await createTask({ id: 'task-9', job_id: 'job-3', title: 'Survey the roof', position: 1 });
    await updateJob('job-1', { title: 'Fix the heater' });
    await expect.poll(itemTexts).toEqual([
      'Pressure test (Fix the heater)',
      'Buy paint (Paint the fence)',
      'Survey the roof (Install solar panels)',
    ]);
  });
});
