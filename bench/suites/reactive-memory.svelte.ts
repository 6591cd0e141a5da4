/**
 * 3. ReactiveRecord memory. A live collection read by an effect (Zero view + records) vs the raw Zero view of the
 * same query; the difference per record is what ReactiveRecord adds over Zero's own row (goal <= 64 B). That
 * per-record cost is also set against a plain object and a class with 8 `$state` fields holding the same columns.
 * Several local Zero clients with the same rows give each build enough records to measure above heap noise.
 */
import { createBuilder } from '@rocicorp/zero';
import { flushSync } from 'svelte';
import { ReactiveRecord } from '../../runtime/reactive/index.svelte.ts';
import { compareMemory } from '../harness/memory.ts';
import { consume } from '../harness/sample.ts';
import { measuredRow } from '../harness/rows.ts';
import { pick } from '../harness/sizes.ts';
import type { GroupResult, Measure, Mode } from '../harness/types.ts';
import { StateJob } from '../subjects/state-job.svelte.ts';
import { benchZero, jobConfig, jobId, schema, seedJobs, type BenchZero, plainJobs } from '../fixtures/zero.ts';

const GROUP = '3 ReactiveRecord memory';
const RECORDS_PER_BUILD = { full: 20_000, fast: 10_000 } as const;

type Row = Readonly<Record<string, unknown>>;
type Reader = { readonly title: unknown };

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** An effect root reading every record of `records`; returns its stop function. */
function readInEffect(records: Iterable<Reader>): () => void {
  const stop = $effect.root(() => {
    $effect(() => {
      let n = 0;
      for (const record of records) n += record.title === null ? 0 : 1;
      consume(n);
    });
  });
  flushSync();
  return stop;
}

/** Stops effect roots; views are released after Svelte's microtask, hence the tick. */
async function stopAll(built: unknown): Promise<void> {
  for (const stop of built as Array<() => void>) stop();
  flushSync();
  await tick();
}

function rawView(z: BenchZero, query: unknown): { destroy(): void } {
  const view = z.materialize(query as Parameters<BenchZero['materialize']>[0]);
  view.addListener((data) => consume((data as readonly Row[]).length));
  return view;
}

export async function run(mode: Mode): Promise<GroupResult> {
  const sizes = pick(mode, [1_000, 10_000], [1_000]);
  const samples = pick(mode, 7, 3);
  const zql = createBuilder(schema);
  const rows = [];
  for (const size of sizes) {
    const clients = Math.max(1, Math.round(RECORDS_PER_BUILD[mode] / size));
    const zeros: BenchZero[] = [];
    for (let i = 0; i < clients; i++) {
      const z = benchZero();
      await seedJobs(z, size);
      zeros.push(z);
    }
    const models = zeros.map((z) => ReactiveRecord.createModel(jobConfig(z)));
    const query = zql.jobs.orderBy('id', 'asc');
    const fetched = await Promise.all(zeros.map((z) => z.run(query) as Promise<readonly Row[]>));
    const [collection, raw, plain, state] = await compareMemory(
      [
        { label: 'ReactiveRecord collection', build: () => models.map((Job) => readInEffect(Job.order('id') as unknown as Iterable<Reader>)), dispose: stopAll },
        { label: 'raw Zero view', build: () => zeros.map((z) => rawView(z, query)), dispose: (views) => (views as Array<{ destroy(): void }>).forEach((v) => v.destroy()) },
        { label: 'plain object', build: () => fetched.map(plainJobs) },
        { label: '$state class (8 fields)', build: () => fetched.map((list) => list.map((row) => new StateJob(row))) },
      ],
      { samples, per: size * clients, unit: 'B/record' },
    );
    const count = size.toLocaleString('en-US');
    const own: Measure = { ...collection!, label: 'ReactiveRecord record', value: collection!.value - raw!.value };
    rows.push(measuredRow(GROUP, `overhead over raw Zero row, ${count} records`, own, null, { kind: 'absolute', max: 64, unit: 'B/record' }, 'live collection read by an effect minus the raw Zero view of the same query'));
    rows.push(measuredRow(GROUP, `collection vs raw Zero view, ${count} records`, collection!, raw!, { kind: 'none' }));
    rows.push(measuredRow(GROUP, `record vs plain object, ${count} records`, own, plain!, { kind: 'none' }));
    rows.push(measuredRow(GROUP, `record vs $state class, ${count} records`, own, state!, { kind: 'none' }));
  }

  // Per live collection: `views` one-row collections, each read by its own effect, vs as many raw views of the same queries.
  const views = pick(mode, 200, 100);
  const z = benchZero();
  await seedJobs(z, views);
  const Job = ReactiveRecord.createModel(jobConfig(z));
  const [perCollection, perView] = await compareMemory(
    [
      { label: 'ReactiveRecord collection', build: () => Array.from({ length: views }, (_, i) => readInEffect(Job.where({ id: jobId(i) }) as unknown as Iterable<Reader>)), dispose: stopAll },
      { label: 'raw Zero view', build: () => Array.from({ length: views }, (_, i) => rawView(z, zql.jobs.where('id', jobId(i)))), dispose: (views) => (views as Array<{ destroy(): void }>).forEach((v) => v.destroy()) },
    ],
    { samples, per: views, unit: 'B/view' },
  );
  rows.push(measuredRow(GROUP, `per live collection (1 row, ${views} live)`, perCollection!, perView!, { kind: 'none' }, 'a collection with its effect vs a raw Zero view with its listener'));
  return { group: GROUP, rows };
}
