/**
 * The shapes of benchmark results, as written to bench/results.json and rendered in the table and charts.
 */

/** `full` is `npm run bench`; `fast` is `npm run bench:check` (fewer samples, smaller sizes). */
export type Mode = 'full' | 'fast';

export type Unit = 'ns/op' | 'us/op' | 'CPU us/op' | 'ms' | 'B/record' | 'KB' | 'B/view' | 'us/file';

/** `max` of a ratio goal is subject/baseline; of an absolute goal it is in the row's subject unit. */
export type Goal =
  | { readonly kind: 'ratio'; readonly max: number }
  | { readonly kind: 'absolute'; readonly max: number; readonly unit: Unit }
  | { readonly kind: 'none' };

export interface Measure {
  readonly label: string;
  /** The median of the samples. */
  readonly value: number;
  readonly unit: Unit;
  readonly samples: number;
}

export interface BenchRow {
  /** Benchmark group (one chart each), e.g. `1 property access`. */
  readonly group: string;
  readonly name: string;
  readonly subject: Measure | null;
  readonly baseline: Measure | null;
  readonly ratio: number | null;
  readonly goal: Goal;
  readonly met: boolean | null;
  /** Why nothing was measured (the subject has not landed, ...). Never paired with a made-up figure. */
  readonly notMeasured?: string;
  /** A short qualification printed under the table (e.g. which baseline). */
  readonly note?: string;
}

export interface GroupResult {
  readonly group: string;
  readonly rows: readonly BenchRow[];
}

export interface BenchResults {
  readonly mode: Mode;
  readonly startedAt: string;
  readonly node: string;
  readonly platform: string;
  readonly cpus: number;
  readonly rows: readonly BenchRow[];
}
