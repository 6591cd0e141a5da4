/** What the CLI and its planning workers say to each other (structured-clone data only). */
import type { FilePlan, PlanOptions } from '../../codemods/index.ts';

export interface PlanWorkerData {
  readonly root: string;
}

/**
 * CLI -> worker: plan these files; `first` is the index of `files[0]` in the whole run. The options come with
 * each batch: workers start before the type query has found the typed bindings.
 */
export interface PlanBatch {
  readonly first: number;
  readonly files: readonly string[];
  readonly options: PlanOptions;
}

/** Worker -> CLI: one file planned, a batch finished (send the next), or planning threw. */
export type PlanWorkerMessage =
  | { readonly kind: 'planned'; readonly index: number; readonly plan: FilePlan }
  | { readonly kind: 'batch-done' }
  | { readonly kind: 'crashed'; readonly file: string; readonly message: string; readonly stack: string };
