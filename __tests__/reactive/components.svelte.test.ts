import { describe, expect, test } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { configureZero } from '../../runtime/index.ts';
import { zeroViewCounts } from '../support/zero-views.ts';
import { ReactiveJob, useZero } from './models.ts';
import JobTitle from './components/JobTitle.svelte';
import ActiveJobs from './components/ActiveJobs.svelte';
import ConnectionBadge from './components/ConnectionBadge.svelte';
import JobErrorsList from './components/JobErrorsList.svelte';
import { settle } from './effects.svelte.ts';
import { waitUntil } from '../support/wait.ts';

const ctx = useZero();
async function expectNothingLive(): Promise<void> {
  await settle();
  const counts = await zeroViewCounts(ctx.z);
  expect(counts).toMatchObject({ views: 0, totalConnections: 0 });
}

describe('a component showing ReactiveJob.find(id).title', () => {
  test('renders the title, follows writes, and leaves no Zero view after unmount', async () => {
    const { unmount } = render(JobTitle, { id: 'j1' });
    expect((await screen.findByRole('heading')).textContent).toBe('Fix the boiler');
    expect((await zeroViewCounts(ctx.z)).views).toBe(1);

    await ReactiveJob.update('j1', { title: 'Fix the heater' });
    expect((await screen.findByRole('heading')).textContent).toBe('Fix the heater');

    await fireEvent.click(screen.getByRole('button', { name: 'Mark Fix the heater done' }));
    await settle();
    expect(ReactiveJob.find('j1').status).toBe('done');

    unmount();
    await expectNothingLive();
  });

  test('shows the RecordNotFoundError of a missing id, then the record once it is created', async () => {
    render(JobTitle, { id: 'j7' });
    expect((await screen.findByRole('alert')).textContent).toBe(`Couldn't find Job with 'id'="j7"`);
    await ReactiveJob.create({ id: 'j7', title: 'Late arrival' });
    expect((await screen.findByRole('heading')).textContent).toBe('Late arrival');
    cleanup();
    await expectNothingLive();
  });

  test('switching the id moves to the new record and releases the old view', async () => {
    const { rerender, unmount } = render(JobTitle, { id: 'j1' });
    await screen.findByText('Fix the boiler');
    await rerender({ id: 'j2' });
    expect((await screen.findByRole('heading')).textContent).toBe('Paint the fence');
    await settle();
    expect((await zeroViewCounts(ctx.z)).views).toBe(1);
    unmount();
    await expectNothingLive();
  });
});

describe('a component listing a scope', () => {
  test('shows the scope with associations, follows inserts, updates and deletes, keeps DOM of unchanged rows', async () => {
    const { unmount } = render(ActiveJobs, {});
    expect((await screen.findByTestId('count')).textContent).toBe('3 active');
    const items = () => [...document.querySelectorAll('li')].map((li) => li.textContent);
    expect(items()).toEqual(['Fix the boiler for Acme', 'Paint the fence for Globex', 'Mow the lawn for Acme']);
    const fence = document.querySelector('li[data-id="j2"]');

    await ReactiveJob.update('j1', { title: 'Fix the heater' });
    await screen.findByText('Fix the heater for Acme');
    expect(document.querySelector('li[data-id="j2"]')).toBe(fence);

    await ReactiveJob.create({ id: 'j5', title: 'Wash the windows', status: 'active', client_id: 'c2' });
    await screen.findByText('Wash the windows for Globex');
    await ReactiveJob.destroy('j4');
    await settle();
    expect(items()).toEqual(['Fix the heater for Acme', 'Paint the fence for Globex', 'Wash the windows for Globex']);
    expect(screen.getByTestId('count').textContent).toBe('3 active');

    unmount();
    await expectNothingLive();
  });

  test('100+ reactive records on a page stay on one Zero view', async () => {
    for (let i = 0; i < 120; i++) await ReactiveJob.upsert({ id: `p${String(i).padStart(3, '0')}`, title: `Page job ${i}`, status: 'active', client_id: 'c1' });
    const { unmount } = render(ActiveJobs, { clientId: 'c1' });
    expect((await screen.findByTestId('count')).textContent).toBe('122 active');
    expect(document.querySelectorAll('li')).toHaveLength(122);
    const counts = await zeroViewCounts(ctx.z);
    expect(counts.views).toBe(1);
    await ReactiveJob.update('p050', { title: 'Changed' });
    await screen.findByText('Changed for Acme');
    unmount();
    await expectNothingLive();
  });
});

describe('a component listing records with their errors (a form per row)', () => {
  test('a failed save shows each row\'s errors and its dirty state inside {#each}, and a good one clears them', async () => {
    // Each row's errors are read before the row has a state: the read makes it inside the row's template effect, and
    // Svelte does not track a state cell in the reaction that created it; the row must still show the later errors.
    const { unmount } = render(JobErrorsList, { clientId: 'c1' });
    const text = (testId: string) => screen.getByTestId(testId).textContent;
    await screen.findByTestId('errors-j1');
    expect([text('errors-j1'), text('state-j1'), text('errors-j3'), text('state-j3')]).toEqual(['', 'unchanged', '', 'unchanged']);

    await fireEvent.click(screen.getByRole('button', { name: 'Clear j1' }));
    await settle();
    expect([text('errors-j1'), text('state-j1')]).toEqual(["Title can't be blank", 'changed']);
    expect([text('errors-j3'), text('state-j3')]).toEqual(['', 'unchanged']);

    await fireEvent.click(screen.getByRole('button', { name: 'Clear j3' }));
    await settle();
    expect([text('errors-j3'), text('state-j3')]).toEqual(["Title can't be blank", 'changed']);

    await fireEvent.click(screen.getByRole('button', { name: 'Fix j1' }));
    await waitUntil('the saved row to show no errors', () => expect([text('errors-j1'), text('state-j1')]).toEqual(['', 'unchanged']));
    expect(ReactiveJob.find_by({ id: 'j1' }).title).toBe('Fixed j1');

    unmount();
    await expectNothingLive();
  });
});

test('the connection state is readable in a template and follows Zero', async () => {
  configureZero(() => ctx.z);
  try {
    render(ConnectionBadge);
    expect(screen.getByTestId('connection').textContent).toBe('disconnected'); // a local Zero has no server
    await ctx.z.close();
    await settle();
    expect(screen.getByTestId('connection').textContent).toBe('closed');
    cleanup();
  } finally {
    configureZero(undefined);
  }
});
