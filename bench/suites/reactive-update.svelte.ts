/**
 * 4. Reactive update cost: one row of a live collection changes through a Zero mutate; the time from the mutation to the
 * moment the effect that reads the whole collection has re-run, vs a raw Zero view listener doing the same reading.
 * Each side has its own local Zero (same rows), so a mutation updates exactly one view. Compiled in client mode (real
 * effects).
 *
 * Measured as this process's CPU time, from just before the mutate to the end of the reader's pass (stamped inside the
 * effect / listener): on a shared machine a wall clock counts the time other processes held the cores (bursts of
 * hundreds of milliseconds at a load of 10 on 2 cores), and timing to the end of the wait loop counted whatever Zero did
 * in the background meanwhile, on one side. Ours, the floors and the listener take turns in every round, and each ratio
 * is the median of the rounds' ratios: ratios taken in separate phases compare the phases too. The first few hundred
 * changes run code V8 is still optimizing (ours at 100 rows: 1.34x over the first 100 rounds, settling near 1.07x after
 * about 800), so a long warm-up comes first.
 *
 * Every size runs code of its own on every side: its read loops, its model's column getters and its row wrapper class
 * are compiled for it (`ownFunction`), as each component and each generated model of an app has its own. A function
 * that had run the 100-row case ran slower at the larger sizes: the listener's loop over 1,000 rows took 6.1 us after
 * the 100-row run used it, 2.5 us compiled afresh (78.7 us and 37.4 us at 10,000), and getters shared by every size's
 * model read three models' records. Sharing slowed the listener and the floors (ours looked better) and our getters
 * (ours looked worse), by different amounts. The runtime, Svelte and Zero stay shared by every size, as in an app.
 *
 * A full run takes the median of 4 processes (groups.ts), each seeding and building the sides in another order
 * (`turnOrder`), as where the heap puts each side's rows moves a process's ratios: 8 processes of one run read
 * 1.05x-1.11x / 1.12x-1.16x / 1.18x-1.24x at 100 / 1,000 / 10,000 rows.
 *
 * At the largest size, two more rows show what reading columns through records costs: an effect re-run over the
 * unchanged collection reading four columns, through a generated config's getters and through the runtime's own (a
 * hand-written config), each against the same effect over Zero's rows.
 */
import { createBuilder } from '@rocicorp/zero';
import { flushSync } from 'svelte';
import { createSubscriber } from 'svelte/reactivity';
import { defineModel } from '../../runtime/index.ts';
import { ReactiveRecord } from '../../runtime/reactive/index.svelte.ts';
import { comparePaired, compareRounds, cpuNow, turnOrder, type StampedSide } from '../harness/sample.ts';
import { measuredRow } from '../harness/rows.ts';
import { ownFunction } from '../harness/own-code.ts';
import { pick } from '../harness/sizes.ts';
import type { GroupResult, Measure, Mode } from '../harness/types.ts';
import { benchMutators, benchZero, compiledJobGetters, jobConfig, jobId, schema, seedJobs, type BenchZero } from '../fixtures/zero.ts';

const GROUP = '4 reactive update';
// Issue 17: a reactive update within 10% of a raw Zero listener.
const GOAL = { kind: 'ratio', max: 1.1 } as const;

type Row = { readonly title: string };

// One column per item, what the update rows read; four, what a list row reads.
const READ_ONE = 'let s = 0; for (const item of items) s += item.title.length; return s;';
const READ_FOUR = 'let s = 0; for (const item of items) s += item.title.length + (item.status?.length ?? 0) + (item.priority ?? 0) + (item.client_id?.length ?? 0); return s;';

/** A read loop compiled for one side at one size (see the header). */
function compiledRead(label: string, body: string): (items: Iterable<unknown>) => number {
  return ownFunction(label, ['items'], body);
}

/**
 * An effect re-run over an unchanged collection, reading four columns per item through its own loop (compiledRead).
 * `run()` makes the effect re-run and returns the pass's own duration (ns, stamped inside the effect: Svelte's
 * scheduling is not counted).
 */
function reReader(label: string, items: () => Iterable<unknown>): StampedSide & { readonly sum: () => number; readonly stop: () => void } {
  const read = compiledRead(label, READ_FOUR);
  let tick = $state(0);
  let took = 0;
  let sum = 0;
  const stop = $effect.root(() => {
    $effect(() => {
      void tick;
      const start = process.hrtime.bigint();
      sum = read(items());
      took = Number(process.hrtime.bigint() - start);
    });
  });
  flushSync();
  const run = async () => {
    tick++;
    flushSync();
    return took;
  };
  return { label, run, sum: () => sum, stop };
}

function retitle(z: BenchZero, id: string, title: string): Promise<unknown> {
  const mutate = z.mutate as unknown as (request: unknown) => { client: Promise<unknown> };
  return mutate(benchMutators.zeroRecord.update({ table: 'jobs', values: { id, title } })).client;
}

