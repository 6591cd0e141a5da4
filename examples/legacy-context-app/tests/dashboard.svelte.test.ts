import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/svelte';
import { renderAt, useApp } from './render-app';

describe('dashboard (/)', () => {
  useApp();

  it('greets the signed-in user and shows the job counts', async () => {
    renderAt('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Hi Ada Lovelace' })).toBeTruthy();
    expect(screen.getByTestId('total').textContent).toBe('5');
    expect(screen.getByTestId('active').textContent).toBe('2');
    expect(screen.getByTestId('on-hold').textContent).toBe('1');
    expect(screen.getByTestId('done').textContent).toBe('1');
  });

  it("lists the user's open jobs and the newest jobs", async () => {
    renderAt('/');
    await screen.findByText('Hi Ada Lovelace');
    const mine = within(screen.getByTestId('mine')).getAllByRole('link').map((a) => a.textContent);
    expect(mine).toEqual(['Fix the roof']);
    const newest = within(screen.getByTestId('newest')).getAllByRole('listitem').map((li) => li.textContent?.trim());
    expect(newest).toEqual(['Clean gutters Active', 'Rewire kitchen Done', 'Paint the fence Draft']);
  });

  it('shows the active-jobs badge in the nav', async () => {
    renderAt('/');
    expect((await screen.findByTestId('active-badge')).textContent).toBe('2');
  });
});
