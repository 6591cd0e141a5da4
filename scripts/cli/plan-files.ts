/**
 * Plans every file of a run and returns the plans in the order of `files`, whatever order they finish in.
 * Each file's plan is independent (read, parse, transform, verify), so a large run goes to one worker thread per
 * core, each claiming the next file from a shared counter; a small one stays in this thread, where starting
 * workers (each loads svelte/compiler, babel, jscodeshift and typescript) would cost more than it saves.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FilePlan, PlanOptions } from '../../codemods/index.ts';
import { NEXT_FILE, SHARED_SLOTS, STOP, type PlanRunMessage, type PlanWorkerData, type PlanWorkerMessage } from './plan-messages.ts';
import { planWorkerEntry } from './worker-bundle.ts';

/** Below this many files the run plans in-process. */
export const WORKERS_FROM_FILES = 50;
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
  /**
   * Workers started earlier (`PlanningWorkers`), the first `threads` of them used; they stay open for the next run and
   * their owner closes them. Without them the run starts its own and closes them.
   */
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
 * (svelte/compiler, babel, jscodeshift), which then overlaps what the CLI does meanwhile. One pool serves
 * several runs in turn (see plan-around-types.ts). Errors and exits while no run listens are kept for the next.
 */
export class PlanningWorkers {
  readonly workers: readonly Worker[];
  private failure: PlanningWorkerError | null = null;
  private runs = 0;

  constructor(root: string, count: number) {
    const workerData: PlanWorkerData = { root };
    const entry = planWorkerEntry();
    this.workers = Array.from({ length: count }, () => {
      const worker = new Worker(entry, { workerData });
      worker.on('error', (error) => (this.failure ??= new PlanningWorkerError('uncaught', error.message, error.stack)));
      worker.on('exit', (code) => (this.failure ??= new PlanningWorkerError('exited', `worker exited with code ${code} between runs`)));
      return worker;
    });
  }

  /** What went wrong with a worker so far, if anything. */
  get failed(): PlanningWorkerError | null {
    return this.failure;
  }

  /** A number for the next run (see `PlanRunMessage.run`). */
  nextRun(): number {
    return ++this.runs;
  }

  /** Stops every worker (idempotent). */
  async close(): Promise<void> {
    for (const worker of this.workers) worker.removeAllListeners('exit');
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

/** The plans in file order, or null when interrupted. */
export function planFiles(run: PlanRun): Promise<FilePlan[] | null> {
  // Without `until`, every file is planned: the array has no hole.
  return run.threads > 0 && run.files.length > 0 ? (planInWorkers(run) as Promise<FilePlan[] | null>) : planInProcess(run);
}

/**
 * Plans in workers until `until` settles, then stops claiming files: the plans in file order of the files
 * planned by then (the ones already claimed are awaited), `undefined` for the others; null when interrupted.
 */
export function planFilesUntil(run: PlanRun, until: Promise<void>): Promise<(FilePlan | undefined)[] | null> {
  return planInWorkers(run, until);
}

/** Lets the event loop run (progress, a pending SIGINT) between pieces of synchronous work. */
export const tick = () => new Promise<void>((done) => setImmediate(done));

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

async function planInWorkers({ root, files, options, threads, onFile, interrupted, workers: started }: PlanRun, until?: Promise<void>): Promise<(FilePlan | undefined)[] | null> {
  const pool = started ?? new PlanningWorkers(root, Math.min(threads, files.length));
  const shared = new SharedArrayBuffer(SHARED_SLOTS * Int32Array.BYTES_PER_ELEMENT);
  const counters = new Int32Array(shared);
  const plans = new Array<FilePlan | undefined>(files.length);
  const detach: (() => void)[] = [];
  const run = pool.nextRun();
  let poll: NodeJS.Timeout | undefined;
  try {
    return await new Promise<(FilePlan | undefined)[] | null>((resolve, reject) => {
      let done = 0;
      /** How many plans the run waits for: every file's, or, once `until` settled, those of the files claimed by then. */
      let expected = files.length;
      if (pool.failed) reject(pool.failed);
      poll = setInterval(() => interrupted() && resolve(null), INTERRUPT_POLL_MS);
      void until?.then(() => {
        // Moving the counter past the end stops the claiming atomically: what it held is how many were claimed.
        expected = Math.min(Atomics.add(counters, NEXT_FILE, files.length), files.length);
        if (done === expected) resolve(plans);
      });
      for (const worker of pool.workers.slice(0, Math.max(1, threads))) {
        const onMessage = (message: PlanWorkerMessage) => {
          if (message.run !== run) return;
          if (message.kind === 'planned') {
            plans[message.index] = message.plan;
            onFile(++done, files.length, message.plan.path);
            if (interrupted()) resolve(null);
            else if (done === expected) resolve(plans);
          } else reject(new PlanningWorkerError(message.file, message.message, message.stack));
        };
        const onError = (error: Error) => reject(new PlanningWorkerError('uncaught', error.message, error.stack));
        // Only an exit before the last plan arrived is a failure; workers are terminated after that.
        const onExit = (code: number) => done < expected && reject(new PlanningWorkerError('exited', `worker exited with code ${code} after ${done} of ${files.length} files`));
        worker.on('message', onMessage).on('error', onError).on('exit', onExit);
        detach.push(() => worker.off('message', onMessage).off('error', onError).off('exit', onExit));
        // Posted now, claimed by the workers on their own: nothing more is needed from this thread until the plans come back.
        const message: PlanRunMessage = { run, files, options, shared };
        worker.postMessage(message);
      }
    });
  } finally {
    clearInterval(poll);
    // Workers still planning this run (interrupted, or another worker failed) stop at their next file.
    Atomics.store(counters, STOP, 1);
    for (const off of detach) off();
    if (!started) await pool.close();
  }
}
