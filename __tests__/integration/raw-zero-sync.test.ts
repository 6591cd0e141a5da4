// The sync path itself, with a raw Zero client: PostgreSQL writes (as Rails makes them) ->
// zero-cache -> Zero view listeners, including a zero-cache crash and restart.
import { createBuilder } from '@rocicorp/zero';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queries } from '../../examples/stack/queries.ts';
import { schema } from '../../examples/stack/schema.ts';
import { commitToListenerLatency } from './support/commit-latency.ts';
import { SYNC_MODE } from './support/mode.ts';
import { CrashScenario } from './support/crash-scenario.ts';
import { has, lacks } from './support/rows.ts';
import { startStackSession, type StackSession } from './support/stack-session.ts';
import { newId } from './support/stack-zero.ts';
import { describeLatency } from './support/stats.ts';
import { ViewWaiter } from './support/view-waiter.ts';

const zql = createBuilder(schema);
type JobRow = { id: string; title: string; status: string; priority: number | null; created_at: number | null };

let env: StackSession;
let activeJobs: ViewWaiter<JobRow>;

beforeAll(async () => {
  env = await startStackSession();
  // Legacy: a client-built query; modern: the same query as a named query the endpoint builds.
  const activeQuery =
    SYNC_MODE === 'legacy' ? zql.jobs.where('status', 'active').orderBy('created_at', 'asc').orderBy('id', 'asc') : queries.jobs.byStatus('active');
  const view = env.z.materialize(activeQuery as Parameters<typeof env.z.materialize>[0], { ttl: '1m' });
  activeJobs = new ViewWaiter<JobRow>({
    subscribe: (listener) => {
      view.addListener((rows) => listener(rows as readonly JobRow[]));
      return () => view.destroy();
    },
  });
});

afterAll(async () => {
  activeJobs?.close();
  await env?.close();
});

describe('PostgreSQL writes reach a live Zero view through zero-cache', () => {
  it('an INSERT, UPDATE and DELETE made with SQL each show up in the view', async () => {
    const { sql } = env;
    const id = newId();
    await sql`INSERT INTO jobs (id, title, status, priority) VALUES (${id}, 'Paint the fence', 'active', 2)`;
    await activeJobs.until(has(id, 'Paint the fence'), `insert of ${id}`);
    const row = activeJobs.rows.find((r) => r.id === id);
    expect(row).toMatchObject({ id, title: 'Paint the fence', status: 'active', priority: 2 });
    // Rails' timestamp(6) column arrives as epoch milliseconds, set by PostgreSQL's DEFAULT now().
    expect(typeof row?.created_at).toBe('number');
    expect(Math.abs((row?.created_at ?? 0) - Date.now())).toBeLessThan(60_000);

    await sql`UPDATE jobs SET title = 'Paint the fence twice', updated_at = now() WHERE id = ${id}`;
    await activeJobs.until(has(id, 'Paint the fence twice'), `update of ${id}`);

    await sql`UPDATE jobs SET status = 'done' WHERE id = ${id}`;
    await activeJobs.until(lacks(id), `${id} leaving the status=active view`);

    await sql`UPDATE jobs SET status = 'active' WHERE id = ${id}`;
    await activeJobs.until(has(id), `${id} re-entering the view`);
    await sql`DELETE FROM jobs WHERE id = ${id}`;
    await activeJobs.until(lacks(id), `delete of ${id}`);
  });

  it('measures commit -> listener latency over 40 operations', async () => {
    const { fromCommit, fromSend } = await commitToListenerLatency(env.sql, activeJobs);
    console.log(`commit -> listener latency (raw Zero view, ${SYNC_MODE}): ${describeLatency(fromCommit)}`);
    expect(fromCommit).toHaveLength(40);
    // Each sample is the view reacting to its own write: never before the statement was sent. (From the commit it can be
    // negative, by as long as postgres.js's resolution waited behind other work: 56 ms once on a loaded CI machine.)
    expect(Math.min(...fromSend)).toBeGreaterThan(0);
  });
});

describe('zero-cache crash and restart', () => {
  it('reports the connection states and catches up on writes made while zero-cache was down', async () => {
    const { sql, stack, connection } = env;
    const crash = new CrashScenario(sql, stack, connection);
    await crash.seed();
    await activeJobs.until(crash.seeded, 'rows written before the crash');
    const statesBefore = connection.names.length;

    await crash.crash();
    await crash.writeWhileDown();
    // Nothing can reach the client while zero-cache is down.
    expect(has(crash.added)(activeJobs.rows)).toBe(false);
    expect(has(crash.deleted)(activeJobs.rows)).toBe(true);

    const readyMs = await crash.restart();
    const caughtUpAt = await activeJobs.until(crash.caughtUp, 'catch-up after restart', 60_000);
    await connection.until('connected');
    const states = connection.since(statesBefore - 1);
    console.log(`raw Zero view (${SYNC_MODE}) after zero-cache kill -9: ${crash.describe(caughtUpAt, readyMs)}; states: ${states.join(' > ')}`);
    expect(states).toEqual(expect.arrayContaining(['connected', 'connecting']));
    expect(connection.names.at(-1)).toBe('connected');

    // And the live path works again after the restart.
    const after = newId();
    await sql`INSERT INTO jobs (id, title, status) VALUES (${after}, 'after restart', 'active')`;
    await activeJobs.until(has(after), 'insert after restart');
  });
});
