// The live-subscription contract's cases that need a real zero-cache (the rest run without one in
// __tests__/contract/live-subscription.svelte.test.ts, over the same two flavours): a connected client gets zero-cache's
// complete answer with the rows, and a view the server fails ('error' result type: the query endpoint answers the named
// query with an app error) is a QueryFailedError while the connection stays up. Both flavours must observe the same, and
// the monitoring hook sees each outcome once. The view-error case runs in modern mode only: the legacy path sends
// client-built queries, which no query endpoint sees.
import { defineQueries, defineQuery, type ReadonlyJSONValue } from '@rocicorp/zero';
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { queries } from '../../examples/stack/queries.ts';
import { onEvent, type ZeroRecordEvent } from '../../runtime/index.ts';
import { flavours, type JobsDefinition } from '../contract/flavours.svelte.ts';
import { waitUntil } from '../support/wait.ts';
import { SYNC_MODE } from './support/mode.ts';
import { jobConfig } from './support/models.ts';
import { useRuntimeStack } from './support/runtime-stack.ts';
import { exampleStackOptions } from './support/stack-session.ts';
import { newId, stackZero, type StackZero } from './support/stack-zero.ts';

/** A user the server's job query refuses, as an app checking access inside a named query would. */
const REFUSED = 'no-job-access';
type QueryFn = { fn(options: { args: ReadonlyJSONValue; ctx: unknown }): unknown };
const jobRelation = queries.job.relation as unknown as QueryFn;
const serverQueries = defineQueries(queries as never, {
  job: {
    relation: defineQuery(({ args, ctx }: { args: ReadonlyJSONValue; ctx: { userID: string | null } }) => {
      if (ctx.userID === REFUSED) throw new Error(`user '${REFUSED}' may not read jobs`);
      return jobRelation.fn({ args, ctx }) as never;
    }),
  },
});

const session = useRuntimeStack(exampleStackOptions({ queries: serverQueries }));

let events: ZeroRecordEvent[] = [];
const cleanups: (() => unknown)[] = [];
beforeEach(() => {
  events = [];
  cleanups.push(onEvent((event) => events.push(event)));
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The live outcomes the monitoring hook saw: the error class of each (null for an answer). */
const liveOutcomes = () => events.filter((e) => e.operation === 'live').map((e) => e.error);

let clients = 0;
/** A fresh connected client (nothing synced yet) and the jobs model reading through it. */
async function connectedClient(userID = `contract-reader-${++clients}`): Promise<{ z: StackZero; jobs: JobsDefinition }> {
  const z = stackZero(session().stack, userID);
  cleanups.push(() => z.close());
  await waitUntil(`the client '${userID}' to be connected`, () => z.connection.state.current.name === 'connected');
  return { z, jobs: { ...jobConfig, zero: () => z } as unknown as JobsDefinition };
}

describe.each(flavours)('live subscription contract on zero-cache: $name', (flavour) => {
  test('connected: zero-cache answers; complete with the rows, then follows writes', async () => {
    const { sql } = session();
    await sql`INSERT INTO jobs (id, title, status) VALUES (${newId()}, 'Fix the boiler', 'active'), (${newId()}, 'Paint the fence', 'active')`;
    const stored = async () => (await sql<{ id: string }[]>`SELECT id FROM jobs`).map((r) => r.id).sort();
    const expected = await stored();
    const { z, jobs } = await connectedClient();
    const live = flavour.subscribe(jobs);
    await waitUntil("zero-cache's complete answer", () => {
      flushSync();
      return live.loaded() && expect(live.latest()).toEqual({ ids: expected, error: null, state: null });
    });
    expect(z.connection.state.current.name).toBe('connected');

    const added = newId();
    await sql`INSERT INTO jobs (id, title, status) VALUES (${added}, 'Mow the lawn', 'active')`;
    const after = await stored();
    await waitUntil('the inserted row', () => {
      flushSync();
      return expect(live.latest()).toEqual({ ids: after, error: null, state: null });
    });
    expect(live.loaded()).toBe(true);
    await live.stop();
    expect(liveOutcomes()).toEqual([null]);
  });

  // Defined in modern mode only (not skipped in legacy): there is no query endpoint there to fail the view.
  if (SYNC_MODE === 'modern') test('view error: the server fails the named query; a QueryFailedError, the connection stays up', async () => {
    const { z, jobs } = await connectedClient(REFUSED);
    const live = flavour.subscribe(jobs);
    await waitUntil("the server's refusal", () => {
      flushSync();
      return expect(live.latest()).toEqual({ ids: [], error: 'QueryFailedError', state: null });
    });
    expect(live.loaded()).toBe(false);
    expect(z.connection.state.current.name).toBe('connected');
    await live.stop();
    expect(liveOutcomes()).toEqual(['QueryFailedError']);
  });
});
