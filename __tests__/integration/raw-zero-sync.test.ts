// The sync path itself, with a raw Zero client: PostgreSQL writes (as Rails makes them) ->
// zero-cache -> Zero view listeners, including a zero-cache crash and restart.
import { createBuilder, type Zero } from '@rocicorp/zero';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../examples/stack/schema.ts';
import { startStack, type Stack } from '../../scripts/stack/start-stack.ts';
import { ConnectionLog } from './support/connection-log.ts';
import { newId, stackZero } from './support/stack-zero.ts';
import { describeLatency } from './support/stats.ts';
import { ViewWaiter } from './support/view-waiter.ts';

const zql = createBuilder(schema);
type JobRow = { id: string; title: string; status: string; priority: number | null; created_at: number | null };

let stack: Stack;
let sql: postgres.Sql;
let z: Zero<typeof schema>;
let connection: ConnectionLog;
let activeJobs: ViewWaiter<JobRow>;

beforeAll(async () => {
  stack = await startStack();
  console.log('stack start (ms):', JSON.stringify(stack.timings));
  sql = postgres(stack.pgUrl, { max: 2, onnotice: () => {} });
  z = stackZero(stack);
  connection = new ConnectionLog(z.connection.state);
  const view = z.materialize(zql.jobs.where('status', 'active').orderBy('created_at', 'asc').orderBy('id', 'asc'), {
    ttl: '1m',
  });
  activeJobs = new ViewWaiter<JobRow>({
    subscribe: (listener) => {
      view.addListener((rows) => listener(rows as readonly JobRow[]));
      return () => view.destroy();
    },
  });
  await connection.until('connected');
});

afterAll(async () => {
  activeJobs?.close();
  connection?.close();
  await z?.close();
  await sql?.end();
  await stack?.stop();
});

const has = (id: string, title?: string) => (rows: readonly JobRow[]) =>
  rows.some((r) => r.id === id && (title === undefined || r.title === title));
const lacks = (id: string) => (rows: readonly JobRow[]) => !rows.some((r) => r.id === id);

describe('PostgreSQL writes reach a live Zero view through zero-cache', () => {
  it('an INSERT, UPDATE and DELETE made with SQL each show up in the view', async () => {
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
    const samples: number[] = [];
    for (let i = 0; i < 20; i++) {
      const id = newId();
      const inserted = activeJobs.until(has(id), `insert ${i}`);
      await sql`INSERT INTO jobs (id, title, status, priority) VALUES (${id}, ${`latency ${i}`}, 'active', ${i})`;
      const committed = performance.now();
      samples.push((await inserted) - committed);

      const left = activeJobs.until(lacks(id), `status change ${i}`);
      await sql`UPDATE jobs SET status = 'done' WHERE id = ${id}`;
      const updated = performance.now();
      samples.push((await left) - updated);
    }
    console.log(`commit -> listener latency (raw Zero view): ${describeLatency(samples)}`);
    expect(samples).toHaveLength(40);
    // A listener can fire before postgres.js resolves the commit promise: negative is possible, tiny.
    expect(Math.min(...samples)).toBeGreaterThan(-50);
  });
});

describe('zero-cache crash and restart', () => {
  it('reports the connection states and catches up on writes made while zero-cache was down', async () => {
    const keep = newId();
    const gone = newId();
    await sql`INSERT INTO jobs (id, title, status) VALUES (${keep}, 'before crash', 'active'), (${gone}, 'to delete', 'active')`;
    await activeJobs.until((rows) => has(keep)(rows) && has(gone)(rows), 'rows written before the crash');
    const statesBefore = connection.names.length;

    await stack.stopZeroCache('SIGKILL');
    const killedAt = performance.now();
    await connection.until('connecting');

    const added = newId();
    await sql`INSERT INTO jobs (id, title, status) VALUES (${added}, 'written while down', 'active')`;
    await sql`UPDATE jobs SET title = 'changed while down' WHERE id = ${keep}`;
    await sql`DELETE FROM jobs WHERE id = ${gone}`;
    // Nothing can reach the client while zero-cache is down.
    expect(has(added)(activeJobs.rows)).toBe(false);
    expect(has(gone)(activeJobs.rows)).toBe(true);

    const readyMs = await stack.startZeroCache();
    const readyAt = performance.now();
    const caughtUpAt = await activeJobs.until(
      (rows) => has(added, 'written while down')(rows) && has(keep, 'changed while down')(rows) && lacks(gone)(rows),
      'catch-up after restart',
      60_000,
    );
    await connection.until('connected');
    console.log(
      `zero-cache restart: ready in ${readyMs} ms; view caught up ${(caughtUpAt - readyAt).toFixed(0)} ms after ready, ` +
        `${((caughtUpAt - killedAt) / 1000).toFixed(1)} s after the kill; states: ${connection.since(statesBefore - 1).join(' > ')}`,
    );
    expect(connection.since(statesBefore - 1)).toEqual(expect.arrayContaining(['connected', 'connecting']));
    expect(connection.names.at(-1)).toBe('connected');

    // And the live path works again after the restart.
    const after = newId();
    await sql`INSERT INTO jobs (id, title, status) VALUES (${after}, 'after restart', 'active')`;
    await activeJobs.until(has(after), 'insert after restart');
  });
});
