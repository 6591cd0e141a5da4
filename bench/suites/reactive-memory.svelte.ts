/**
 * 3. ReactiveRecord memory. A live collection read by an effect (Zero view + records) vs the raw Zero view of the
 * same query; the difference per record is what ReactiveRecord adds over Zero's own row (goal <= 64 B). That
 * per-record cost is also set against a plain object and a class with 8 `$state` fields holding the same columns.
 * Several local Zero clients with the same rows give each build enough records to measure above heap noise.
 */
import { createBuilder } from '@rocicorp/zero';
import { flushSync } from 'svelte';
import { createSubscriber } from 'svelte/reactivity';
import { ReactiveRecord } from '../../runtime/reactive/index.svelte.ts';
import { compareMemory } from '../harness/memory.ts';
import { median, pairedRatio } from '../harness/stats.ts';
import { consume, cpuNow } from '../harness/sample.ts';
import { measuredRow } from '../harness/rows.ts';
import { pick } from '../harness/sizes.ts';
import type { GroupResult, Measure, Mode } from '../harness/types.ts';
import { StateJob } from '../subjects/state-job.svelte.ts';
import { benchZero, jobConfig, jobId, schema, seedJobs, type BenchZero, plainJobs } from '../fixtures/zero.ts';

const GROUP = '3 ReactiveRecord memory';
// Issue 17: a live collection (its effect included) within 1.3x a raw Zero view with its listener.
const COLLECTION_GOAL = { kind: 'ratio', max: 1.3 } as const;
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
  // A thousand: with 200 (some 1.5 MB a sample) one run's processes read 1.24x to 1.38x.
  const views = pick(mode, 1_000, 100);
  const z = benchZero();
  await seedJobs(z, views);
  const Job = ReactiveRecord.createModel(jobConfig(z));
  // Against the same raw views, in the same rounds: the collections, and the floor of any runes bridge over a Zero
  // view (the view, ONE createSubscriber and the effect reading it).
  const [perCollection, floor, perView] = await compareMemory(
    [
      { label: 'ReactiveRecord collection', build: () => Array.from({ length: views }, (_, i) => readInEffect(Job.where({ id: jobId(i) }) as unknown as Iterable<Reader>)), dispose: stopAll },
      { label: 'raw view + subscriber + $effect', build: () => Array.from({ length: views }, (_, i) => subscribedView(z, zql.jobs.where('id', jobId(i)))), dispose: stopAll },
      { label: 'raw Zero view', build: () => Array.from({ length: views }, (_, i) => rawView(z, zql.jobs.where('id', jobId(i)))), dispose: (views) => (views as Array<{ destroy(): void }>).forEach((v) => v.destroy()) },
    ],
    { samples, per: views, unit: 'B/view' },
  );
  rows.push(measuredRow(GROUP, `per live collection (1 row, ${views} live)`, perCollection!, perView!, COLLECTION_GOAL, 'a collection with its effect vs a raw Zero view with its listener'));
  rows.push(measuredRow(GROUP, `floor: a raw view read by an effect (${views} live)`, floor!, perView!, { kind: 'none' }, 'a Zero view with one createSubscriber and the $effect reading it (what any runes bridge needs) vs the view with its listener, in the same rounds'));

  rows.push(...(await findHandles(mode)));
  return { group: GROUP, rows };
}

/**
 * A raw Zero view bridged to runes the least a bridge can: one createSubscriber over the view (made while read, destroyed
 * with the last reader). The returned function reads the view's data; inside an effect it keeps the view live.
 */
function subscribed(z: BenchZero, query: unknown): () => unknown {
  let data: unknown;
  const subscribe = createSubscriber((update) => {
    const view = z.materialize(query as Parameters<BenchZero['materialize']>[0]);
    const stop = view.addListener((latest) => {
      data = latest;
      update();
    });
    return () => {
      stop();
      view.destroy();
    };
  });
  return () => {
    subscribe();
    return data;
  };
}

