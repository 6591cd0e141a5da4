// Rails as the write authority: every write of the real Zero client goes through zero-cache to the Rails push endpoint
// (rails/lib/zero_record/push, the engine mounted in app/server.rb), which runs it as Active Record on PostgreSQL.
// One stack for the whole tier: PostgreSQL + zero-cache (modern, CRUD off), reads from the Node query endpoint.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActiveClient, ActiveJob, ActiveTask, jobConfig } from '../../examples/stack/modern-models.ts';
import { ReactiveRecord } from '../../runtime/reactive/index.svelte.ts';
import { MutationError, RecordInvalidError, watchConnection } from '../../runtime/index.ts';
import { has } from '../integration/support/rows.ts';
import { newId } from '../integration/support/stack-zero.ts';
import { ViewWaiter } from '../integration/support/view-waiter.ts';
import { waitUntil } from '../support/wait.ts';
import { errorRows, lastMutationID, push, pushBody } from './support/push-protocol.ts';
import { startPushSession, type PushSession } from './support/push-session.ts';

// The Svelte flavour over the modern configs (examples/stack/reactive-models.ts is the legacy stack's).
const ReactiveJob = ReactiveRecord.createModel(jobConfig);

let session: PushSession;
beforeAll(async () => {
  session = await startPushSession();
});
afterAll(async () => {
  await session?.close();
});

const jobRow = async (id: string) => (await session.sql`SELECT id, title, status, priority FROM jobs WHERE id = ${id}`)[0];
const clientRow = async (id: string) => (await session.sql`SELECT id, name, email FROM clients WHERE id = ${id}`)[0];
const rejection = (promise: Promise<unknown>): Promise<unknown> => promise.then(() => new Error('expected a rejection'), (e: unknown) => e);

describe('writes reach PostgreSQL through Rails', () => {
  it('ActiveJob: create, update, destroy', async () => {
    const job = await ActiveJob.create_bang({ title: 'Through Rails', status: 'active' }, { wait: 'server' });
    expect(await jobRow(job.id)).toEqual({ id: job.id, title: 'Through Rails', status: 'active', priority: null });
    await job.update_bang({ title: 'Updated through Rails', priority: 3 }, { wait: 'server' });
    expect(await jobRow(job.id)).toMatchObject({ title: 'Updated through Rails', priority: 3 });
    await job.destroy({ wait: 'server' });
    expect(await jobRow(job.id)).toBeUndefined();
  });

  it("a destroy of a row that is already gone succeeds, as Rails' destroy of a stale record does", async () => {
    const job = await ActiveJob.create_bang({ title: 'Deleted behind our back', status: 'active' }, { wait: 'server' });
    await session.sql`DELETE FROM jobs WHERE id = ${job.id}`;
    await job.destroy({ wait: 'server' });
    expect(job.destroyed_p()).toBe(true);
    expect(await jobRow(job.id)).toBeUndefined();
  });

  it('ReactiveJob: create, update, upsert, destroy', async () => {
    const id = newId();
    // The client's update mutator reads the stored row, as Rails validates the record as it will be: like a page
    // showing the job, a live view keeps the row synced on this client (a handle read outside an effect holds no view).
    const view = new ViewWaiter(ActiveJob.where({ id }));
    try {
      (await ReactiveJob.create_bang({ id, title: 'Reactive through Rails', status: 'active' }, { wait: 'server' })).$destroy();
      expect(await jobRow(id)).toMatchObject({ title: 'Reactive through Rails' });
      await view.until(has(id, 'Reactive through Rails'), 'the created job in the live view');
      (await ReactiveJob.update_bang(id, { status: 'done' }, { wait: 'server' })).$destroy();
      expect(await jobRow(id)).toMatchObject({ status: 'done' });
      await ReactiveJob.upsert({ id, title: 'Upserted through Rails', status: 'active' }, { wait: 'server' });
      expect(await jobRow(id)).toMatchObject({ title: 'Upserted through Rails', status: 'active' });
      await ReactiveJob.destroy(id, { wait: 'server' });
      expect(await jobRow(id)).toBeUndefined();
    } finally {
      view.close();
    }
  });
});

