/**
 * ActiveRecord: 10,000 read cycles (find + a subscribed relation, unsubscribed) and 1,000 write cycles (create, find,
 * subscribe, destroy) leave nothing live in Zero, no runtime timer, and no record, relation or subscriber reachable.
 * The heap is compared with Zero's own cost of the same materialize/destroy (Zero 1.9 keeps ~4.4 KB per view ever
 * created, see `zero-retention` below), so what is asserted is that zero-record adds no per-cycle retention on top.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { createBuilder, type Zero } from '@rocicorp/zero';
import { ActiveRecord, defineModel } from '../../runtime/index.ts';
import { schema, type TestSchema } from '../support/zero.ts';
import { CollectionTracker, countingZero, heapAfterGc, liveInZero, pendingTimers, settle, timerCount, timersAfterClosing } from './leak-check.ts';
import { SOAK } from '../support/wait.ts';

const CYCLES = 10_000;
const WRITE_CYCLES = 1_000;
const IDS = ['j1', 'j2', 'j3', 'j4'];
/** Per test: a batch takes a few seconds on 2 cores; the GC rounds of `alive()` add a few more. */
const NOTHING_LIVE = { views: 0, totalConnections: 0, desiredQueries: 0 };

let current: Zero<TestSchema> | undefined;
const clientConfig = defineModel({ schema, table: 'clients', zero: () => current });
const jobConfig = defineModel({
  schema,
  table: 'jobs',
  zero: () => current,
  scopes: { by_client: (r, id: string) => r.where({ client_id: id }) },
  relationships: { client: () => clientConfig },
});
const Job = ActiveRecord.createModel(jobConfig);

function useZero(): Zero<TestSchema> {
  current = countingZero();
  return current;
}

async function seed(): Promise<void> {
  for (const [n, id] of IDS.entries()) await Job.create_bang({ id, title: `Job ${id}`, status: 'active', client_id: n % 2 ? 'c1' : 'c2', created_at: n });
}

async function closeZero(): Promise<void> {
  await current?.close();
  current = undefined;
}

afterEach(closeZero);

/** One read cycle: a record read by id, a scope subscribed (records delivered at once), then unsubscribed. */
async function readCycle(i: number, tracker: CollectionTracker, relations?: CollectionTracker): Promise<number> {
  const job = await Job.find(IDS[i % IDS.length]);
  const relation = Job.by_client(String(job.client_id)).order({ created_at: 'desc' });
  let delivered: unknown[] = [];
  const subscriber = (records: unknown[]) => {
    delivered = records;
  };
  const unsubscribe = relation.subscribe(subscriber);
  unsubscribe();
  tracker.track(job);
  tracker.track(subscriber);
  tracker.track(delivered);
  relations?.track(relation);
  return delivered.length;
}

/** One write cycle: create, find, subscribe by id, destroy, unsubscribe; returns the rows the subscription saw last. */
async function writeCycle(i: number, tracker: CollectionTracker): Promise<number> {
  const created = await Job.create_bang({ id: `w${i}`, title: `Write ${i}`, status: 'active', client_id: 'c1' });
  const found = await Job.find(`w${i}`);
  let seen = -1;
  const unsubscribe = Job.where({ id: `w${i}` }).subscribe((records) => {
    seen = records.length;
  });
  await found.destroy();
  unsubscribe();
  tracker.track(created);
  tracker.track(found);
  return seen;
}

/** One subscribe cycle on its own query object; the subscriber is tracked. */
function subscribeCycle(clientId: string, tracker: CollectionTracker, keep = false): (() => void) | undefined {
  const subscriber = () => undefined;
  const unsubscribe = Job.by_client(clientId).subscribe(subscriber);
  tracker.track(subscriber);
  if (keep) return unsubscribe;
  unsubscribe();
  return undefined;
}

describe('negative controls: the same counters see a leak', SOAK, () => {
  test('one subscription left subscribed in 100 cycles shows as a view, a connection, a desired query and a live subscriber', async () => {
    const z = useZero();
    const tracker = new CollectionTracker();
    let leaked: (() => void) | undefined;
    for (let i = 0; i < 100; i++) leaked = subscribeCycle(`c${i}`, tracker, i === 50) ?? leaked;
    expect(await liveInZero(z)).toEqual({ views: 1, totalConnections: 1, desiredQueries: 1 });
    expect(await tracker.alive()).toBe(1);
    leaked?.();
    expect(await liveInZero(z)).toEqual(NOTHING_LIVE);
  });
});

