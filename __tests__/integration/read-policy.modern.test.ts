// Read and write policies on the real stack: two clients signed in as two users each see only their
// own jobs, live, and a write that hands a job from one to the other moves it between their views.
// The policies live only on the server (zero-record/server), so no client can opt out of them.
import { Zero } from '@rocicorp/zero';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queries } from '../../examples/stack/queries.ts';
import { mutators } from '../../examples/stack/mutators.ts';
import { modernSchema } from '../../examples/stack/schema.ts';
import { ActiveRecord, RecordNotFoundError, defineModel, type RelationSpec } from '../../runtime/index.ts';
import type { Policies } from '../../runtime/server/index.ts';
import { installNodeWebSocket } from '../../scripts/stack/node-websocket.ts';
import { waitForValue } from '../support/wait.ts';
import { has, lacks } from './support/rows.ts';
import { exampleStackOptions, startStackSession, type StackSession } from './support/stack-session.ts';
import { newId } from './support/stack-zero.ts';
import { serverOutcome } from './support/server-outcome.ts';
import { ViewWaiter } from './support/view-waiter.ts';

type JobRow = { id: string; title: string; owner_id: string | null };
type TaskRow = { id: string; job_id: string; title: string };
type Ctx = { userID: string | null };

// Users see their own jobs, and may change a job only while it is theirs (handing it over included); they see and
// change the tasks of their jobs, owned through the job.
const policies: Policies<Ctx> = {
  jobs: {
    read: (ctx) => ({ owner_id: ctx.userID }),
    write: (ctx, change) => (change.before ?? change.after)?.['owner_id'] === ctx.userID,
  },
  tasks: {
    read: (ctx) => ({ job: { owner_id: ctx.userID } }),
    // Owned through the job: its job before the change and after it (a task moved to someone else's job) must be theirs.
    write: async (ctx, change, reads) => {
      for (const row of [change.before, change.after]) if (row && (await reads.one(row, 'job'))?.['owner_id'] !== ctx.userID) return false;
      return true;
    },
  },
};

let env: StackSession;
const clients: { close(): Promise<void> }[] = [];

function signIn(userID: string) {
  installNodeWebSocket();
  const z = new Zero({ userID, auth: userID, cacheURL: env.stack.cacheUrl, schema: modernSchema, mutators, kvStore: 'mem', logLevel: 'error' });
  clients.push(z);
  return z;
}

type Outcome = { type: 'success' } | { type: 'error'; error: { type: string; message: string } };
/** `z.mutate(request)`'s server outcome: the model mutators are typed for any schema, the client for this one. */
const write = (z: ReturnType<typeof signIn>, request: unknown): Promise<Outcome> =>
  serverOutcome((z.mutate as unknown as (r: unknown) => { server: Promise<Outcome> })(request).server, z, env.sql);

/** A live view of every row of a model the user may see, through its relation query. */
function allRows<Row>(z: ReturnType<typeof signIn>, model: 'job' | 'task'): ViewWaiter<Row> {
  const spec: RelationSpec = { order: [['id', 'asc']] };
  const view = z.materialize(queries[model].relation(spec) as Parameters<typeof z.materialize>[0]);
  return new ViewWaiter<Row>({
    subscribe: (listener) => {
      view.addListener((rows) => listener(rows as readonly Row[]));
      return () => view.destroy();
    },
  });
}

const allJobs = (z: ReturnType<typeof signIn>) => allRows<JobRow>(z, 'job');

beforeAll(async () => {
  env = await startStackSession(exampleStackOptions({ policies: policies as Policies<unknown> }));
});

afterAll(async () => {
  for (const z of clients) await z.close();
  await env?.close();
});

describe('read policy: each user sees only their own rows, live', () => {
  it('filters rows by owner, and a handover moves the row from one view to the other', async () => {
    const alice = signIn('alice');
    const bob = signIn('bob');
    const aliceJobs = allJobs(alice);
    const bobJobs = allJobs(bob);
    try {
      const [a1, b1, nobody] = [newId(), newId(), newId()];
      await env.sql`INSERT INTO jobs (id, title, status, owner_id) VALUES
        (${a1}, 'alice job', 'active', 'alice'), (${b1}, 'bob job', 'active', 'bob'), (${nobody}, 'unowned', 'active', NULL)`;
      await aliceJobs.until(has(a1), "alice's row in alice's view");
      await bobJobs.until(has(b1), "bob's row in bob's view");
      expect(aliceJobs.rows.map((r) => r.owner_id)).toEqual(aliceJobs.rows.map(() => 'alice'));
      expect(bobJobs.rows.map((r) => r.owner_id)).toEqual(bobJobs.rows.map(() => 'bob'));

      // Alice hands her job to Bob through a custom mutator: it leaves her view and enters his.
      expect(await write(alice, mutators.job.update({ values: { id: a1, owner_id: 'bob' } }))).toEqual({ type: 'success' });
      await bobJobs.until(has(a1), "the handed-over row in bob's view");
      await aliceJobs.until(lacks(a1), "the handed-over row gone from alice's view");

      // And a change made with SQL moves a row back, live.
      await env.sql`UPDATE jobs SET owner_id = 'alice' WHERE id = ${b1}`;
      await aliceJobs.until(has(b1), "bob's former row in alice's view");
      await bobJobs.until(lacks(b1), "bob's former row gone from his view");
      expect(has(nobody)(aliceJobs.rows) || has(nobody)(bobJobs.rows)).toBe(false);
    } finally {
      aliceJobs.close();
      bobJobs.close();
    }
  });
});

