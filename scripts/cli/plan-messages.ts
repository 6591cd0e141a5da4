/** What the CLI and its planning workers say to each other (structured-clone data only). */
import type { FilePlan, PlanOptions } from '../../codemods/index.ts';

export interface PlanWorkerData {
  readonly root: string;
}

/** Slots of a run's shared counters (`PlanRunMessage.shared`, an Int32Array over a SharedArrayBuffer). */
export const NEXT_FILE = 0;
export const STOP = 1;
export const SHARED_SLOTS = 2;

/**
 * CLI -> worker: plan the files of a run. Every worker gets the whole list and claims the next unplanned file
 * from the shared counter itself (`Atomics.add` on `NEXT_FILE`), so the workers keep planning while the CLI's
 * own thread is busy (building the TypeScript program, synchronously); a non-zero `STOP` slot stops them
 * between files. The options come with each run: workers start before the type query has found the typed
 * bindings.
 */
export interface PlanRunMessage {
  /** Which run of the pool this is: a message of an abandoned run (interrupted, failed) is not taken for the next one's. */
  readonly run: number;
  readonly files: readonly string[];
  readonly options: PlanOptions;
  readonly shared: SharedArrayBuffer;
}

/** Worker -> CLI: one file of run `run` planned (`index` in its files), or planning threw. */
export type PlanWorkerMessage =
  | { readonly kind: 'planned'; readonly run: number; readonly index: number; readonly plan: FilePlan }
  | { readonly kind: 'crashed'; readonly run: number; readonly file: string; readonly message: string; readonly stack: string };
