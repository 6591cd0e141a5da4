/**
 * The monitoring hook: every read and write outcome passes through `report`, and an app that set `onEvent` gets one event
 * per outcome (a team rolling out behind the compat flag watches error rates and latency per model). Unset, the cost is
 * one branch per outcome: no clock is read and no event is built.
 */
import type { WriteOperation } from './mutators.ts';
import { warnOnce } from './warn.ts';

/** One outcome of a read or a write. */
export interface ZeroRecordEvent {
  /** The model's class name (`Job`); for a compat query, the class name of the table it reads. */
  readonly model: string;
  /**
   * `'read'`: a one-shot read (awaited finders, `reload`, the duplicate-key check of `create`);
   * `'live'`: a live query's first answer, and each error it reports later;
   * `'insert' | 'update' | 'delete' | 'upsert'`: a write.
   */
  readonly operation: MonitoredOperation;
  /** Milliseconds from the start of the operation (for a later error of a live query: since its previous outcome). */
  readonly durationMs: number;
  /** The error's class name (`RecordNotFoundError`, `ConnectionError`, ...), or null for a success. */
  readonly error: string | null;
  /**
   * True when the outcome came from the new runtime (models, and compat queries that `useNewRecordArchitecture` put on
   * it); false for a compat query on the legacy code path.
   */
  readonly newArchitecture: boolean;
}

/** What an event reports on: a one-shot read, a live query, or one of the writes. */
export type MonitoredOperation = 'read' | 'live' | WriteOperation;

/** Receives every event; it runs synchronously where the outcome happens, so keep it cheap (count, buffer, sample). */
export type EventHook = (event: ZeroRecordEvent) => void;

/** Who an outcome belongs to. */
export interface MonitorLabel {
  readonly model: string;
  readonly newArchitecture: boolean;
}

let hook: EventHook | undefined;

/**
 * Sends every read and write outcome to `listener` (one listener: a later call replaces it; `undefined` removes it).
 * Returns the function that removes this listener.
 * @example const stop = onEvent((e) => { if (e.error) console.warn(`${e.model} ${e.operation}: ${e.error}`); });
 */
export function onEvent(listener: EventHook | undefined): () => void {
  hook = listener;
  return () => {
    if (hook === listener) hook = undefined;
  };
}

/** Whether a hook is set (callers skip all monitoring work when it is not). */
export function monitoring(): boolean {
  return hook !== undefined;
}

/** The start time of a monitored operation: a clock reading while a hook is set, else NaN (nothing to measure). */
export function monitorStart(): number {
  return hook ? performance.now() : NaN;
}

/** Reports one outcome that started at `started` (from `monitorStart`); nothing when no hook was set at the start. */
export function report(label: MonitorLabel, operation: MonitoredOperation, started: number, error: unknown): void {
  if (!hook || Number.isNaN(started)) return;
  const event: ZeroRecordEvent = { model: label.model, operation, durationMs: performance.now() - started, error: error ? errorName(error) : null, newArchitecture: label.newArchitecture };
  try {
    hook(event);
  } catch (thrown) {
    // A broken metrics pipeline must not break the app's reads and writes.
    warnOnce('monitoring-hook-threw', `zero-record: the onEvent hook threw (${String(thrown)}); events keep being sent to it`);
  }
}

/**
 * Runs a one-shot operation of a runtime model (a read, a write) and reports its outcome. Unset, it is `run()`: no clock,
 * no extra promise.
 */
export function monitored<T>(model: string, operation: MonitoredOperation, run: () => Promise<T>): Promise<T> {
  if (!hook) return run();
  const started = performance.now();
  return run().then(
    (value) => {
      report(modelLabel(model), operation, started, null);
      return value;
    },
    (error: unknown) => {
      report(modelLabel(model), operation, started, error);
      throw error;
    },
  );
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

/** The label of a runtime model's outcomes. */
export function modelLabel(className: string): MonitorLabel {
  return { model: className, newArchitecture: true };
}
