import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/svelte';
import { createJob } from '$lib/zero';
import { renderAt, useApp } from './render-app';

function table(): string[][] {
  return screen.getAllByTestId('debug-row').map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''));
}

describe('debug page (/debug)', () => {
  useApp();

  it('lists every { name, query } pair with its row count', async () => {
    renderAt('/debug');
    await waitFor(() =>
      expect(table()).toEqual([
        ['jobs', '5 rows', 'ok'],
        ['active jobs', '2 rows', 'ok'],
        ['tasks', '4 rows', 'ok'],
        ['users', '2 rows', 'ok'],
        ['clients', '2 rows', 'ok'],
      ]),
    );
  });

  it('follows writes made elsewhere', async () => {
    renderAt('/debug');
    await waitFor(() => expect(table()[0]).toEqual(['jobs', '5 rows', 'ok']));
    await createJob({ id: 'job-new', title: 'New one', status: 'active', priority: 0 });
    await waitFor(() => expect(table()[0]).toEqual(['jobs', '6 rows', 'ok']));
    expect(table()[1]).toEqual(['active jobs', '3 rows', 'ok']);
  });
});
