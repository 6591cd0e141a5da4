// zero-cache crashes (kill -9) and restarts under a live ActiveRecord app: SQL writes made while it
// was down reach subscribers after the restart, runtime writes made while disconnected reach
// PostgreSQL, and the connection states the app can observe are recorded.
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { ActiveJob } from '../../examples/stack/models.ts';
import { watchConnection, type ConnectionStateName } from '../../runtime/index.ts';
import { CrashScenario } from './support/crash-scenario.ts';
import { eventually } from './support/eventually.ts';
import { has } from './support/rows.ts';
import { useRuntimeStack } from './support/runtime-stack.ts';
import { newId } from './support/stack-zero.ts';
import { ViewWaiter } from './support/view-waiter.ts';

type Job = Awaited<ReturnType<typeof ActiveJob.create>>;

const session = useRuntimeStack();

describe('zero-cache crash and restart under ActiveJob subscribers', () => {
  it('catches up on SQL writes and delivers runtime writes made while disconnected', async () => {
    const { sql, stack, connection } = session();
    const crash = new CrashScenario(sql, stack, connection);
    await crash.seed();
    const editedOffline = newId();
    await sql`INSERT INTO jobs (id, title, status) VALUES (${editedOffline}, 'edit me offline', 'active')`;
    const jobs = new ViewWaiter<Job>(ActiveJob.active());
    try {
      await jobs.until((rows) => crash.seeded(rows) && has(editedOffline)(rows), 'rows written before the crash');
      const offlineRecord = await ActiveJob.find(editedOffline);
      const statesBefore = connection.names.length;
      // What the app sees through the runtime (watchConnection), next to Zero's own states.
      const runtimeStates: ConnectionStateName[] = [];
      const stopWatching = watchConnection((state) => runtimeStates.push(state));

      await crash.crash();
      await crash.writeWhileDown();
      // Through the runtime, while disconnected: the update applies locally at once (optimistic).
      await offlineRecord.update({ title: 'edited offline' });
      expect(has(editedOffline, 'edited offline')(jobs.rows)).toBe(true);
      // A create first checks (with zero-cache's authoritative answer) that the key is free, so it
      // can only finish once zero-cache is back.
      const created = ActiveJob.create({ title: 'created while down', status: 'active', created_at: Date.now(), updated_at: Date.now() });

      const readyMs = await crash.restart();
      const caughtUpAt = await jobs.until(
        (rows) => crash.caughtUp(rows) && has(editedOffline, 'edited offline')(rows),
        'catch-up after restart',
        60_000,
      );
      const createdJob = await created;
      const createdAt = performance.now();
      await connection.until('connected');
      const states = connection.since(statesBefore - 1);
      console.log(
        `ActiveJob subscribers after zero-cache kill -9: ${crash.describe(caughtUpAt, readyMs)}; ` +
          `create pending while down resolved ${(createdAt - crash.readyAt).toFixed(0)} ms after ready; states: ${states.join(' > ')}`,
      );

      await eventually(
        async () => ((await sql`SELECT title FROM jobs WHERE id = ${editedOffline}`)[0]?.title === 'edited offline' ? true : undefined),
        'the offline edit in PostgreSQL',
      );
      await eventually(
        async () => ((await sql`SELECT title FROM jobs WHERE id = ${createdJob.id}`)[0]?.title === 'created while down' ? true : undefined),
        'the job created while down in PostgreSQL',
      );
      expect(states).toEqual(expect.arrayContaining(['connected', 'connecting']));
      expect(connection.names.at(-1)).toBe('connected');
      stopWatching();
      expect(runtimeStates).toEqual(states);
    } finally {
      jobs.close();
    }
  });
});
