/**
 * What a leak test measures after a batch of create/read/destroy cycles: what Zero still keeps live (counted through Zero),
 * the runtime's pending timers, whether the objects of every cycle were garbage-collected, and the heap after GC.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { Zero } from '@rocicorp/zero';
import { recordMutators } from '../../runtime/index.ts';
import { schema, type TestSchema } from '../support/zero.ts';
import { zeroViewCounts, type ZeroViewCounts } from '../support/zero-views.ts';
import { WaitTimeoutError, waitUntil } from '../support/wait.ts';

// `--expose-gc` set at run time: vitest's workers start without it, and a fresh context then sees `gc` (V8 reads the flag
// when it creates a context). Same collector as the command-line flag, no vitest config per file needed.
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;

/** Lets Svelte's deferred release (a microtask), Zero's listeners and FinalizationRegistry callbacks run. */
export const settle = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

/** Full GC twice (the second pass frees what the first pass's finalizers released), then heapUsed in bytes. */
export function heapAfterGc(): number {
  collect();
  collect();
  return process.memoryUsage().heapUsed;
}

/**
 * Pending `setTimeout`/`setInterval` handles of the process (the runtime's polls and retries would show here), after Zero's
 * own short timers (query-change batching) had time to fire.
 */
export async function pendingTimers(): Promise<number> {
  await settle(50);
  return timerCount();
}

/**
 * Zero's own timers come and go (7 to 9 on an idle local client), so the runtime's are counted against the count taken
 * before the Zero existed: `close` it (its timers go with it), then give short-lived timers (Zero's and jsdom's, late
 * on a loaded machine) a bounded time to fire. What stays beyond the baseline after that is a poll, an interval or a
 * long timer someone kept: returns the count then.
 */
export async function timersAfterClosing(close: () => Promise<void>, baseline: number): Promise<number> {
  await close();
  try {
    await waitUntil(`pending timers back to ${baseline}`, async () => (await pendingTimers()) <= baseline, { timeoutMs: 10_000, intervalMs: 100 });
  } catch (error) {
    if (!(error instanceof WaitTimeoutError)) throw error;
  }
  return pendingTimers();
}

/** Pending timers right now. */
export function timerCount(): number {
  return process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
}

/**
 * Counts, through a FinalizationRegistry, how many of the objects handed to `track` the collector has freed: proof that no
 * cycle's records, handles or subscribers stay reachable (the registry holds them weakly).
 */
export class CollectionTracker {
  #tracked = 0;
  #freed = 0;
  readonly #registry = new FinalizationRegistry<void>(() => {
    this.#freed++;
  });

  track(object: object): void {
    this.#tracked++;
    this.#registry.register(object, undefined);
  }

  /** GCs and waits for finalizers (they run as later tasks) until all tracked objects are freed or two rounds free none; returns the count alive. */
  async alive(): Promise<number> {
    for (let round = 0, idle = 0; round < 30 && idle < 2 && this.#freed < this.#tracked; round++) {
      const before = this.#freed;
      heapAfterGc();
      await settle(10);
      idle = this.#freed === before ? idle + 1 : 0;
    }
    return this.#tracked - this.#freed;
  }

  get tracked(): number {
    return this.#tracked;
  }
}

/** What Zero keeps live, after Svelte's and Zero's deferred work ran. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function liveInZero(z: Zero<any, any, any>): Promise<Pick<ZeroViewCounts, 'views' | 'totalConnections' | 'desiredQueries'>> {
  await settle();
  const { views, totalConnections, desiredQueries } = await zeroViewCounts(z);
  return { views, totalConnections, desiredQueries };
}

/**
 * A local Zero like `localZero()` whose schema also sets `enableLegacyQueries`: only then does Zero register the runtime's
 * ad-hoc queries as desired queries, so a leaked one is countable. Typed as the shared test schema (same tables).
 */
export function countingZero(): Zero<TestSchema> {
  const legacy = { ...schema, enableLegacyQueries: true } as const;
  return new Zero({ userID: 'leaks', storageKey: `leaks-${process.pid}-${++created}`, cacheURL: null, kvStore: 'mem', schema: legacy, mutators: recordMutators, logLevel: 'error' }) as unknown as Zero<TestSchema>;
}
let created = 0;
