/**
 * Timing: subject and baseline sampled in the same process, interleaved (ABBA order, so drift and GC pressure fall
 * on both), after a warm-up, with `process.hrtime.bigint()`. Every sampled function returns a value that is folded
 * into a sink, so the optimiser cannot drop the work.
 */
import { median, pairedRatio } from './stats.ts';
import type { Measure, Unit } from './types.ts';

// Module state the optimiser must keep up to date, so work whose result lands here cannot be dropped.
let sink = 0;

/** Folds a result into the sink (numbers add, anything else counts by its truthiness and length). */
export function consume(value: unknown): void {
  if (typeof value === 'number') sink = (sink + value) | 0;
  else if (typeof value === 'string' || Array.isArray(value)) sink = (sink + value.length) | 0;
  else sink = (sink + (value ? 1 : 0)) | 0;
}

export interface Side<T> {
  readonly label: string;
  /** One sample's work: returns something to consume. */
  readonly run: () => T;
}

export interface CompareOptions {
  readonly samples: number;
  readonly warmup: number;
  /** Operations per sample: the measure is time per operation. */
  readonly ops: number;
  readonly unit: Extract<Unit, 'ns/op' | 'us/op' | 'CPU us/op' | 'ms' | 'us/file'>;
}

const PER_UNIT_NS: Record<CompareOptions['unit'], number> = { 'ns/op': 1, 'us/op': 1e3, 'CPU us/op': 1e3, ms: 1e6, 'us/file': 1e3 };

function toMeasure(label: string, nanos: number[], options: CompareOptions): Measure {
  const perOp = nanos.map((n) => n / options.ops / PER_UNIT_NS[options.unit]);
  return { label, value: median(perOp), unit: options.unit, samples: perOp.length };
}

/** Synchronous pair. */
export function compareSync(subject: Side<unknown>, baseline: Side<unknown>, options: CompareOptions): [Measure, Measure] {
  const a: number[] = [];
  const b: number[] = [];
  const time = (side: Side<unknown>, into: number[] | null) => {
    const start = process.hrtime.bigint();
    const value = side.run();
    const elapsed = Number(process.hrtime.bigint() - start);
    consume(value);
    into?.push(elapsed);
  };
  for (let i = 0; i < options.warmup; i++) {
    time(subject, null);
    time(baseline, null);
  }
  for (let i = 0; i < options.samples; i++) {
    const [first, second] = i % 2 === 0 ? [subject, baseline] : [baseline, subject];
    time(first, first === subject ? a : b);
    time(second, second === subject ? a : b);
  }
  return [toMeasure(subject.label, a, options), toMeasure(baseline.label, b, options)];
}

/**
 * Asynchronous pair (finders, Zero writes): each sample awaits its work. Returns both medians and the median of the
 * per-pair ratios (samples i of both sides were taken one after the other).
 */
export async function compareAsync(subject: Side<Promise<unknown>>, baseline: Side<Promise<unknown>>, options: CompareOptions): Promise<[Measure, Measure, number | null]> {
  const a: number[] = [];
  const b: number[] = [];
  const time = async (side: Side<Promise<unknown>>, into: number[] | null) => {
    const start = process.hrtime.bigint();
    const value = await side.run();
    const elapsed = Number(process.hrtime.bigint() - start);
    consume(value);
    into?.push(elapsed);
  };
  for (let i = 0; i < options.warmup; i++) {
    await time(subject, null);
    await time(baseline, null);
  }
  for (let i = 0; i < options.samples; i++) {
    const subjectFirst = i % 2 === 0;
    await time(subjectFirst ? subject : baseline, subjectFirst ? a : b);
    await time(subjectFirst ? baseline : subject, subjectFirst ? b : a);
  }
  return [toMeasure(subject.label, a, options), toMeasure(baseline.label, b, options), pairedRatio(a, b)];
}

/** Times one async job `samples` times (after `warmup`) and returns the median, for absolute figures. */
export async function timeAsync(label: string, run: () => Promise<unknown>, options: Omit<CompareOptions, 'ops'> & { ops?: number }): Promise<Measure> {
  const nanos: number[] = [];
  for (let i = 0; i < options.warmup + options.samples; i++) {
    const start = process.hrtime.bigint();
    consume(await run());
    if (i >= options.warmup) nanos.push(Number(process.hrtime.bigint() - start));
  }
  return toMeasure(label, nanos, { ...options, ops: options.ops ?? 1 });
}

/**
 * CPU time this process has used, in nanoseconds (all its threads; microsecond resolution). On a shared machine a
 * wall clock also counts the time other processes held the cores, which can be many times the work measured.
 */
export function cpuNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) * 1e3;
}

/** One sample of a stamped side: the work's duration in nanoseconds, as the side measured it itself. */
export interface StampedSide {
  readonly label: string;
  /** Starts the work and resolves to its duration (ns): from its start to the moment it was done, not to the await. */
  readonly run: () => Promise<number>;
}

/**
 * Asynchronous pair whose sides time themselves (e.g. from a mutation to the moment the effect that shows it ran, so
 * the wait loop after it and any background work Zero does later are not counted), sampled in interleaved pairs.
 * Returns both medians and the median of the per-pair ratios (see `pairedRatio`), the figure to judge.
 */
export async function comparePaired(subject: StampedSide, baseline: StampedSide, options: CompareOptions): Promise<[Measure, Measure, number | null]> {
  const [a, b] = await sampleRounds([subject, baseline], options);
  return [toMeasure(subject.label, a!, options), toMeasure(baseline.label, b!, options), pairedRatio(a!, b!)];
}

/** Several self-timed sides sampled in the same rounds: each side's median, and `ratioOf` for any two of them. */
export interface Rounds {
  readonly measures: readonly Measure[];
  /** The median of the per-round ratios of side `subject` to side `baseline` (indices into the sides). */
  ratioOf(subject: number, baseline: number): number | null;
}

/**
 * Self-timed sides sampled one after the other in every round, so any two of them can be compared under the same load:
 * comparing two pairs taken in separate phases compares the phases as well (a baseline's median moved by a quarter
 * between two phases of one run).
 */
export async function compareRounds(sides: readonly StampedSide[], options: CompareOptions): Promise<Rounds> {
  const samples = await sampleRounds(sides, options);
  return {
    measures: sides.map((side, i) => toMeasure(side.label, samples[i]!, options)),
    ratioOf: (subject, baseline) => pairedRatio(samples[subject]!, samples[baseline]!),
  };
}

/**
 * The order of `count` sides at turn `turn`: rotated by one each turn, and reversed every other `count` turns, so over
 * `2 * count` turns each side goes first and last equally often, and as often before a neighbour as after it.
 */
export function turnOrder(count: number, turn: number): number[] {
  const order = Array.from({ length: count }, (_, i) => (i + turn) % count);
  return Math.floor(turn / count) % 2 === 1 ? order.reverse() : order;
}

/** Every side once per round, after `warmup` rounds; the order turns each round so no side always runs first or after the same one. */
async function sampleRounds(sides: readonly StampedSide[], options: CompareOptions): Promise<number[][]> {
  const samples = sides.map(() => [] as number[]);
  for (let round = 0; round < options.warmup + options.samples; round++) {
    for (const i of turnOrder(sides.length, round)) {
      const took = await sides[i]!.run();
      if (round >= options.warmup) samples[i]!.push(took);
    }
  }
  return samples;
}
