/**
 * Svelte 5 components (runes and legacy mode) on ReactiveQuery / ReactiveQueryOne, once per flag value: they render,
 * follow writes, and leave no Zero view after unmount, whether or not they call destroy().
 */
import { describe, expect, test } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { zeroViewCounts } from '../support/zero-views.ts';
import { FLAGS, settle, useLegacyApp } from './legacy-zero.ts';
import JobDetail from './components/JobDetail.svelte';
import JobList from './components/JobList.svelte';
import LegacyJobTitles from './components/LegacyJobTitles.svelte';

describe.each(FLAGS)('components on the $path', ({ useNewRecordArchitecture }) => {
  const app = useLegacyApp(useNewRecordArchitecture);

  async function expectNothingLive(): Promise<void> {
    await settle();
    expect(await zeroViewCounts(app.z)).toMatchObject({ views: 0, totalConnections: 0, desiredQueries: 0 });
  }

  test('ReactiveQueryOne in $derived: renders, follows writes, switches ids, and releases its views without destroy()', async () => {
    const { rerender, unmount } = render(JobDetail, { jobId: 'j1' });
    expect((await screen.findByRole('heading')).textContent).toBe('Fix the boiler');
    expect((await zeroViewCounts(app.z)).views).toBe(1);

    await app.z.mutate.jobs.update({ id: 'j1', title: 'Fix the heater', priority: 5 });
    expect((await screen.findByText('Fix the heater')).tagName).toBe('H1');
    expect(screen.getByTestId('priority').textContent).toBe('5');

    await rerender({ jobId: 'j2' });
    expect((await screen.findByText('Paint the fence')).tagName).toBe('H1');
    await settle();
    expect((await zeroViewCounts(app.z)).views).toBe(1);

    await rerender({ jobId: 'missing' });
    expect(await screen.findByText('Job not found')).toBeTruthy();
    unmount();
    await expectNothingLive();
  });

  test('shows loading while Zero is not ready, then the row', async () => {
    app.hideZero();
    render(JobDetail, { jobId: 'j2' });
    expect(screen.getByText('Loading…')).toBeTruthy();
    await settle(150);
    expect(screen.getByText('Loading…')).toBeTruthy();
    app.showZero();
    expect((await screen.findByRole('heading')).textContent).toBe('Paint the fence');
    cleanup();
    await expectNothingLive();
  });

  test('ReactiveQuery with subscribe, refresh and destroy(): list follows inserts and deletes', async () => {
    const { unmount } = render(JobList, { status: 'active' });
    expect((await screen.findByTestId('count')).textContent).toBe('2 jobs');
    const items = () => [...document.querySelectorAll('li')].map((li) => li.textContent);
    expect(items()).toEqual(['Fix the boiler', 'Paint the fence']);
    expect(Number(screen.getByTestId('updates').textContent)).toBeGreaterThanOrEqual(1);

    await app.z.mutate.jobs.insert({ id: 'j9', title: 'Mow the lawn', status: 'active', priority: 2 });
    await screen.findByText('Mow the lawn');
    expect(items()).toEqual(['Fix the boiler', 'Mow the lawn', 'Paint the fence']);
    await app.z.mutate.jobs.delete({ id: 'j1' });
    await settle();
    expect(items()).toEqual(['Mow the lawn', 'Paint the fence']);
    expect(screen.getByTestId('count').textContent).toBe('2 jobs');
    expect(Number(screen.getByTestId('updates').textContent)).toBeGreaterThanOrEqual(3);

    const before = Number(screen.getByTestId('updates').textContent);
    await fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await settle();
    expect(Number(screen.getByTestId('updates').textContent)).toBe(before + 1);
    expect(items()).toEqual(['Mow the lawn', 'Paint the fence']);

    unmount();
    await expectNothingLive();
  });

  test('a Svelte 4 (legacy mode) component fed by subscribe follows writes and leaves no view after unmount', async () => {
    const { unmount } = render(LegacyJobTitles, { status: 'active' });
    const items = () => [...document.querySelectorAll('li')].map((li) => li.textContent);
    await screen.findByText('Fix the boiler');
    expect(items()).toEqual(['Fix the boiler', 'Paint the fence']);
    expect(screen.queryByText('Loading…')).toBeNull();
    await app.z.mutate.jobs.insert({ id: 'j9', title: 'Mow the lawn', status: 'active', priority: 2 });
    await screen.findByText('Mow the lawn');
    expect(items()).toEqual(['Fix the boiler', 'Mow the lawn', 'Paint the fence']);
    expect((await zeroViewCounts(app.z)).views).toBe(1);
    unmount();
    await expectNothingLive();
  });
});
