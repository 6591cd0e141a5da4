/**
 * 4. Reactive update cost: one row of a live collection changes through a Zero mutate; the time until the effect that
 * reads the whole collection has re-run, vs a raw Zero view listener doing the same reading. Each side has its own
 * local Zero (same rows), so a mutation updates exactly one view. Compiled in client mode (real effects).
 */
import { createBuilder } from '@rocicorp/zero';
import { flushSync } from 'svelte';
import { createSubscriber } from 'svelte/reactivity';
import { ReactiveRecord } from '../../runtime/reactive/index.svelte.ts';
import { compareAsync } from '../harness/sample.ts';
import { measuredRow } from '../harness/rows.ts';
import { pick } from '../harness/sizes.ts';
import type { GroupResult, Mode } from '../harness/types.ts';
import { benchMutators, benchZero, jobConfig, jobId, schema, seedJobs, type BenchZero } from '../fixtures/zero.ts';

const GROUP = '4 reactive update';
// Issue 17: a reactive update within 10% of a raw Zero listener.
const GOAL = { kind: 'ratio', max: 1.1 } as const;

type Row = { readonly title: string };

function retitle(z: BenchZero, id: string, title: string): Promise<unknown> {
  const mutate = z.mutate as unknown as (request: unknown) => { client: Promise<unknown> };
  return mutate(benchMutators.zeroRecord.update({ table: 'jobs', values: { id, title } })).client;
}

class ReRunTimeoutError extends Error {
  override name = 'ReRunTimeoutError';
}

/** Waits (microtasks, then macrotasks) until `runs()` moved past `before`; the work under test is already scheduled. */
async function until(runs: () => number, before: number, flush: () => void): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    flush();
    if (runs() > before) return;
    await (i < 100 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, 0)));
  }
  throw new ReRunTimeoutError('the reader did not re-run after a Zero mutation; the live query is not wired to Zero');
}

export async function run(mode: Mode): Promise<GroupResult> {
  const sizes = pick(mode, [100, 1_000, 10_000], [100, 1_000]);
  const samples = pick(mode, 31, 9);
  const rows = [];
  for (const size of sizes) {
    const zSubject = benchZero();
    const zBaseline = benchZero();
    const zFloor = benchZero();
    await seedJobs(zSubject, size);
    await seedJobs(zBaseline, size);
    await seedJobs(zFloor, size);

    const Job = ReactiveRecord.createModel(jobConfig(zSubject));
    const jobs = Job.order('id');
    let effectRuns = 0;
    let effectSum = 0;
    const stop = $effect.root(() => {
      $effect(() => {
        let s = 0;
        for (const job of jobs) s += (job as unknown as Row).title.length;
        effectSum = s;
        effectRuns++;
      });
    });
    flushSync();

    // The floor of any runes bridge: Zero's view, ONE createSubscriber, and an effect reading Zero's rows directly.
    const floorView = zFloor.materialize(createBuilder(schema).jobs.orderBy('id', 'asc'));
    let floorRows: readonly Row[] = [];
    const subscribe = createSubscriber((update) =>
      floorView.addListener((data) => {
        floorRows = data as readonly Row[];
        update();
      }),
    );
    let floorRuns = 0;
    let floorSum = 0;
    const stopFloor = $effect.root(() => {
      $effect(() => {
        subscribe();
        let s = 0;
        for (const row of floorRows) s += row.title.length;
        floorSum = s;
        floorRuns++;
      });
    });
    flushSync();

    const view = zBaseline.materialize(createBuilder(schema).jobs.orderBy('id', 'asc'));
    let listenerRuns = 0;
    let listenerSum = 0;
    view.addListener((data) => {
      let s = 0;
      for (const row of data as readonly Row[]) s += row.title.length;
      listenerSum = s;
      listenerRuns++;
    });

    let n = 0;
    const change = async (z: BenchZero, runs: () => number, flush: () => void) => {
      const before = runs();
      n++;
      await retitle(z, jobId(n % size), `Retitled ${n}`);
      await until(runs, before, flush);
      return n;
    };
    const [subject, baseline] = await compareAsync(
      { label: 'ReactiveRecord $effect', run: () => change(zSubject, () => effectRuns, flushSync) },
      { label: 'Zero view listener', run: () => change(zBaseline, () => listenerRuns, () => {}) },
      { samples, warmup: 5, ops: 1, unit: 'us/op' },
    );
    const [floor, bare] = await compareAsync(
      { label: 'raw view + subscriber + $effect', run: () => change(zFloor, () => floorRuns, flushSync) },
      { label: 'Zero view listener', run: () => change(zBaseline, () => listenerRuns, () => {}) },
      { samples, warmup: 5, ops: 1, unit: 'us/op' },
    );
    if (effectSum === 0 || listenerSum === 0 || floorSum === 0) throw new ReRunTimeoutError('a reader saw no rows: the benchmark would time nothing');
    rows.push(measuredRow(GROUP, `one row changed of ${size.toLocaleString('en-US')}`, subject, baseline, GOAL));
    rows.push(
      measuredRow(GROUP, `floor: a raw view read by an effect, ${size.toLocaleString('en-US')} rows`, floor, bare, { kind: 'none' },
        'Zero view + one createSubscriber + the $effect reading its rows (what any runes bridge costs) vs the listener alone'),
    );
    stop();
    stopFloor();
    view.destroy();
  }
  return { group: GROUP, rows };
}
