/**
 * Plans every file of a run and returns the plans in the order of `files`, whatever order they finish in.
 * Each file's plan is independent (read, parse, transform, verify), so a large run goes to one worker thread per
 * core, files sent in batches; a small one stays in this thread, where starting workers (each loads tsx,
 * svelte/compiler, babel, jscodeshift and typescript) would cost more than it saves.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FilePlan, PlanOptions } from '../../codemods/index.ts';
import type { PlanBatch, PlanWorkerData, PlanWorkerMessage } from './plan-messages.ts';

/** Below this many files the run plans in-process. */
export const WORKERS_FROM_FILES = 50;
/** A batch is small enough that the workers finish close together, large enough that messages stay few. */
const MAX_BATCH = 25;
const BATCHES_PER_WORKER = 8;
const INTERRUPT_POLL_MS = 50;

export interface PlanRun {
  readonly root: string;
  /** Root-relative paths. */
  readonly files: readonly string[];
  readonly options: PlanOptions;
  /** Worker threads to plan in; 0 plans in this thread. */
  readonly threads: number;
  /** Progress: `done` of `total` files, `file` the one being (in-process) or just (workers) planned. */
  readonly onFile: (done: number, total: number, file: string) => void;
  /** Checked between files: true stops planning. */
  readonly interrupted: () => boolean;
  /** Workers started earlier (`startPlanningWorkers`), used when `threads` > 0; the run closes them. */
  readonly workers?: PlanningWorkers;
}

/** A planning worker threw or died: a bug in the codemods (the in-process path would throw the same error). */
export class PlanningWorkerError extends Error {
  override name = 'PlanningWorkerError';
  constructor(what: string, cause: string, stack?: string) {
    super(`planning failed in a worker thread (${what}): ${cause}; please report this, with the file if one is named`);
    if (stack) this.stack = `${this.name}: ${this.message}\n--- worker stack ---\n${stack}`;
  }
}

/** One thread per core for a run of `fileCount` files, or 0 (in-process) for small runs and single-core machines. */
export function planningThreads(fileCount: number): number {
  const cores = availableParallelism();
  return fileCount < WORKERS_FROM_FILES || cores < 2 ? 0 : cores;
}

/**
 * Planning worker threads, started before their work is known: each spends seconds loading the codemods
 * (svelte/compiler, babel, jscodeshift), which then overlaps what the CLI does meanwhile (the type query runs in
 * the CLI's own thread, on one core). Errors and exits before a run listens are kept for it.
 */
export class PlanningWorkers {
  readonly workers: readonly Worker[];
  private failure: PlanningWorkerError | null = null;

  constructor(root: string, count: number) {
    const workerData: PlanWorkerData = { root };
    const entry = new URL('./plan-worker.mjs', import.meta.url);
    this.workers = Array.from({ length: count }, () => {
      const worker = new Worker(entry, { workerData });
      worker.on('error', (error) => (this.failure ??= new PlanningWorkerError('uncaught', error.message, error.stack)));
      worker.on('exit', (code) => (this.failure ??= new PlanningWorkerError('exited', `worker exited with code ${code} before planning`)));
      return worker;
    });
  }

  /** What went wrong with a worker so far, if anything. */
  get failed(): PlanningWorkerError | null {
    return this.failure;
  }

  /** Stops every worker (idempotent). */
  async close(): Promise<void> {
    for (const worker of this.workers) worker.removeAllListeners('exit');
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

/** The plans in file order, or null when interrupted. */
export function planFiles(run: PlanRun): Promise<FilePlan[] | null> {
  return run.threads > 0 && run.files.length > 0 ? planInWorkers(run) : planInProcess(run);
}

const tick = () => new Promise<void>((done) => setImmediate(done));

async function planInProcess({ root, files, options, onFile, interrupted }: PlanRun): Promise<FilePlan[] | null> {
  // The planner pulls in svelte/compiler, babel and jscodeshift: load it only once there is work to plan.
  const { planProjectFile } = await import('./plan-one.ts');
  const plans: FilePlan[] = [];
  for (const [i, file] of files.entries()) {
    onFile(i + 1, files.length, file);
    plans.push(planProjectFile(root, file, options));
    await tick();
    if (interrupted()) return null;
  }
  return plans;
}

/** The options a batch needs: the typed bindings of its own files only. */
function batchOptions(options: PlanOptions, files: readonly string[]): PlanOptions {
  if (!options.typed) return options;
  const typed: Record<string, NonNullable<PlanOptions['typed']>[string]> = {};
  for (const file of files) if (options.typed[file]) typed[file] = options.typed[file];
  return { ...options, typed };
}

async function planInWorkers({ root, files, options, threads, onFile, interrupted, workers: started }: PlanRun): Promise<FilePlan[] | null> {
  const size = Math.max(1, Math.min(MAX_BATCH, Math.ceil(files.length / (threads * BATCHES_PER_WORKER))));
  const pool = started ?? new PlanningWorkers(root, Math.min(threads, Math.ceil(files.length / size)));
  const { workers } = pool;
  const plans: FilePlan[] = new Array<FilePlan>(files.length);
  let poll: NodeJS.Timeout | undefined;
  try {
    return await new Promise<FilePlan[] | null>((resolve, reject) => {
      let next = 0;
      let done = 0;
      const dispatch = (worker: Worker) => {
        if (next >= files.length) return;
        const batchFiles = files.slice(next, next + size);
        const batch: PlanBatch = { first: next, files: batchFiles, options: batchOptions(options, batchFiles) };
        next += batch.files.length;
        worker.postMessage(batch);
      };
      if (pool.failed) reject(pool.failed);
      poll = setInterval(() => interrupted() && resolve(null), INTERRUPT_POLL_MS);
      for (const worker of workers) {
        worker.on('message', (message: PlanWorkerMessage) => {
          if (message.kind === 'planned') {
            plans[message.index] = message.plan;
            onFile(++done, files.length, message.plan.path);
            if (interrupted()) resolve(null);
            else if (done === files.length) resolve(plans);
          } else if (message.kind === 'batch-done') dispatch(worker);
          else reject(new PlanningWorkerError(message.file, message.message, message.stack));
        });
        worker.on('error', (error) => reject(new PlanningWorkerError('uncaught', error.message, error.stack)));
        // Only an exit before the last plan arrived is a failure; workers are terminated after that.
        worker.on('exit', (code) => done < files.length && reject(new PlanningWorkerError('exited', `worker exited with code ${code} after ${done} of ${files.length} files`)));
        dispatch(worker);
      }
    });
  } finally {
    clearInterval(poll);
    await pool.close();
  }
}
