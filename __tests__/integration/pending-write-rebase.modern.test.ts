// A pending write replayed on a newer server snapshot (Zero's rebase) where its row is gone. Zero re-runs every write
// the server has not confirmed on each snapshot it receives; a mutator that throws there is a poke error to Zero, which
// stops syncing the client (connection 'error'). Here the server holds a client's update until the snapshot that lacks
// the row has reached that client, so the rebase happens every run, not by chance. Every client must converge to what
// the server decided, the client must stay connected, and the write's caller gets the typed error. Modern mode only: the
// model mutators run only there (the legacy path writes through Zero's CRUD mutators).
import { Zero, defineMutator, defineMutators } from '@rocicorp/zero';
import { describe, expect, it } from 'vitest';
import { queries } from '../../examples/stack/queries.ts';
import { mutators } from '../../examples/stack/mutators.ts';
import { modernSchema, type StackSchema } from '../../examples/stack/schema.ts';
import { defineStackModels } from '../../examples/stack/models.ts';
import { defineModelMutators, RecordInvalidError, RecordNotFoundError, type RelationSpec } from '../../runtime/index.ts';
import { installNodeWebSocket } from '../../scripts/stack/node-websocket.ts';
import { waitForValue, waitUntil } from '../support/wait.ts';
import { ActiveJob } from './support/models.ts';
import { has, lacks } from './support/rows.ts';
import { useRuntimeStack } from './support/runtime-stack.ts';
import { exampleStackOptions } from './support/stack-session.ts';
import { newId } from './support/stack-zero.ts';
import { ViewWaiter } from './support/view-waiter.ts';

type Job = Awaited<ReturnType<typeof ActiveJob.create>>;
type JobRow = { id: string; title: string };

/** Holds the server's `job.update` while closed: `reached` turns true once an update waits, `open()` lets it run. */
class ServerGate {
  #open: Promise<void> = Promise.resolve();
  #let = (): void => {};
  reached = false;

  close(): void {
    this.#open = new Promise((resolve) => (this.#let = resolve));
    this.reached = false;
  }

  open(): void {
    this.#let();
  }

  async pass(): Promise<void> {
    this.reached = true;
    await this.#open;
  }
}
const gate = new ServerGate();

// The server's mutators: the client's models, a shorter title limit only the server checks (so the server can refuse a
// create the client accepted), and the gate in front of job.update.
const server = defineStackModels(modernSchema as unknown as StackSchema, queries);
const strictJob = { ...server.jobConfig, validations: { ...server.jobConfig.validations, title: [...(server.jobConfig.validations['title'] ?? []), { kind: 'length', maximum: 20 } as const] } };
const base = defineModelMutators({ job: strictJob, client: server.clientConfig, task: server.taskConfig });
/** What the endpoint calls on a registered mutator (the registry's type shows only the client-side call). */
type ServerMutator = { fn(options: unknown): Promise<void> };
const serverUpdate = base.job.update as unknown as ServerMutator;
const serverMutators = defineMutators(base as never, {
  job: {
    update: defineMutator(async (options) => {
      await gate.pass();
      await serverUpdate.fn(options);
    }),
  },
});

const session = useRuntimeStack(exampleStackOptions({ mutators: serverMutators }));

/** The other client: a second user's Zero on the same stack, with a live view of every job. */
function otherClient() {
  installNodeWebSocket();
  const z = new Zero({ userID: 'other', auth: 'other', cacheURL: session().stack.cacheUrl, schema: modernSchema, mutators, kvStore: 'mem', logLevel: 'error' });
  const spec: RelationSpec = { order: [['id', 'asc']] };
  const view = z.materialize(queries.job.relation(spec) as Parameters<typeof z.materialize>[0]);
  const jobs = new ViewWaiter<JobRow>({
    subscribe: (listener) => {
      view.addListener((rows) => listener(rows as readonly JobRow[]));
      return () => view.destroy();
    },
  });
  /** Runs a mutator request; resolves once the server accepted it. */
  const write = async (request: unknown) => {
    let outcome: { type: string } | undefined;
    void (z.mutate as unknown as (r: unknown) => { server: Promise<{ type: string }> })(request).server.then((o) => (outcome = o));
    expect(await waitForValue("the other client's write confirmed by the server", async () => outcome)).toEqual({ type: 'success' });
  };
  return { z, jobs, write, close: async () => (jobs.close(), await z.close()) };
}

/** A write started now; `answer()` waits (with a deadline) for what it settled with: the error, or null. */
function started(write: Promise<unknown>): { answer(): Promise<unknown> } {
  let settled: { error: unknown } | undefined;
  void write.then(
    () => (settled = { error: null }),
    (error: unknown) => (settled = { error }),
  );
  return { answer: async () => (await waitForValue("the write's answer from the server", async () => settled)).error };
}