/** A reader of the rows after each change: how often it ran, what it summed, and the CPU time its last pass ended. */
interface Reader {
  runs: number;
  sum: number;
  done: number;
  readonly stop: () => void;
}

/** An `$effect` running `pass` (which reads what it depends on) as a Reader. */
function effectReader(pass: () => number): Reader {
  const reader: Reader = {
    runs: 0,
    sum: 0,
    done: 0,
    stop: $effect.root(() => {
      $effect(() => {
        reader.sum = pass();
        reader.runs++;
        reader.done = cpuNow();
      });
    }),
  };
  flushSync();
  return reader;
}

/** What a record is at least: an object holding Zero's row, its columns read through a getter. */
interface RowWrapper {
  readonly row: Row;
  readonly title: string;
}

/** The RowWrapper class of one size, compiled for it alone like that size's model (compiledRead). */
function compiledWrapper(label: string): new (row: Row) => RowWrapper {
  return ownFunction<() => new (row: Row) => RowWrapper>(label, [], 'return class RowWrapper { constructor(row) { this.row = row; } get title() { return this.row.title; } };')();
}

/**
 * A floor: Zero's view of `z`, ONE createSubscriber, and an effect reading what `keep` makes of each snapshot (Zero's
 * rows themselves, or wrappers over them) through a loop compiled for it (compiledRead).
 */
