// The Svelte 5 flavour over the real sync path, in a mounted component (jsdom): SQL writes reach
// ReactiveJob records and collections (with included associations), and the connection state the
// component shows follows a zero-cache crash and restart.
import { cleanup, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { CrashScenario } from './support/crash-scenario.ts';
import { useRuntimeStack } from './support/runtime-stack.ts';
import { newId } from './support/stack-zero.ts';
import LiveBoard from './components/LiveBoard.svelte';

const session = useRuntimeStack();
const LONG = { timeout: 30_000 };

describe('a component on ReactiveJob over zero-cache', () => {
  it('shows rows written with SQL, follows updates of the record and of its associations', async () => {
    const { sql } = session();
    const jobId = newId();
    const clientId = newId();
    render(LiveBoard, { jobId });
    expect((await screen.findByRole('heading', {}, LONG)).textContent).toBe('no such job');

    await sql.begin(async (tx) => {
      await tx`INSERT INTO clients (id, name) VALUES (${clientId}, 'Initech')`;
      await tx`INSERT INTO jobs (id, title, status, client_id) VALUES (${jobId}, 'Replace the boiler', 'active', ${clientId})`;
    });
    expect((await screen.findByRole('heading', { name: 'Replace the boiler' }, LONG)).tagName).toBe('H1');
    expect(await screen.findByText('Replace the boiler for Initech', {}, LONG)).toBeTruthy();

    await sql`UPDATE jobs SET title = 'Replace the boiler today' WHERE id = ${jobId}`;
    expect(await screen.findByRole('heading', { name: 'Replace the boiler today' }, LONG)).toBeTruthy();
    await sql`UPDATE clients SET name = 'Initrode' WHERE id = ${clientId}`;
    expect(await screen.findByText('Replace the boiler today for Initrode', {}, LONG)).toBeTruthy();

    await sql`DELETE FROM jobs WHERE id = ${jobId}`;
    expect(await screen.findByRole('heading', { name: 'no such job' }, LONG)).toBeTruthy();
    cleanup();
  });

  it('shows the connection state through a crash, and catches up after the restart', async () => {
    const { sql, stack, connection } = session();
    const crash = new CrashScenario(sql, stack, connection);
    await crash.seed();
    render(LiveBoard, { jobId: crash.renamed });
    expect(await screen.findByRole('heading', { name: 'before crash' }, LONG)).toBeTruthy();
    expect(screen.getByTestId('connection').textContent).toBe('connected');

    await crash.crash();
    await crash.writeWhileDown();
    expect((await screen.findByText('connecting', {}, LONG)).dataset.testid).toBe('connection');
    expect(screen.getByRole('heading').textContent).toBe('before crash');

    await crash.restart();
    expect(await screen.findByRole('heading', { name: 'renamed while down' }, { timeout: 60_000 })).toBeTruthy();
    expect(await screen.findByText('added while down for nobody', {}, LONG)).toBeTruthy();
    expect(screen.queryByText('to delete for nobody')).toBeNull();
    expect((await screen.findByText('connected', {}, LONG)).dataset.testid).toBe('connection');
    cleanup();
  });
});
