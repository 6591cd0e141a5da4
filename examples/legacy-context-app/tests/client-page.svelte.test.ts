import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import { renderAt, useApp } from './render-app';

describe('client page (/clients/:id)', () => {
  useApp();

  it("shows the client and its jobs", async () => {
    renderAt('/clients/client-acme');
    expect(await screen.findByRole('heading', { level: 1, name: 'Acme Corp' })).toBeTruthy();
    expect(screen.getByText('Springfield')).toBeTruthy();
    expect(screen.getByTestId('client-jobs').textContent).toBe('2 open of 2 jobs');
    expect(screen.getAllByRole('link', { name: /roof|fence/ }).map((a) => a.textContent).sort()).toEqual([
      'Fix the roof',
      'Paint the fence',
    ]);
  });

  it('renames the client (updateClient from a handler)', async () => {
    renderAt('/clients/client-globex');
    await screen.findByRole('heading', { level: 1, name: 'Globex' });
    expect(screen.getByTestId('client-jobs').textContent).toBe('1 open of 2 jobs');
    await fireEvent.click(screen.getByRole('button', { name: 'Rename' }));
    await fireEvent.input(screen.getByLabelText('Client name'), { target: { value: 'Globex Corporation' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Globex Corporation'));
  });

  it('reports an unknown client', async () => {
    renderAt('/clients/nobody');
    expect(await screen.findByText('Client not found')).toBeTruthy();
  });
});