describe('ActiveRecord create/read/destroy cycles', SOAK, () => {
  test(`${CYCLES} read cycles: no view, connection, timer or object left`, async () => {
    const timers = await pendingTimers();
    const z = useZero();
    await seed();
    const tracker = new CollectionTracker();
    let delivered = 0;
    for (let i = 0; i < CYCLES; i++) delivered += await readCycle(i, tracker);
    expect(delivered).toBe(CYCLES * 2); // each client has two of the seeded jobs

    // desiredQueries: see the unseeded test below (Zero defers query removal while a local write awaits the server).
    expect(await liveInZero(z)).toMatchObject({ views: 0, totalConnections: 0 });
    expect(await timersAfterClosing(closeZero, timers)).toBeLessThanOrEqual(timers);
    expect(tracker.tracked).toBe(CYCLES * 3);
    expect(await tracker.alive()).toBe(0);
  });

  test(`${CYCLES} subscriptions on a Zero without pending writes: no desired query left`, async () => {
    // Zero keeps a view's query desired until every pending mutation is confirmed by the server, which a local client
    // never gets; so this batch runs on a client that never wrote (the subscriptions deliver no rows).
    const z = useZero();
    for (let i = 0; i < CYCLES; i++) Job.by_client(`c${i % 8}`).subscribe(() => undefined)();
    expect(await liveInZero(z)).toEqual(NOTHING_LIVE);
  });

  test(`${WRITE_CYCLES} write cycles (create, find, subscribe, destroy): no view, connection, timer or record left`, async () => {
    const timers = await pendingTimers();
    const z = useZero();
    const tracker = new CollectionTracker();
    for (let i = 0; i < WRITE_CYCLES; i++) expect(await writeCycle(i, tracker)).toBe(0); // subscription followed the destroy
    expect(await Job.count()).toBe(0);
    expect(await liveInZero(z)).toMatchObject({ views: 0, totalConnections: 0 });
    expect(await timersAfterClosing(closeZero, timers)).toBeLessThanOrEqual(timers);
    expect(await tracker.alive()).toBe(0);
  });

  // Zero 1.9's ArrayView keeps its listeners after destroy() and Zero itself keeps destroyed views reachable (MemorySource
  // index `usedBy`, QueryManager `#pendingRemovals`); SharedView detaches its listener before destroy() so that does not
  // pin the spec and its relation (~950 B per cycle before the fix).
  test(`heap after ${CYCLES} subscribe cycles grows no more than Zero's own materialize/destroy; every relation is collected`, async () => {
    const z = useZero();
    await seed();
    const zql = createBuilder(schema);
    // Built per cycle, as the runtime does: Zero keeps every materialized query object (see the file comment).
    const rawCycle = () => z.materialize(zql.jobs.where('client_id', 'c1').orderBy('created_at', 'desc'), { ttl: '5m' }).destroy();
    const relations = new CollectionTracker();
    const runtimeCycle = () => {
      const relation = Job.by_client('c1').order({ created_at: 'desc' });
      relation.subscribe(() => undefined)();
      relations.track(relation);
    };
    for (let i = 0; i < 1_000; i++) {
      rawCycle();
      runtimeCycle();
    }
    await settle();
    const start = heapAfterGc();
    for (let i = 0; i < CYCLES; i++) rawCycle();
    await settle();
    const afterRaw = heapAfterGc();
    for (let i = 0; i < CYCLES; i++) runtimeCycle();
    await settle();
    const afterRuntime = heapAfterGc();
    const zeroGrowth = afterRaw - start;
    const runtimeGrowth = afterRuntime - afterRaw;
    console.info(`leaks: heap per ${CYCLES} cycles: raw Zero ${(zeroGrowth / 1e6).toFixed(2)} MB, zero-record ${(runtimeGrowth / 1e6).toFixed(2)} MB`);
    expect(await liveInZero(z)).toMatchObject({ views: 0, totalConnections: 0 });
    expect(runtimeGrowth - zeroGrowth).toBeLessThan(2_000_000);
    expect(await relations.alive()).toBe(0); // measured today: 11,000 of 11,000 still reachable
  });
});