/** After a scenario: this client still syncs (a row inserted in PostgreSQL reaches its view) and never left 'connected'. */
async function stillSyncing(jobs: ViewWaiter<Job>, statesFrom: number): Promise<void> {
  const probe = newId();
  await session().sql`INSERT INTO jobs (id, title, status) VALUES (${probe}, 'probe', 'active')`;
  await jobs.until(has(probe), "a later row in the client's view (the client still syncs)");
  expect(session().connection.since(statesFrom)).toEqual(['connected']);
}

describe('a pending update replayed on a server snapshot where it no longer applies (rebase)', () => {
  it('another client destroyed the row: the update is dropped locally, the server refuses it with RecordNotFoundError', async () => {
    const states = session().connection.names.length - 1;
    const id = newId();
    await session().sql`INSERT INTO jobs (id, title, status) VALUES (${id}, 'Fix the boiler', 'active')`;
    const jobs = new ViewWaiter<Job>(ActiveJob.all());
    const other = otherClient();
    try {
      await jobs.until(has(id), 'the row in this client');
      await other.jobs.until(has(id), 'the row in the other client');
      const job = await ActiveJob.find(id);

      gate.close();
      const update = started(job.update_bang({ title: 'Fix it today' }, { wait: 'server' }));
      await jobs.until(has(id, 'Fix it today'), 'the optimistic update');
      await waitUntil('the server to receive the update (and hold it)', () => gate.reached);
      // While the server holds the update, the other client destroys the row; its snapshot reaches this client, which
      // replays the pending update on it.
      await other.write(mutators.job.destroy({ values: { id } }));
      await other.jobs.until(lacks(id), 'the row gone from the other client');
      await jobs.until(lacks(id), 'the row gone from this client, its pending update replayed on the snapshot without it');
      gate.open();

      const error = await update.answer();
      expect(error).toBeInstanceOf(RecordNotFoundError);
      expect(error).toMatchObject({ model: 'Job', primaryKey: 'id', id });
      expect(await session().sql`SELECT id FROM jobs WHERE id = ${id}`).toHaveLength(0);
      expect(other.z.connection.state.current.name).toBe('connected');
      await stillSyncing(jobs, states);
    } finally {
      gate.open();
      jobs.close();
      await other.close();
    }
  });

  it('created then updated at once, the server refused the create: both writes fail typed, the row is nowhere', async () => {
    const states = session().connection.names.length - 1;
    const jobs = new ViewWaiter<Job>(ActiveJob.all());
    try {
      gate.close();
      // The client allows this title; the server's rule does not.
      const job = await ActiveJob.create_bang({ title: 'A title only the client allows', status: 'active' });
      const update = started(job.update_bang({ status: 'done' }, { wait: 'server' }));
      await jobs.until(has(job.id), 'the optimistic create');
      await waitUntil('the server to receive the update (and hold it)', () => gate.reached);
      // The server refused the create and holds the update: its snapshot without the row reaches this client, which
      // replays the pending update on it.
      await jobs.until(lacks(job.id), 'the refused row gone, the pending update replayed without it');
      gate.open();

      const error = await update.answer();
      expect(error).toBeInstanceOf(RecordNotFoundError);
      expect(error).toMatchObject({ model: 'Job', id: job.id });
      const rows = await waitForValue('the jobs table', async () => session().sql`SELECT id FROM jobs WHERE id = ${job.id}`);
      expect(rows).toHaveLength(0);
      await stillSyncing(jobs, states);
    } finally {
      gate.open();
      jobs.close();
    }
  });

  it('another client made the row invalid for the update: dropped locally, the server refuses it with RecordInvalidError', async () => {
    const states = session().connection.names.length - 1;
    const id = newId();
    await session().sql`INSERT INTO jobs (id, title, status) VALUES (${id}, 'Paint the fence', 'active')`;
    const jobs = new ViewWaiter<Job>(ActiveJob.all());
    const other = otherClient();
    try {
      await jobs.until(has(id), 'the row in this client');
      const job = await ActiveJob.find(id);

      gate.close();
      const update = started(job.update_bang({ title: 'Paint it green' }, { wait: 'server' }));
      await waitUntil('the server to receive the update (and hold it)', () => gate.reached);
      // Upsert skips validations (as in Rails): the stored row gets a status the model does not allow, so the pending
      // update, validated on the stored row with its change, is invalid when replayed on that snapshot.
      await other.write(mutators.job.upsert({ values: { id, title: 'Paint the fence', status: 'bogus' } }));
      await jobs.until((rows) => rows.some((r) => r.id === id && r.status === 'bogus' && r.title === 'Paint the fence'), "the other client's row, without the pending update");
      gate.open();

      const error = await update.answer();
      expect(error).toBeInstanceOf(RecordInvalidError);
      expect((error as RecordInvalidError).fullMessages).toEqual(['Status is not included in the list']);
      expect(await session().sql`SELECT title, status FROM jobs WHERE id = ${id}`).toEqual([{ title: 'Paint the fence', status: 'bogus' }]);
      await stillSyncing(jobs, states);
    } finally {
      gate.open();
      jobs.close();
      await other.close();
    }
  });
});
