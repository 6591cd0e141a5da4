/**
 * The live-subscription contract, run against both flavours' public subscriptions (`./flavours.svelte.ts`) —
 * `ActiveRelation.subscribe(cb)` and a `ReactiveRelation` read inside a Svelte effect — which must give identical outcomes
 * (both bridge the core's LiveSubscription). Every connection state is entered by a real Zero client:
 * - a client without a server (`cacheURL: null`): answers at once from local data;
 * - connecting / disconnected: a client pointed at a loopback port where nothing listens (with a short
 *   `disconnectTimeoutMs`, Zero gives up connecting and goes 'disconnected', retrying on);
 * - error: a real WebSocket server that is not zero-cache (it answers with something that is not Zero's protocol);
 * - needs-auth and connected: a real WebSocket server on loopback that sends zero-cache's own frames (`Unauthorized`,
 *   `connected`). What it cannot do is answer queries: the contract's cases that need a real zero-cache (connected with
 *   the complete answer, a view the server fails) run on the integration tier's stack, over the same flavours
 *   (`__tests__/integration/live-subscription-contract.svelte.test.ts`);
 * - closed: `z.close()`.
 * The monitoring hook (`onEvent`) is installed throughout, and each case counts the live outcomes it saw.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { flushSync } from 'svelte';
import { Zero } from '@rocicorp/zero';
import type { WebSocket } from 'ws';
import { ActiveRecord, defineModel, onEvent, type ZeroRecordEvent } from '../../runtime/index.ts';
import { WebSocketServer, installNodeWebSocket } from '../../scripts/stack/node-websocket.ts';
import { localZero, schema } from '../support/zero.ts';
import { waitUntil } from '../support/wait.ts';
import { zeroViewCounts } from '../support/zero-views.ts';
import { NOTHING_YET, flavours } from './flavours.svelte.ts';

installNodeWebSocket();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyZero = Zero<any, any, any>;

/** The test schema with Zero's legacy ad-hoc queries on, so a client with a server may send the relation's ZQL. */
const legacySchema = { ...schema, enableLegacyQueries: true } as typeof schema;

let current: AnyZero | undefined;
const zero = () => current;
const jobs = defineModel({ schema, table: 'jobs', zero });
const syncedJobs = defineModel({ schema: legacySchema, table: 'jobs', zero });

const cleanups: (() => unknown)[] = [];
let events: ZeroRecordEvent[] = [];
beforeEach(() => {
  events = [];
  cleanups.push(onEvent((event) => events.push(event)));
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  current = undefined;
});

/** The live outcomes the monitoring hook saw: the error class of each (null for an answer). */
const liveOutcomes = () => events.filter((e) => e.operation === 'live').map((e) => e.error);

function use<Z extends AnyZero>(z: Z): Z {
  current = z;
  cleanups.push(() => z.close());
  return z;
}

let clients = 0;
/** A real Zero client syncing with `cacheURL`. */
function syncingZero(cacheURL: string, options: { disconnectTimeoutMs?: number } = {}): AnyZero {
  return use(new Zero({ userID: 'u', storageKey: `contract-${process.pid}-${++clients}`, cacheURL, schema: legacySchema, kvStore: 'mem', logLevel: 'error', auth: 'token', ...options }));
}

/** A real WebSocket server on loopback; `answer` gets every connection (its number, from 1). Returns its URL. */
async function loopbackServer(answer: (socket: WebSocket, attempt: number) => void): Promise<string> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => server.once('listening', resolve));
  let attempts = 0;
  server.on('connection', (socket) => answer(socket, ++attempts));
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

/** A loopback URL where nothing listens (the port was just freed): every connection attempt is refused. */
async function unreachableURL(): Promise<string> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

/** zero-cache's frame accepting a connection. */
const CONNECTED = JSON.stringify(['connected', { wsid: 'contract', timestamp: Date.now() }]);
/** zero-cache's frame for a token it does not accept. */
const UNAUTHORIZED = JSON.stringify(['error', { kind: 'Unauthorized', message: 'token expired', origin: 'zeroCache' }]);

const stateOf = (z: AnyZero) => z.connection.state.current.name;

