// The runtime (ActiveRecord flavour) over the real sync path: SQL writes (as Rails makes them)
// reach subscribers, runtime writes reach PostgreSQL, includes load associations.
import { describe, expect, it } from 'vitest';
import { ActiveClient, ActiveJob, ActiveTask } from './support/models.ts';
import { commitToListenerLatency } from './support/commit-latency.ts';
import { waitForValue, waitUntil } from '../support/wait.ts';
import { has, lacks } from './support/rows.ts';
import { useSharedRuntimeStack } from './support/runtime-stack.ts';
import { newId } from './support/stack-zero.ts';
import { describeLatency } from './support/stats.ts';
import { ViewWaiter, type Watchable } from './support/view-waiter.ts';

type Job = Awaited<ReturnType<typeof ActiveJob.create>>;
type Client = Awaited<ReturnType<typeof ActiveClient.create>>;
type Task = Awaited<ReturnType<typeof ActiveTask.create>>;
// includes() adds association properties the runtime's types do not describe (yet).
type JobWithAssociations = Job & { client: Client | null; tasks: Task[] };

// Shares its mode's stack: it neither stops zero-cache nor needs endpoints of its own.
const session = useSharedRuntimeStack();

describe('ActiveJob.where(...).subscribe sees writes made with SQL', () => {
  it('delivers inserts, updates and deletes as records', async () => {
    const { sql } = session();
    const jobs = new ViewWaiter<Job>(ActiveJob.active().order({ created_at: 'asc' }));
    try {
      const id = newId();
      await sql`INSERT INTO jobs (id, title, status) VALUES (${id}, 'Fix the roof', 'active')`;
      await jobs.until(has(id, 'Fix the roof'), 'SQL insert');
      const record = jobs.rows.find((r) => r.id === id)!;
      expect(typeof record.update).toBe('function'); // a record, not a bare row
      expect(record.status).toBe('active');

      await sql`UPDATE jobs SET title = 'Fix the roof again' WHERE id = ${id}`;
      await jobs.until(has(id, 'Fix the roof again'), 'SQL update');
      await sql`UPDATE jobs SET status = 'done' WHERE id = ${id}`;
      await jobs.until(lacks(id), 'leaving the active() scope');
      await sql`UPDATE jobs SET status = 'active' WHERE id = ${id}`;
      await jobs.until(has(id), 're-entering the active() scope');
      await sql`DELETE FROM jobs WHERE id = ${id}`;
      await jobs.until(lacks(id), 'SQL delete');
    } finally {
      jobs.close();
    }
  });

  it('measures commit -> subscriber latency over 40 operations', async () => {
    const jobs = new ViewWaiter<Job>(ActiveJob.active());
    try {
      const { fromCommit, fromSend } = await commitToListenerLatency(session().sql, jobs);
      console.log(`commit -> listener latency (ActiveJob.subscribe): ${describeLatency(fromCommit)}`);
      expect(fromCommit).toHaveLength(40);
      expect(Math.min(...fromSend)).toBeGreaterThan(0);
    } finally {
      jobs.close();
    }
  });
});

describe('writes through the runtime reach PostgreSQL', () => {
  it('create, update and destroy', async () => {
    const { sql } = session();
    // No timestamps given: the runtime sets them, as Rails does (the columns are NOT NULL).
    const client = await ActiveClient.create_bang({ name: 'Acme' });
    const job = await ActiveJob.create_bang({ title: 'Paint the hall', status: 'active', client_id: client.id, priority: 3 });
    expect(job.id).toMatch(/^[0-9a-f-]{36}$/);

    const stored = await waitForValue(
      'the created job in PostgreSQL',
      async () => (await sql`SELECT title, status, priority, client_id, created_at, updated_at FROM jobs WHERE id = ${job.id}`)[0],
    );
    expect(stored).toMatchObject({ title: 'Paint the hall', status: 'active', priority: 3, client_id: client.id });
    expect(Math.abs((stored.created_at as Date).getTime() - Date.now())).toBeLessThan(60_000);

    // zero-cache checks a legacy CRUD update against the row in its replica (the write authorizer's pre-mutation row),
    // which trails PostgreSQL: an update sent before the replica has the create fails Zero's connection. A row written
    // after the create and seen by this client means the replica has the create too (replication keeps commit order).
    const marker = newId();
    await sql`INSERT INTO clients (id, name) VALUES (${marker}, 'replication marker')`;
    const markers = new ViewWaiter(ActiveClient.where({ id: marker }));
    try {
      await markers.until((rows) => rows.some((r) => r.id === marker), 'a row written after the create, synced to this client');
    } finally {
      markers.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 20)); // so that updated_at can move
    await job.update_bang({ title: 'Paint the hall blue' });
    const updated = await waitForValue(
      'the update in PostgreSQL',
      async () => (await sql`SELECT title, updated_at FROM jobs WHERE id = ${job.id} AND title = 'Paint the hall blue'`)[0],
    );
    expect((updated.updated_at as Date).getTime()).toBeGreaterThan((stored.updated_at as Date).getTime());

    await ActiveJob.update_bang(job.id, { status: 'done' });
    await waitUntil(
      'the class-level update in PostgreSQL',
      async () => (await sql`SELECT status FROM jobs WHERE id = ${job.id}`)[0]?.status === 'done',
    );

    await ActiveJob.destroy(job.id);
    await waitUntil(
      'the delete in PostgreSQL',
      async () => (await sql`SELECT count(*)::int AS n FROM jobs WHERE id = ${job.id}`)[0]?.n === 0,
    );
  });
});

describe('includes loads associations through Zero .related()', () => {
  it('returns associated rows as records of the associated model, live', async () => {
    const { sql } = session();
    const clientId = newId();
    const jobId = newId();
    // One transaction, so zero-cache replicates the job and its associations at the same version.
    await sql.begin(async (tx) => {
      await tx`INSERT INTO clients (id, name) VALUES (${clientId}, 'Globex')`;
      await tx`INSERT INTO jobs (id, title, status, client_id) VALUES (${jobId}, 'Rewire', 'active', ${clientId})`;
      await tx`INSERT INTO tasks (id, job_id, title, position) VALUES
        (${newId()}, ${jobId}, 'Second', 2), (${newId()}, ${jobId}, 'First', 1), (${newId()}, ${jobId}, 'Third', 3)`;
    });

    const relation = ActiveJob.where({ id: jobId }).includes('client', { tasks: (t) => t.order({ position: 'asc' }) });
    // A one-shot read answers from zero-cache's replica, which may not have the commit yet: retry until it does.
    const job = await waitForValue('the job in a one-shot read', async () => ((await relation) as JobWithAssociations[])[0]);
    expect(job.client?.name).toBe('Globex');
    expect(typeof job.client?.update).toBe('function');
    expect(job.tasks.map((t) => t.title)).toEqual(['First', 'Second', 'Third']);

    const live = new ViewWaiter(relation as unknown as Watchable<JobWithAssociations>);
    try {
      await sql`UPDATE clients SET name = 'Globex Corp' WHERE id = ${clientId}`;
      await live.until((rows) => rows[0]?.client?.name === 'Globex Corp', 'associated client rename');
      await sql`UPDATE tasks SET position = 0 WHERE job_id = ${jobId} AND title = 'Third'`;
      await live.until((rows) => rows[0]?.tasks.map((t) => t.title).join() === 'Third,First,Second', 'task reorder');
    } finally {
      live.close();
    }
    expect(await ActiveTask.where({ job_id: jobId }).count()).toBe(3);
  });
});
