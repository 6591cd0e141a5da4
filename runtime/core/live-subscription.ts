/**
 * The one live subscription, framework-free (TanStack Query's observer, kept in the core): a `LiveSource` is kept live
 * while anything holds it and stopped when the last holder goes; reads outside any holder get a snapshot of Zero's local
 * data and start nothing. Adapters only bridge it: runes for Svelte (`reactive/live-query.ts`), a callback for plain
 * TypeScript (`ActiveRelation.subscribe`), the legacy classes' `subscribe` (compat). It is also where every live
 * outcome passes the monitoring hook.
 */
import { monitoring, monitorStart, report, type MonitorLabel } from './monitoring.ts';
import type { ZeroRecordError } from './errors.ts';
import type { LiveResult } from './shared-views.ts';
import { withMember, withoutMember, type OneOrMany } from './one-or-many.ts';

/**
 * What a live source tells of each change: an object with a method, not a function, so that a live subscription (one)
 * passes itself rather than a closure over itself (one closure and its context fewer per live query, about 96 B).
 */
export interface ChangeListener {
  changed(): void;
}

/** Where a live subscription's data comes from (a relation's shared view, a legacy query's view, ...). */
export interface LiveSource {
  /** Makes the data live and calls `listener.changed()` after every change, until `stop()`. */
  start(listener: ChangeListener): void;
  /** Stops what `start` started (idempotent). A method, not a function `start` returns: one fewer object per live query. */
  stop(): void;
  /** The result while started (the view's, or why there is none), else undefined. */
  live(): LiveResult | undefined;
  /** Zero's local data now without keeping anything live; undefined while there is nothing to read yet (not cached). */
  snapshot(): LiveResult | undefined;
  /** Whose outcomes these are, for the monitoring hook (asked when an outcome is reported). */
  label(): MonitorLabel;
}

export class LiveSubscription implements ChangeListener {
  readonly #source: LiveSource;
  #holders: OneOrMany<() => void>;
  #started = false;
  #snapshot: LiveResult | undefined;
  #destroyed = false;

  constructor(source: LiveSource) {
    this.#source = source;
  }

  /** True after `destroy()`: nothing is held any more and reads only get snapshots. */
  get destroyed(): boolean {
    return this.#destroyed;
  }

  /** The latest result: the live one while held, else a snapshot of Zero's local data (undefined: nothing to read yet). */
  result(): LiveResult | undefined {
    return this.#source.live() ?? this.peek();
  }

  /** Keeps the source live and calls `listener` after every change until the returned function is called. */
  hold(listener: () => void): () => void {
    if (this.#destroyed) return () => {};
    this.addHolder(listener);
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      this.removeHolder(listener);
    };
  }

  /**
   * `hold` for a caller that releases exactly once itself (Svelte's subscriber cleanup): no release function is made.
   * Pair every call with one `removeHolder(listener)`.
   */
  addHolder(listener: () => void): void {
    if (this.#destroyed) return;
    const first = this.#holders === undefined;
    this.#holders = withMember(this.#holders, listener);
    if (first) this.#start();
  }

  /** Drops one hold of `listener`; the last holder stops the source. */
  removeHolder(listener: () => void): void {
    // One listener may hold twice: each release drops one hold. Nothing is left to drop after destroy().
    const held = this.#holders;
    this.#holders = withoutMember(held, listener);
    if (held !== undefined && this.#holders === undefined) this.#halt();
  }

  /** Forgets the snapshot; while held, stops the source, starts it again and tells every holder. */
  restart(): void {
    this.#snapshot = undefined;
    if (this.#holders === undefined) return;
    this.#halt();
    this.#start();
    this.changed();
  }

  /** Tells every holder to read again: a change the source does not see (a record handle's first unsaved value). */
  touch(): void {
    const holders = this.#holders;
    if (!Array.isArray(holders)) return holders?.();
    // A holder may release itself or another during the walk: every holder at the start is told.
    for (const holder of holders.slice()) holder();
  }

  /** Stops the source now, whoever still holds it; afterwards reads only get snapshots. */
  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#holders = undefined;
    this.#halt();
  }

  /** Zero's local data without keeping anything live; cached for the current task so a burst of reads costs one snapshot. */
  peek(): LiveResult | undefined {
    if (this.#snapshot) return this.#snapshot;
    const snapshot = this.#source.snapshot();
    if (!snapshot) return undefined;
    this.#snapshot = snapshot;
    queueMicrotask(() => {
      this.#snapshot = undefined;
    });
    return snapshot;
  }

  #start(): void {
    if (monitoring()) watches.set(this, { since: monitorStart(), reported: undefined });
    else watches.delete(this);
    this.#started = true;
    this.#source.start(this);
    // A source may fail at once (closed client, a read no server answers): that is an outcome too.
    this.#observe();
  }

  #halt(): void {
    if (!this.#started) return;
    this.#started = false;
    this.#source.stop();
  }

  /** The source changed: reports the outcome and tells every holder. */
  changed(): void {
    this.#observe();
    this.touch();
  }

  /** Reports the first settled answer since the start, then each new error (later row updates are not outcomes). */
  #observe(): void {
    if (!monitoring()) return;
    const watch = watches.get(this);
    const result = watch && this.#source.live();
    if (!watch || !result?.settled) return;
    const { error } = result;
    if (watch.reported !== undefined && (error === null || error === watch.reported)) {
      // Recovered (or still the same failure): a later error is a new outcome.
      if (error === null) watch.reported = null;
      return;
    }
    watch.reported = error;
    report(this.#source.label(), 'live', watch.since, error);
    watch.since = monitorStart();
  }
}

/** What the monitoring hook has been told about a subscription since it started. */
interface OutcomeWatch {
  /** When the pending outcome started. */
  since: number;
  /** The last outcome reported: undefined before the first, null for an answer. */
  reported: ZeroRecordError | null | undefined;
}

/** Kept beside the subscriptions started while a hook was set, so an unmonitored subscription carries nothing for it. */
const watches = new WeakMap<LiveSubscription, OutcomeWatch>();