describe('Rails validations, callbacks and write policies decide', () => {
  it('a uniqueness violation raises RecordInvalidError with Rails messages; the optimistic row leaves the live view', async () => {
    const email = `taken-${newId()}@example.com`;
    await ActiveClient.create_bang({ name: 'First', email }, { wait: 'server' });
    const id = newId();
    const clients = new ViewWaiter(ActiveClient.where({ email }));
    const seen: boolean[] = [];
    const stopWatching = ActiveClient.where({ email }).subscribe((rows) => seen.push(rows.some((r) => r.id === id)));
    try {
      const error = await rejection(ActiveClient.create_bang({ id, name: 'Second', email }, { wait: 'server' }));
      expect(error).toBeInstanceOf(RecordInvalidError);
      expect((error as RecordInvalidError).fullMessages).toEqual(['Email has already been taken']);
      expect((error as RecordInvalidError).errors).toEqual({ email: ['has already been taken'] });
      expect((error as RecordInvalidError).errorDetails).toEqual({ email: [{ error: 'taken', value: email }] });
      expect((error as RecordInvalidError).model).toBe('Client');
      expect(seen).toContain(true); // applied optimistically first
      await clients.until((rows) => !rows.some((r) => r.id === id), 'the refused client gone from the live view');
      expect(await clientRow(id)).toBeUndefined();
    } finally {
      stopWatching();
      clients.close();
    }
  });

  it("a before_save callback's normalized value syncs back to the client's live view", async () => {
    const id = newId();
    const view = new ViewWaiter(ActiveClient.where({ id }));
    try {
      await ActiveClient.create_bang({ id, name: 'Normalized', email: '  Ada.Lovelace@Example.COM ' }, { wait: 'server' });
      expect(await clientRow(id)).toMatchObject({ email: 'ada.lovelace@example.com' });
      await view.until((rows) => rows[0]?.email === 'ada.lovelace@example.com', 'the normalized email in the live view');
    } finally {
      view.close();
    }
  });

  it('a write-policy refusal reaches the client as a MutationError, and nothing is written', async () => {
    const id = newId();
    const refused = await rejection(ActiveJob.create_bang({ id, title: 'Forbidden plan', status: 'active' }, { wait: 'server' }));
    expect(refused).toBeInstanceOf(MutationError);
    expect((refused as MutationError).message).toBe('Job insert failed: Not allowed: insert on jobs was refused by its write policy.');
    expect(await jobRow(id)).toBeUndefined();

    const pinned = await ActiveJob.create_bang({ title: 'Pinned', status: 'active', priority: 9 }, { wait: 'server' });
    const destroyRefused = await rejection(pinned.destroy({ wait: 'server' }));
    expect(destroyRefused).toBeInstanceOf(MutationError);
    expect((destroyRefused as MutationError).message).toContain('delete on jobs was refused by its write policy');
    expect(await jobRow(pinned.id)).toMatchObject({ title: 'Pinned' });
  });

  it('an exception in a callback rolls the mutation back and reaches the client as a MutationError', async () => {
    const job = await ActiveJob.create_bang({ title: 'Has tasks', status: 'active' }, { wait: 'server' });
    const id = newId();
    const error = await rejection(ActiveTask.create_bang({ id, job_id: job.id, title: 'explode', done: false, position: 0 }, { wait: 'server' }));
    expect(error).toBeInstanceOf(MutationError);
    expect((error as MutationError).message).toBe('Task insert failed: tasks cannot be titled "explode"');
    expect(await session.sql`SELECT id FROM tasks WHERE id = ${id}`).toHaveLength(0);
  });
});

