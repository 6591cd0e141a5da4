// zero-cache crashes (kill -9) and restarts under a live ActiveRecord app: SQL writes made while it
// was down reach subscribers after the restart, runtime writes made while disconnected reach
// PostgreSQL, and the connection states the app can observe are recorded.
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActiveJob } from '../../examples/stack/models.ts';
import { eventually } from './support/eventually.ts';
import { startRuntimeStack, type RuntimeStack } from './support/runtime-stack.ts';
import { newId } from './support/stack-zero.ts';
import { ViewWaiter } from './support/view-waiter.ts';

type Job = Awaited<ReturnType<typeof ActiveJob.create>>;

let env: RuntimeStack;
beforeAll(async () => {
  env = await startRuntimeStack();
});
afterAll(async () => {
  await env?.close();
});

const find = (rows: readonly Job[], id: string) => rows.find((r) => r.id === id);

describe('zero-cache crash and restart under ActiveJob subscribers', () => {
  it('catches up on SQL writes and delivers runtime writes made while disconnected', async () => {
    const { sql, stack, connection } = env;
    const [renamed, deleted, editedOffline] = [newId(), newId(), newId()];
    await sql`INSERT INTO jobs (id, title, status) VALUES
      (${renamed}, 'before crash', 'active'), (${deleted}, 'to delete', 'active'), (${editedOffline}, 'edit me offline', 'active')`;
    const jobs = new ViewWaiter<Job>(ActiveJob.active());
    try {
      await jobs.until((rows) => [renamed, deleted, editedOffline].every((id) => find(rows, id)), 'rows written before the crash');
      const offlineRecord = await ActiveJob.find(editedOffline);
      const statesBefore = connection.names.length;

      await stack.stopZeroCache('SIGKILL');
      const killedAt = performance.now();
      await connection.until('connecting');

      // As Rails would, while zero-cache is down.
      const added = newId();
      await sql`INSERT INTO jobs (id, title, status) VALUES (${added}, 'added while down', 'active')`;
      await sql`UPDATE jobs SET title = 'renamed while down' WHERE id = ${renamed}`;
      await sql`DELETE FROM jobs WHERE id = ${deleted}`;

      // Through the runtime, while disconnected: the update applies locally at once (optimistic).
      await offlineRecord.update({ title: 'edited offline' });
      expect(find(jobs.rows, editedOffline)?.title).toBe('edited offline');
      // A create first checks (with zero-cache's authoritative answer) that the key is free, so it
      // can only finish once zero-cache is back.
      const created = ActiveJob.create({ title: 'created while down', status: 'active', created_at: Date.now(), updated_at: Date.now() });

      const readyMs = await stack.startZeroCache();
      const readyAt = performance.now();
      const caughtUpAt = await jobs.until(
        (rows) =>
          find(rows, added)?.title === 'added while down' &&
          find(rows, renamed)?.title === 'renamed while down' &&
          !find(rows, deleted) &&
          find(rows, editedOffline)?.title === 'edited offline',
        'catch-up after restart',
        60_000,
      );
      const createdJob = await created;
      const createdAt = performance.now();
      await connection.until('connected');
      console.log(
        `ActiveJob after zero-cache kill -9: ready in ${readyMs} ms; subscribers caught up ${(caughtUpAt - readyAt).toFixed(0)} ms after ready ` +
          `(${((caughtUpAt - killedAt) / 1000).toFixed(1)} s after the kill); create pending while down resolved ${(createdAt - readyAt).toFixed(0)} ms after ready; ` +
          `states: ${connection.since(statesBefore - 1).join(' > ')}`,
      );

      await eventually(
        async () => ((await sql`SELECT title FROM jobs WHERE id = ${editedOffline}`)[0]?.title === 'edited offline' ? true : undefined),
        'the offline edit in PostgreSQL',
      );
      await eventually(
        async () => ((await sql`SELECT title FROM jobs WHERE id = ${createdJob.id}`)[0]?.title === 'created while down' ? true : undefined),
        'the job created while down in PostgreSQL',
      );
      expect(connection.since(statesBefore - 1)).toEqual(expect.arrayContaining(['connected', 'connecting']));
      expect(connection.names.at(-1)).toBe('connected');
    } finally {
      jobs.close();
    }
  });
});