describe.each(flavours)('live subscription contract: $name', (flavour) => {
  test('a client without a server answers from local data at once and follows writes', async () => {
    const z = use(localZero());
    const Job = ActiveRecord.createModel(jobs);
    await Job.create({ id: 'j1', title: 'Fix the boiler' });
    await Job.create({ id: 'j2', title: 'Paint the fence' });
    const live = flavour.subscribe(jobs);
    expect(live.latest()).toEqual({ ids: ['j1', 'j2'], error: null, state: null });
    await Job.create({ id: 'j3', title: 'Mow the lawn' });
    flushSync();
    expect(live.latest().ids).toEqual(['j1', 'j2', 'j3']);
    await live.stop();
    expect(stateOf(z)).toBe('disconnected'); // what Zero calls a client without a server
    expect(liveOutcomes()).toEqual([null]);
  });

  test('Zero not created yet: waits for the source, then answers', async () => {
    const live = flavour.subscribe(jobs);
    expect(live.latest()).toEqual(NOTHING_YET);
    use(localZero());
    await ActiveRecord.createModel(jobs).create({ id: 'j1', title: 'Fix the boiler' });
    await waitUntil('the subscription to answer once Zero exists', () => expect(live.latest().ids).toEqual(['j1']));
    await live.stop();
    expect(liveOutcomes()).toEqual([null]);
  });

  test('closed: a ConnectionError at once', async () => {
    const z = use(localZero());
    await z.close();
    const live = flavour.subscribe(jobs);
    expect(live.latest()).toEqual({ ids: [], error: 'ConnectionError', state: 'closed' });
    await live.stop();
    expect(liveOutcomes()).toEqual(['ConnectionError']);
  });

  test('closed while waiting for zero-cache: a ConnectionError', async () => {
    const z = syncingZero(await unreachableURL());
    const live = flavour.subscribe(syncedJobs);
    expect(live.latest()).toEqual(NOTHING_YET);
    await z.close();
    flushSync();
    await waitUntil('the closed client to be reported', () => expect(live.latest()).toEqual({ ids: [], error: 'ConnectionError', state: 'closed' }));
    await live.stop();
    expect(liveOutcomes()).toEqual(['ConnectionError']);
  });

  test('connecting: waits, no error', async () => {
    const z = syncingZero(await unreachableURL());
    const live = flavour.subscribe(syncedJobs);
    expect(stateOf(z)).toBe('connecting');
    expect(live.latest()).toEqual(NOTHING_YET);
    await live.stop();
    expect(liveOutcomes()).toEqual([]);
  });

  test('disconnected: still waits (Zero keeps retrying), no error', async () => {
    const z = syncingZero(await unreachableURL(), { disconnectTimeoutMs: 50 });
    const live = flavour.subscribe(syncedJobs);
    await waitUntil("Zero to give up connecting ('disconnected')", () => stateOf(z) === 'disconnected');
    flushSync();
    expect(live.latest()).toEqual(NOTHING_YET);
    await live.stop();
    expect(liveOutcomes()).toEqual([]);
  });

  test('connected: waits for zero-cache to answer, no error', async () => {
    const z = syncingZero(await loopbackServer((socket) => socket.send(CONNECTED)));
    const live = flavour.subscribe(syncedJobs);
    await waitUntil("the client to be 'connected'", () => stateOf(z) === 'connected');
    flushSync();
    expect(live.latest()).toEqual(NOTHING_YET);
    await live.stop();
    expect(liveOutcomes()).toEqual([]);
  });

  test("error: a server that is not zero-cache stalls the connection; the wait fails with ConnectionError('error')", async () => {
    const z = syncingZero(await loopbackServer((socket) => socket.send('<html>not zero-cache</html>')));
    const live = flavour.subscribe(syncedJobs);
    await waitUntil('the stalled connection to be reported', () => expect(live.latest()).toEqual({ ids: [], error: 'ConnectionError', state: 'error' }));
    expect(stateOf(z)).toBe('error');
    await live.stop();
    expect(liveOutcomes()).toEqual(['ConnectionError']);
  });

  test("needs-auth: ConnectionError('needs-auth'), gone once the client is connected again", async () => {
    const z = syncingZero(await loopbackServer((socket, attempt) => socket.send(attempt === 1 ? UNAUTHORIZED : CONNECTED)));
    const live = flavour.subscribe(syncedJobs);
    await waitUntil('the auth failure to be reported', () => expect(live.latest()).toEqual({ ids: [], error: 'ConnectionError', state: 'needs-auth' }));
    await z.connection.connect({ auth: 'fresh-token' });
    await waitUntil("the client to be 'connected' again", () => stateOf(z) === 'connected');
    flushSync();
    expect(live.latest()).toEqual(NOTHING_YET);
    await live.stop();
    expect(liveOutcomes()).toEqual(['ConnectionError']);
  });

  test('view error: a read zero-cache can never answer is a ConfigError at once', async () => {
    // No named query, and a schema without enableLegacyQueries: zero-cache would never answer this read.
    syncingZero(await unreachableURL());
    const live = flavour.subscribe(jobs);
    expect(live.latest()).toEqual({ ids: [], error: 'ConfigError', state: null });
    await live.stop();
    expect(liveOutcomes()).toEqual(['ConfigError']);
  });

  test("release: identical subscriptions share one Zero view, gone with the last reader (Zero's own count)", async () => {
    const z = use(localZero());
    const Job = ActiveRecord.createModel(jobs);
    await Job.create({ id: 'j1', title: 'Fix the boiler' });
    const first = flavour.subscribe(jobs);
    const second = flavour.subscribe(jobs);
    expect(second.latest()).toEqual({ ids: ['j1'], error: null, state: null });
    expect((await zeroViewCounts(z)).views).toBe(1);
    await Job.create({ id: 'j2', title: 'Bleed the radiators' });
    expect([first.latest().ids, second.latest().ids]).toEqual([['j1', 'j2'], ['j1', 'j2']]);
    await first.stop();
    expect((await zeroViewCounts(z)).views).toBe(1);
    // The reader left is still told of every change; the one released is not.
    await Job.create({ id: 'j3', title: 'Check the pressure' });
    expect([first.latest().ids, second.latest().ids]).toEqual([['j1', 'j2'], ['j1', 'j2', 'j3']]);
    await second.stop();
    expect(await zeroViewCounts(z)).toMatchObject({ views: 0, totalConnections: 0 });
    expect(liveOutcomes()).toEqual([null, null]);
  });
});

test('every live outcome reaches the hook labelled with the model and the new architecture', async () => {
  use(localZero());
  const live = flavours[0]!.subscribe(jobs);
  await live.stop();
  expect(events.filter((e) => e.operation === 'live')).toEqual([
    { model: 'Job', operation: 'live', durationMs: expect.any(Number), error: null, newArchitecture: true },
  ]);
});