describe("Zero's push protocol, spoken directly", () => {
  const jobCreate = (clientID: string, id: number, jobId: string, title: string) => ({
    clientID,
    id,
    name: 'job.create',
    args: [{ values: { id: jobId, title, status: 'active' } }],
  });
  const countJobs = async (ids: string[]) => Number((await session.sql`SELECT count(*) AS n FROM jobs WHERE id IN ${session.sql(ids)}`)[0]!['n']);

  it('a replayed push and a duplicated mutation id apply exactly once; an out-of-order id fails the push, applying nothing', async () => {
    const group = `group-${randomUUID()}`;
    const client = `client-${randomUUID()}`;
    const [a, b, c, d] = [newId(), newId(), newId(), newId()];

    const first = pushBody(group, [jobCreate(client, 1, a, 'Once')]);
    const answer = await push(session.rails.url, first);
    expect(answer).toEqual({
      status: 200,
      body: { kind: 'MutateResponse', userID: 'integration-user', mutations: [{ id: { clientID: client, id: 1 }, result: {} }] },
    });
    // The same request again: skipped, as Zero's own server does (MutationAlreadyProcessedError).
    const replay = await push(session.rails.url, first);
    expect(replay.body).toMatchObject({ kind: 'MutateResponse', mutations: [{ id: { clientID: client, id: 1 }, result: { error: 'alreadyProcessed' } }] });
    expect(await countJobs([a])).toBe(1);
    expect(await lastMutationID(session.sql, group, client)).toBe(1);

    // One push carrying id 2 twice: the second copy is skipped.
    const duplicated = await push(session.rails.url, pushBody(group, [jobCreate(client, 2, b, 'Two'), jobCreate(client, 2, c, 'Two again')]));
    expect(duplicated.body).toMatchObject({
      kind: 'MutateResponse',
      mutations: [{ id: { id: 2 }, result: {} }, { id: { id: 2 }, result: { error: 'alreadyProcessed' } }],
    });
    expect(await countJobs([b, c])).toBe(1);
    expect(await jobRow(b)).toMatchObject({ title: 'Two' });
    expect(await lastMutationID(session.sql, group, client)).toBe(2);

    // Id 5 when 3 is next: the push fails with the unprocessed ids, nothing applied, lastMutationID unchanged.
    const outOfOrder = await push(session.rails.url, pushBody(group, [jobCreate(client, 5, d, 'Too early')]));
    expect(outOfOrder.body).toEqual({
      kind: 'PushFailed',
      origin: 'server',
      reason: 'oooMutation',
      message: `Client ${client} sent mutation ID 5 but expected 3`,
      mutationIDs: [{ id: 5, clientID: client }],
    });
    expect(await countJobs([d])).toBe(0);
    expect(await lastMutationID(session.sql, group, client)).toBe(2);
  });

  it('refuses hostile input with a clear error, writes the error row for a bad mutation, and keeps serving', async () => {
    const group = `group-${randomUUID()}`;
    const client = `client-${randomUUID()}`;
    const url = session.rails.url;

    expect(await push(url, '{"mutations": [')).toMatchObject({ status: 200, body: { kind: 'PushFailed', reason: 'parse' } });
    expect((await push(url, '{"mutations": [')).body).toHaveProperty('message', expect.stringMatching(/^Failed to parse push body: /));
    expect(await push(url, { mutations: 'all of them' })).toMatchObject({ body: { kind: 'PushFailed', reason: 'parse' } });
    expect(await push(url, pushBody(group, []), { query: 'appID=zero' })).toMatchObject({
      body: { kind: 'PushFailed', reason: 'parse', message: expect.stringContaining('schema and appID are required') },
    });
    expect(await push(url, { ...pushBody(group, []), pushVersion: 2 })).toMatchObject({ body: { kind: 'PushFailed', reason: 'unsupportedPushVersion' } });
    expect(await push(url, pushBody(group, []), { token: null })).toEqual({ status: 401, body: 'a bearer token is required' });

    // An unknown mutator and bad arguments are that mutation's app error (recorded, id advanced); the push goes on.
    const ok = newId();
    const mixed = await push(
      url,
      pushBody(group, [
        { clientID: client, id: 1, name: 'job.launchMissiles', args: [{}] },
        { clientID: client, id: 2, name: 'job.create', args: [{ values: { id: newId(), title: 'x', status: 'active', salary: 1 } }] },
        { clientID: client, id: 3, name: 'job.create', args: ['not an object'] },
        jobCreate(client, 4, ok, 'After the bad ones'),
      ]),
    );
    expect(mixed.status).toBe(200);
    const results = (mixed.body as { mutations: { result: Record<string, unknown> }[] }).mutations.map((m) => m.result);
    expect(results[0]).toMatchObject({ error: 'app', message: expect.stringMatching(/^unknown mutator "job.launchMissiles": this endpoint serves client.create, /) });
    expect(results[1]).toMatchObject({ error: 'app', message: expect.stringContaining("unknown attribute 'salary' for Job") });
    expect(results[2]).toMatchObject({ error: 'app', message: expect.stringContaining('expected { values: { column: value } }') });
    expect(results[3]).toEqual({});
    expect(await jobRow(ok)).toMatchObject({ title: 'After the bad ones' });
    expect(await lastMutationID(session.sql, group, client)).toBe(4);
    expect((await errorRows(session.sql, group, client)).map((r) => r.mutationID)).toEqual([1, 2, 3]);

    // zero-cache's internal cleanup deletes acknowledged error rows, without touching lastMutationID.
    const cleanup = await push(url, pushBody(group, [{ clientID: client, id: 0, name: '_zero_cleanupResults', args: [{ clientGroupID: group, clientID: client, upToMutationID: 2 }] }]));
    expect(cleanup.body).toEqual({ kind: 'MutateResponse', userID: 'integration-user', mutations: [] });
    expect((await errorRows(session.sql, group, client)).map((r) => r.mutationID)).toEqual([3]);
    expect(await lastMutationID(session.sql, group, client)).toBe(4);

    // Still serving the real client.
    const after = await ActiveJob.create_bang({ title: 'Still served', status: 'active' }, { wait: 'server' });
    expect(await jobRow(after.id)).toMatchObject({ title: 'Still served' });
  });
});

