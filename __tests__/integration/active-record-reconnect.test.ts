// zero-cache crashes (kill -9) and restarts under a live ActiveRecord app: SQL writes made while it
// was down reach subscribers after the restart, runtime writes made while disconnected reach
// PostgreSQL, and the connection states the app can observe are recorded. And from 'error', where
// Zero stops, the runtime's watchConnection reconnects by itself.
import { Zero, createBuilder, createSchema, string, table } from '@rocicorp/zero';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { queries } from '../../examples/stack/queries.ts';
import { stackTables } from '../../examples/stack/schema.ts';
import { ActiveJob } from './support/models.ts';
import { SYNC_MODE } from './support/mode.ts';
import { watchConnection, type ConnectionStateName, type ZeroSource } from '../../runtime/index.ts';
import { CrashScenario } from './support/crash-scenario.ts';
import { waitForValue, waitUntil } from '../support/wait.ts';
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
      await offlineRecord.update_bang({ title: 'edited offline' });
      expect(has(editedOffline, 'edited offline')(jobs.rows)).toBe(true);
      // A create while disconnected checks the key against this client's data and is queued at once, like an update.
      const createdJob = await ActiveJob.create_bang({ title: 'created while down', status: 'active' });
      const createdAt = performance.now();
      await jobs.until(has(createdJob.id, 'created while down'), 'the offline create in the live view, before zero-cache is back', 5_000);

      const readyMs = await crash.restart();
      const caughtUpAt = await jobs.until(
        (rows) => crash.caughtUp(rows) && has(editedOffline, 'edited offline')(rows),
        'catch-up after restart',
        60_000,
      );
      await connection.until('connected');
      const states = connection.since(statesBefore - 1);
      console.log(
        `ActiveJob subscribers after zero-cache kill -9: ${crash.describe(caughtUpAt, readyMs)}; ` +
          `create while down resolved ${(crash.readyAt - createdAt).toFixed(0)} ms before zero-cache was ready; states: ${states.join(' > ')}`,
      );

      await waitUntil(
        'the offline edit in PostgreSQL',
        async () => (await sql`SELECT title FROM jobs WHERE id = ${editedOffline}`)[0]?.title === 'edited offline',
      );
      await waitUntil(
        'the job created while down in PostgreSQL',
        async () => (await sql`SELECT title FROM jobs WHERE id = ${createdJob.id}`)[0]?.title === 'created while down',
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

describe("the runtime's reconnect from 'error'", () => {
  it('retries with backoff until zero-cache accepts a client that Zero left in error', async () => {
    const lateArrivals = table('late_arrivals').columns({ id: string(), note: string().optional() }).primaryKey('id');
    const updatesNeeded: string[] = [];
    // A client whose schema names a table zero-cache does not replicate yet: zero-cache refuses it
    // and Zero stops in 'error', where Zero itself never retries. onUpdateNeeded replaces Zero's
    // default page reload, whose pending timer makes Zero 1.9's run loop spin without yielding
    // (out of memory) as soon as any client of the page is 'connecting' (see the report of issue 4).
    const common = { userID: 'late-user', cacheURL: session().stack.cacheUrl, kvStore: 'mem', logLevel: 'error' } as const;
    const onUpdateNeeded = (reason: { type: string }): void => void updatesNeeded.push(reason.type);
    let served = false;
    const markServed = (_rows: unknown, resultType: string): void => {
      served ||= resultType === 'complete';
    };
    let z: ZeroSource & { close(): Promise<void> };
    if (SYNC_MODE === 'legacy') {
      const lateSchema = createSchema({ tables: [lateArrivals], enableLegacyQueries: true });
      const legacyClient = new Zero({ ...common, schema: lateSchema, onUpdateNeeded });
      legacyClient.materialize(createBuilder(lateSchema).late_arrivals).addListener(markServed);
      z = legacyClient as unknown as typeof z;
    } else {
      // Modern: the stack's tables plus the late one, no legacy flag; served once a named query answers.
      const lateSchema = createSchema({ tables: [...stackTables.tables, lateArrivals], relationships: stackTables.relationships });
      const modernClient = new Zero({ ...common, auth: common.userID, schema: lateSchema, onUpdateNeeded });
      modernClient.materialize(queries.jobs.byStatus('active') as unknown as Parameters<typeof modernClient.materialize>[0]).addListener(markServed);
      z = modernClient as unknown as typeof z;
    }
    const seen: ConnectionStateName[] = [];
    const stop = watchConnection((state) => seen.push(state), { source: z, retry: { initialMs: 200, maxMs: 1_000 } });
    try {
      await waitUntil("the client in 'error'", async () => seen.includes('error'));
      // The migration lands; nobody calls connect(): the runtime's retries do, until one succeeds.
      await session().sql`CREATE TABLE late_arrivals (id text PRIMARY KEY, note text)`;
      await waitUntil('the runtime-driven reconnect', async () => seen.at(-1) === 'connected' && served, { timeoutMs: 60_000 });
      console.log(`runtime retry from 'error': ${seen.join(' > ')}; onUpdateNeeded: ${updatesNeeded.join(', ') || 'not called'}`);
      expect(seen.slice(seen.indexOf('error'))).toEqual(expect.arrayContaining(['error', 'connecting', 'connected']));
    } finally {
      stop();
      await z.close();
    }
  });
});