/** A row's columns as properties over `read` (a `subscribed` view), each getter reading the view itself. */
function columns(read: () => unknown): { readonly title: unknown; readonly status: unknown } {
  return {
    get title() {
      return (read() as { title?: unknown } | undefined)?.title;
    },
    get status() {
      return (read() as { status?: unknown } | undefined)?.status;
    },
  };
}

/** A raw view read through `subscribed` by one effect. Returns the stop function. */
function subscribedView(z: BenchZero, query: unknown): () => void {
  const read = subscribed(z, query);
  return readInEffect({
    *[Symbol.iterator]() {
      for (const row of (read() as readonly Row[] | undefined) ?? []) yield row as unknown as Reader;
    },
  });
}

/**
 * A component rendering 100 `find` handles: one effect per handle reading two columns (as a template's effects do), against
 * 100 raw `.one()` views whose listeners read the same columns, and two floors: those views each read by its own effect
 * through one createSubscriber (what a runes bridge costs before any record API), and the same with each column read
 * through a getter that subscribes (what a bridge showing columns as properties costs). Mount time (handles made, effects
 * run, rows shown) and heap. On a Zero of its own: one that ran the collection cases keeps their queries.
 */
async function findHandles(mode: Mode) {
  const count = 100;
  const samples = pick(mode, 31, 9);
  // The heap of one component (some 700 KB) moves by a fifth between samples: each memory sample mounts several at
  // once, each showing its own 100 rows, and divides by all their handles.
  const components = pick(mode, 10, 4);
  const z = benchZero();
  await seedJobs(z, count * components);
  const zql = createBuilder(schema);
  const Job = ReactiveRecord.createModel(jobConfig(z));
  type Shown = { readonly title: unknown; readonly status: unknown };
  /**
   * One effect per row `from` to `from + count` reading `show(make(i))`, as a template shows `{job.title}` and
   * `{job.status}`; throws unless every row showed.
   */
  const mountEffects = <T,>(make: (i: number) => T, show: (made: T) => Shown | undefined, from = 0) => {
    let shown = 0;
    const stop = $effect.root(() => {
      for (let i = from; i < from + count; i++) {
        const made = make(i);
        $effect(() => {
          const job = show(made);
          if (job?.title !== undefined) shown++;
          consume(job?.status);
        });
      }
    });
    flushSync();
    if (shown < count) throw new Error(`only ${shown} of ${count} rows showed after mounting`);
    return [stop];
  };
  const mountHandles = (from = 0) => mountEffects((i) => Job.find(jobId(i)) as unknown as Shown, (job) => job, from);
  const mountFloor = (from = 0) => mountEffects((i) => subscribed(z, zql.jobs.where('id', jobId(i)).one()), (read) => read() as Shown | undefined, from);
  // The floor of a bridge that shows columns as properties (`{job.title}`, as handles do): each read subscribes,
  // and Svelte makes a render effect for every subscribe inside an effect.
  const mountColumns = (from = 0) => mountEffects((i) => columns(subscribed(z, zql.jobs.where('id', jobId(i)).one())), (job) => job, from);
  const mountViews = (from = 0) =>
    Array.from({ length: count }, (_, k) => {
      const i = from + k;
      const view = z.materialize(zql.jobs.where('id', jobId(i)).one());
      view.addListener((row) => {
        const shown = row as Shown | undefined;
        consume(shown?.title);
        consume(shown?.status);
      });
      return view;
    });
  const destroyViews = (views: unknown) => (views as Array<{ destroy(): void }>).forEach((v) => v.destroy());

  // Mount time: each side mounted, timed (CPU time, as the reactive update: a wall clock on a shared machine counts
  // other processes), then torn down untimed; sides interleaved (order rotated every round), after a warm-up; each
  // subject judged pair by pair against the raw views mounted in the same round.
  const sides = [
    { mount: mountHandles, unmount: stopAll },
    { mount: mountFloor, unmount: stopAll },
    { mount: mountViews, unmount: destroyViews },
    { mount: mountColumns, unmount: stopAll },
  ] as const;
  const times: number[][] = sides.map(() => []);
  for (let round = -3; round < samples; round++) {
    for (let k = 0; k < sides.length; k++) {
      const index = (k + round + 3) % sides.length;
      const side = sides[index]!;
      const start = cpuNow();
      const built = side.mount();
      const elapsed = (cpuNow() - start) / 1e6;
      await side.unmount(built);
      if (round >= 0) times[index]!.push(elapsed);
    }
  }
  const [handleTimes, floorTimes, viewTimes, columnTimes] = times as [number[], number[], number[], number[]];
  const timed = (label: string, values: number[]): Measure => ({ label, value: median(values), unit: 'ms', samples: values.length });
  const viewsMount = timed('100 raw .one() views', viewTimes);

  /** `components` mounts of one side at once, each over its own rows. */
  const mountAll = (mount: (from: number) => unknown[]) => () => Array.from({ length: components }, (_, k) => mount(k * count)).flat();
  const [handles, floor, views, columnsFloor] = await compareMemory(
    [
      { label: 'find handles', build: mountAll(mountHandles), dispose: stopAll },
      { label: 'raw .one() view + subscriber + $effect', build: mountAll(mountFloor), dispose: stopAll },
      { label: 'raw .one() views', build: mountAll(mountViews), dispose: destroyViews },
      { label: 'raw .one() view read through a getter per column', build: mountAll(mountColumns), dispose: stopAll },
    ],
    { samples: pick(mode, 7, 3), per: count * components, unit: 'B/view' },
  );
  const together = `; each sample mounts ${components} such components at once`;
  // The mount carries no goal: the issue sets none, and its baseline runs no effect; the floor row says what the
  // effects alone cost, so the handle row is judged against it.
  return [
    measuredRow(GROUP, `component with ${count} find handles: mount time`, timed('100 find handles', handleTimes), viewsMount, { kind: 'none' }, 'one $effect per handle reading two columns vs a raw .one() view per row with its listener; one mount, rows already local; CPU ms, ratio: median of interleaved pairs', pairedRatio(handleTimes, viewTimes)),
    measuredRow(GROUP, `floor: ${count} raw .one() views each read by an effect: mount time`, timed('100 views + subscriber + $effect', floorTimes), viewsMount, { kind: 'none' }, 'a .one() view per row with one createSubscriber and the $effect reading two columns (what any runes bridge costs) vs the views with their listeners; CPU ms, ratio: median of interleaved pairs', pairedRatio(floorTimes, viewTimes)),
    measuredRow(GROUP, `component with ${count} find handles: memory per handle`, handles!, views!, COLLECTION_GOAL, `the handle with its effect vs a raw .one() view with its listener${together}`),
    measuredRow(GROUP, `floor: ${count} raw .one() views each read by an effect: memory per view`, floor!, views!, { kind: 'none' }, `a .one() view with one createSubscriber and the $effect reading it (what any runes bridge needs) vs the view with its listener${together}`),
    measuredRow(GROUP, `floor: ${count} raw .one() views read through a getter per column: mount time`, timed('100 views + a subscribing getter per column + $effect', columnTimes), viewsMount, { kind: 'none' }, 'the floor above with each of the two columns read through a getter that subscribes (what a bridge showing columns as properties costs: a render effect per read) vs the views with their listeners; CPU ms, ratio: median of interleaved pairs', pairedRatio(columnTimes, viewTimes)),
    measuredRow(GROUP, `floor: ${count} raw .one() views read through a getter per column: memory per view`, columnsFloor!, views!, { kind: 'none' }, `the floor above with each of the two columns read through a getter that subscribes (a render effect per read, as any property-style bridge on createSubscriber makes) vs the view with its listener${together}`),
  ];
}