describe('the Rails server killed mid-push (kill -9) and restarted', () => {
  it('the client pushes again after reconnecting; every mutation lands exactly once, none lost', async () => {
    // The runtime's reconnect (what an app runs): a failed push puts Zero's connection in 'error'. Each state is noted
    // with the ms since the start, so a failure shows whether the retries ran and when they stopped.
    const started = Date.now();
    const states: string[] = [];
    const stopReconnecting = watchConnection((state) => states.push(`${state}@${Date.now() - started}`), { retry: { initialMs: 250, maxMs: 2_000 } });
    try {
      const z = session.z;
      const group = await z.clientGroupID;
      const before = (await lastMutationID(session.sql, group, z.clientID)) ?? 0;
      const errorsBefore = (await errorRows(session.sql, group, z.clientID)).length;
      const ids = Array.from({ length: 30 }, () => newId());
      const count = async () => Number((await session.sql`SELECT count(*) AS n FROM jobs WHERE id IN ${session.sql(ids)}`)[0]!['n']);
      // Not { wait: 'server' }: when a push fails, Zero rejects every outstanding `.server` promise as the connection
      // drops (zero-client/src/client/mutator-proxy.js), yet keeps the mutations and pushes them again on reconnect.
      // What landed is what PostgreSQL and lastMutationID say.
      await Promise.all(ids.map((id, i) => ActiveJob.create_bang({ id, title: `Crash ${i}`, status: 'active' })));
      await waitUntil('the first of the writes in PostgreSQL', async () => (await count()) > 0, { timeoutMs: 60_000 });
      await session.rails.stop('SIGKILL');
      const landedBeforeRestart = await count();
      await session.rails.start();
      const restartedAt = Date.now() - started;
      await waitUntil('all 30 writes in PostgreSQL after the restart', async () => (await count()) === ids.length, { timeoutMs: 90_000 }).catch(async (error: Error) => {
        // Which layer stalled: the connection's path says whether the runtime's reconnect ran ('error' last: no retry got
        // through; 'connected' last: Zero or zero-cache stopped pushing); lastMutationID and the error rows say whether
        // the pushes reached Rails and were refused there; Rails' own log says why.
        const landed = await count();
        const lmid = await lastMutationID(session.sql, group, z.clientID);
        const refused = (await errorRows(session.sql, group, z.clientID)).slice(errorsBefore);
        throw new Error(
          `${error.message}: ${landed} of ${ids.length} landed (${landedBeforeRestart} before the restart at ${restartedAt} ms); ` +
            `lastMutationID ${lmid} of ${before + ids.length}; error rows ${JSON.stringify(refused)}; ` +
            `connection states seen: ${states.join(' > ')}; Zero now: ${JSON.stringify(z.connection.state.current)}; ` +
            `Rails log tail: ${session.rails.log.slice(-1_000)}`,
          { cause: error },
        );
      });
      await waitUntil('lastMutationID advanced once per mutation', async () => (await lastMutationID(session.sql, group, z.clientID)) === before + ids.length, {
        timeoutMs: 30_000,
      });
      console.log(`rails-push crash: ${landedBeforeRestart} of ${ids.length} writes had landed when the server was killed`);
      const rows = await session.sql`SELECT title FROM jobs WHERE id IN ${session.sql(ids)} ORDER BY title`;
      expect(rows.map((r) => r['title'])).toEqual(ids.map((_, i) => `Crash ${i}`).sort());
      // Exactly once: a second apply would have failed on the primary key and left an error row.
      expect(await errorRows(session.sql, group, z.clientID)).toHaveLength(errorsBefore);
      await waitUntil('the client connected again', () => z.connection.state.current.name === 'connected', { timeoutMs: 30_000 });
    } finally {
      stopReconnecting();
    }
  });
});