describe('read policy through a relationship: rows owned through their parent', () => {
  it("shows each user the tasks of their own jobs, and moves them when the job is handed over", async () => {
    const alice = signIn('alice');
    const bob = signIn('bob');
    const aliceTasks = allRows<TaskRow>(alice, 'task');
    const bobTasks = allRows<TaskRow>(bob, 'task');
    try {
      const [a1, b1, ta, tb] = [newId(), newId(), newId(), newId()];
      await env.sql`INSERT INTO jobs (id, title, status, owner_id) VALUES (${a1}, 'alice job', 'active', 'alice'), (${b1}, 'bob job', 'active', 'bob')`;
      await env.sql`INSERT INTO tasks (id, job_id, title, done, position) VALUES (${ta}, ${a1}, 'alice task', false, 1), (${tb}, ${b1}, 'bob task', false, 1)`;
      await aliceTasks.until(has(ta), "the task of alice's job in alice's view");
      await bobTasks.until(has(tb), "the task of bob's job in bob's view");
      expect([has(tb)(aliceTasks.rows), has(ta)(bobTasks.rows)]).toEqual([false, false]);
      // The parent changes hands: its tasks follow it, live, though no task row changed.
      await env.sql`UPDATE jobs SET owner_id = 'bob' WHERE id = ${a1}`;
      await bobTasks.until(has(ta), "the handed-over job's task in bob's view");
      await aliceTasks.until(lacks(ta), "the handed-over job's task gone from alice's view");
    } finally {
      aliceTasks.close();
      bobTasks.close();
    }
  });
});

describe('read policy on find(id): the find query, whose argument is only the key', () => {
  it("answers a user's find of someone else's row as not found, and the owner's with the row", async () => {
    const jobsOf = (z: ReturnType<typeof signIn>) =>
      ActiveRecord.createModel(defineModel({ schema: modernSchema, table: 'jobs', zero: z, query: queries.job.relation, find: queries.job.find }));
    const [AliceJob, BobJob] = [jobsOf(signIn('alice')), jobsOf(signIn('bob'))];
    const id = newId();
    await env.sql`INSERT INTO jobs (id, title, status, owner_id) VALUES (${id}, 'bob only', 'active', 'bob')`;
    // Bob's own read first: once it answers, the row is in zero-cache's replica, so Alice's not-found is the policy's.
    const found = await waitForValue("bob's find of his row", () => BobJob.find(id).catch(() => undefined));
    expect(found.title).toBe('bob only');
    await expect(AliceJob.find(id)).rejects.toBeInstanceOf(RecordNotFoundError);
  });
});

describe("conditions on a joined table (joins, where on an association's columns)", () => {
  it("run on zero-cache on one joined row, and the joined table's read policy holds inside them, so a user cannot probe rows hidden from them", async () => {
    const model = (z: ReturnType<typeof signIn>, table: 'clients' | 'jobs', query: typeof queries.job.relation) =>
      ActiveRecord.createModel(defineModel({ schema: modernSchema, table, zero: z, query }));
    const [alice, mallory] = [signIn('alice'), signIn('mallory')];
    const [AliceClient, AliceJob, MalloryClient] = [model(alice, 'clients', queries.client.relation), model(alice, 'jobs', queries.job.relation), model(mallory, 'clients', queries.client.relation)];
    const [client, job] = [newId(), newId()];
    const secret = `merger ${newId()}`;
    await env.sql`INSERT INTO clients (id, name) VALUES (${client}, 'Acme')`;
    await env.sql`INSERT INTO jobs (id, title, status, owner_id, client_id) VALUES (${job}, ${secret}, 'active', 'alice', ${client})`;
    await env.sql`INSERT INTO tasks (id, job_id, title, done, position) VALUES (${newId()}, ${job}, 'prime', false, 1), (${newId()}, ${job}, 'coat', false, 2)`;
    const nonEmpty = (ids: readonly unknown[]) => (ids.length > 0 ? ids : undefined);
    expect(await waitForValue("alice's client found by her job's title", async () => nonEmpty(await AliceClient.joins('jobs').where({ jobs: { title: secret } }).ids()))).toEqual([client]);
    // One task with both conditions, as Rails' join reads them: 'prime' is first, not second.
    expect(await AliceJob.where({ tasks: { title: 'prime' } }).where({ tasks: { position: 2 } }).ids()).toEqual([]);
    expect(await AliceJob.where({ tasks: { title: 'prime' } }).where({ tasks: { position: 1 } }).ids()).toEqual([job]);
    // Mallory reads the client (clients have no read policy), but not through a job she may not read.
    expect(await waitForValue("mallory's read of the client", async () => nonEmpty(await MalloryClient.where({ id: client }).ids()))).toEqual([client]);
    expect(await MalloryClient.where({ jobs: { title: secret } }).ids()).toEqual([]);
  });
});