function viewFloor(z: BenchZero, label: string, keep: (rows: readonly Row[]) => Iterable<unknown>): { reader: Reader; view: { readonly data: unknown; destroy(): void } } {
  const view = z.materialize(createBuilder(schema).jobs.orderBy('id', 'asc'));
  let kept: Iterable<unknown> = [];
  const subscribe = createSubscriber((update) =>
    view.addListener((data) => {
      kept = keep(data as readonly Row[]);
      update();
    }),
  );
  const read = compiledRead(label, READ_ONE);
  const reader = effectReader(() => {
    subscribe();
    return read(kept);
  });
  return { reader, view };
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

export async function run(mode: Mode, processIndex: number): Promise<GroupResult> {
  const sizes = pick(mode, [100, 1_000, 10_000], [100, 1_000]);
  const samples = pick(mode, 201, 21);
  // V8 settles our code and Zero's after a few hundred changes; fewer warm-up rounds time code still being optimized.
  const warmup = pick(mode, 1000, 100);
  const rows = [];
  for (const size of sizes) {
    let n = 0;
    // Each side has a Zero of its own. They are seeded, and their sides built, in an order that turns with the process
    // (a full run takes the median of several): where the heap puts each side's rows moves the ratios from one process
    // to the next, and one fixed order favours whichever side it happens to favour.
    const [zSubject, zFloor, zBaseline, wrapZero] = [benchZero(), benchZero(), benchZero(), benchZero()] as const;
    const order = turnOrder(4, processIndex);
    for (const i of order) await seedJobs([zSubject, zFloor, zBaseline, wrapZero][i]!, size);

    // One model per size, its getters compiled for it alone, as a generated model file has them (compiledJobGetters).
    const buildOurs = () => {
      const jobs = ReactiveRecord.createModel(jobConfig(zSubject, compiledJobGetters(`ours ${size}`))).order('id');
      const readOurs = compiledRead(`ours ${size}`, READ_ONE);
      return { reader: effectReader(() => readOurs(jobs)), jobs };
    };

    // The floor of any runes bridge: Zero's view, ONE createSubscriber, and an effect reading Zero's rows directly.
    const buildFloor = () => viewFloor(zFloor, `floor ${size}`, (rows) => rows);

    const buildListener = () => {
      const view = zBaseline.materialize(createBuilder(schema).jobs.orderBy('id', 'asc'));
      const listener: Reader = { runs: 0, sum: 0, done: 0, stop: () => view.destroy() };
      const readListened = compiledRead(`listener ${size}`, READ_ONE);
      view.addListener((data) => {
        listener.sum = readListened(data as readonly Row[]);
        listener.runs++;
        listener.done = cpuNow();
      });
      return { reader: listener };
    };

    // A second floor: the same, read through one object per row that holds Zero's row, as a record must (copying the
    // columns would break the 64 B per record goal of group 3), renewed as records must be: a changed row gets a new
    // wrapper (Svelte's keyed {#each} updates an item only when it is a new object). Renewed in place, at the one index
    // each change touches (the bench knows it: rows are ordered by id), so it is a lower bound on any records' upkeep.
    let wrappers: RowWrapper[] = [];
    const buildWrapped = () => {
      const Wrapper = compiledWrapper(`wrappers ${size}`);
      return viewFloor(wrapZero, `wrappers ${size}`, (rows) => {
        if (wrappers.length === 0) wrappers = rows.map((row) => new Wrapper(row));
        else wrappers[n % size] = new Wrapper(rows[n % size]!);
        return wrappers;
      });
    };

    const made: unknown[] = [];
    const builders = [buildOurs, buildFloor, buildListener, buildWrapped];
    for (const i of order) made[i] = builders[i]!();
    const [ours, floorSide, listenerSide, wrappedSide] = made as [ReturnType<typeof buildOurs>, ReturnType<typeof buildFloor>, ReturnType<typeof buildListener>, ReturnType<typeof buildWrapped>];

    /** One change on `z`: CPU time from the mutate to the end of `reader`'s pass (it stamps its own end). */
    const change = async (z: BenchZero, reader: Reader, flush: () => void) => {
      const before = reader.runs;
      n++;
      const start = cpuNow();
      await retitle(z, jobId(n % size), `Retitled ${n}`);
      await until(() => reader.runs, before, flush);
      return reader.done - start;
    };
    // One round times every side back to back, so any two can be compared (ours against a floor too).
    const rounds = await compareRounds(
      [
        { label: 'ReactiveRecord $effect', run: () => change(zSubject, ours.reader, flushSync) },
        { label: 'raw view + subscriber + $effect', run: () => change(zFloor, floorSide.reader, flushSync) },
        { label: 'Zero view listener', run: () => change(zBaseline, listenerSide.reader, () => {}) },
        { label: 'raw view + subscriber + $effect over renewed row wrappers', run: () => change(wrapZero, wrappedSide.reader, flushSync) },
      ],
      { samples, warmup, ops: 1, unit: 'CPU us/op' },
    );
    const readers = [ours.reader, floorSide.reader, listenerSide.reader, wrappedSide.reader];
    if (readers.some((reader) => reader.sum === 0)) throw new ReRunTimeoutError('a reader saw no rows: the benchmark would time nothing');
    if (wrappers.some((wrapper, i) => wrapper.row !== (wrappedSide.view.data as readonly Row[])[i])) throw new ReRunTimeoutError('the row wrappers fell behind Zero\'s view: that floor would read stale rows');
    const [subject, floor, baseline, wrapped] = rounds.measures as [Measure, Measure, Measure, Measure];
    const count = size.toLocaleString('en-US');
    rows.push(measuredRow(GROUP, `one row changed of ${count}`, subject, baseline, GOAL, 'CPU time from the mutate to the end of the reader\'s pass; ratio: median of the rounds\' ratios (ours, the floors and the listener take turns in every round)', rounds.ratioOf(0, 2)));
    rows.push(
      measuredRow(GROUP, `floor: a raw view read by an effect, ${count} rows`, floor, baseline, { kind: 'none' },
        'Zero view + one createSubscriber + the $effect reading its rows (what any runes bridge costs) vs the listener alone, in the same rounds', rounds.ratioOf(1, 2)),
    );
    rows.push(
      measuredRow(GROUP, `floor over renewed row wrappers, ${count} rows`, wrapped, baseline, { kind: 'none' },
        'the floor read through one object per row holding Zero\'s row (what reading through records costs), a new one for the changed row (as records are renewed), found at no cost; same rounds', rounds.ratioOf(3, 2)),
    );
    rows.push(
      measuredRow(GROUP, `ours vs the floor over renewed row wrappers, ${count} rows`, subject, wrapped, { kind: 'none' },
        'what the runtime adds to reading through one object per row: keeping each record current, and the collection around them; same rounds', rounds.ratioOf(0, 3)),
    );
    if (size === sizes.at(-1)) {
      // Reading columns: records of a generated config (a getter per column), of a hand-written one (the runtime's
      // getters, one function for every column), and Zero's rows.
      const { jobs } = ours;
      const handJobs = ReactiveRecord.createModel(defineModel({ schema, table: 'jobs', zero: zSubject })).order('id');
      const rawView = zSubject.materialize(createBuilder(schema).jobs.orderBy('id', 'asc'));
      let rawRows: readonly unknown[] = [];
      rawView.addListener((data) => void (rawRows = data as readonly unknown[]));
      const generated = reReader('records, generated getters', () => jobs);
      const hand = reReader('records, runtime getters', () => handJobs);
      const raw = reReader("Zero's rows", () => rawRows);
      const note =
        'an effect re-run over the unchanged collection reading title, status, priority, client_id of every record (generated getters: a generated config; runtime getters: a hand-written one) vs the same effect over Zero\'s rows; wall time of the pass, median of interleaved pairs';
      for (const side of [generated, hand]) {
        const [measured, zero, pairs] = await comparePaired(side, raw, { samples, warmup: 10, ops: 1, unit: 'us/op' });
        rows.push(measuredRow(GROUP, `re-read ${count} records, 4 columns: ${side === generated ? 'generated getters' : 'runtime getters'}`, measured, zero, { kind: 'none' }, note, pairs));
      }
      if (generated.sum() === 0 || generated.sum() !== raw.sum() || hand.sum() !== raw.sum()) throw new ReRunTimeoutError('the re-reads saw different rows');
      for (const side of [generated, hand, raw]) side.stop();
      rawView.destroy();
    }
    for (const reader of readers) reader.stop();
    wrappedSide.view.destroy();
    floorSide.view.destroy();
  }
  return { group: GROUP, rows };
}