describe('write policy', () => {
  it("refuses a change to someone else's row: the mutation fails with an app error and PostgreSQL is unchanged", async () => {
    const mallory = signIn('mallory');
    const id = newId();
    await env.sql`INSERT INTO jobs (id, title, status, owner_id) VALUES (${id}, 'not yours', 'active', 'alice')`;
    // An upsert: Mallory cannot read the row (the read policy), so an update would already fail on her client.
    const server = await write(mallory, mutators.job.upsert({ values: { id, title: 'mine now', status: 'active', owner_id: 'mallory' } }));
    expect(server).toMatchObject({ type: 'error', error: { type: 'app' } });
    expect(server.type === 'error' && server.error.message).toMatch(/refused by its write policy/);
    const [row] = await waitForValue('the row', async () => env.sql`SELECT title, owner_id FROM jobs WHERE id = ${id}`);
    expect(row).toEqual({ title: 'not yours', owner_id: 'alice' });
  });

  it("refuses a destroy of someone else's row, and lets a destroy of a row already gone succeed, writing nothing (Rails' destroy)", async () => {
    const mallory = signIn('mallory');
    const id = newId();
    await env.sql`INSERT INTO jobs (id, title, status, owner_id) VALUES (${id}, 'still here', 'active', 'alice')`;
    const refused = await write(mallory, mutators.job.destroy({ values: { id } }));
    expect(refused.type === 'error' && refused.error.message).toMatch(/delete on jobs was refused by its write policy/);
    expect(await env.sql`SELECT title FROM jobs WHERE id = ${id}`).toEqual([{ title: 'still here' }]);
    // No row: nothing to delete and nothing to authorize, as Rails' destroy of a stale record.
    const gone = newId();
    expect(await write(mallory, mutators.job.destroy({ values: { id: gone } }))).toEqual({ type: 'success' });
    expect(await env.sql`SELECT id FROM jobs WHERE id = ${gone}`).toEqual([]);
  });
});

describe('write policy through a relationship: rows owned through their parent', () => {
  it("lets a user add and change tasks of their own job, and refuses a task on someone else's job or moved to one", async () => {
    const alice = signIn('alice');
    const mallory = signIn('mallory');
    const [mine, theirs, task, intruder] = [newId(), newId(), newId(), newId()];
    await env.sql`INSERT INTO jobs (id, title, status, owner_id) VALUES (${mine}, 'alice job', 'active', 'alice'), (${theirs}, 'mallory job', 'active', 'mallory')`;
    const values = (id: string, job_id: string) => ({ id, job_id, title: 'a task', done: false, position: 1 });

    // An insert: the parent is read from the new row's job_id, before the row exists.
    expect(await write(alice, mutators.task.create({ values: values(task, mine) }))).toEqual({ type: 'success' });
    const refused = await write(mallory, mutators.task.create({ values: values(intruder, mine) }));
    expect(refused.type === 'error' && refused.error.message).toMatch(/insert on tasks was refused by its write policy/);
    // An update that moves the task to a job that is not hers: its job after the change is checked too.
    const moved = await write(alice, mutators.task.update({ values: { id: task, job_id: theirs } }));
    expect(moved.type === 'error' && moved.error.message).toMatch(/update on tasks was refused by its write policy/);
    expect(await write(alice, mutators.task.update({ values: { id: task, title: 'renamed' } }))).toEqual({ type: 'success' });
    expect(await env.sql`SELECT id, job_id, title FROM tasks WHERE id IN (${task}, ${intruder})`).toEqual([{ id: task, job_id: mine, title: 'renamed' }]);
  });
});
