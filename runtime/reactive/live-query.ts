/**
 * The one bridge from a live Zero source to Svelte runes, for relations and the compat layer alike: ONE
 * `createSubscriber` per query. The source is kept live while anything holds it (effects reading it, or `hold` callers
 * such as legacy `subscribe` callbacks) and stopped when the last holder goes (for effects, after Svelte's microtask).
 * Reads outside any holder (event handlers, SSR, plain scripts) get a snapshot of Zero's local data and start nothing.
 */
import { createSubscriber } from 'svelte/reactivity';
import type { LiveResult } from '../core/shared-views.ts';

/** Where a live query's data comes from (a relation's shared view, a legacy query's view, ...). */
export interface LiveSource {
  /** Makes the data live and calls `changed` after every change; returns the function that stops it (idempotent). */
  start(changed: () => void): () => void;
  /** The result while started (the view's, or why there is none), else undefined. */
  live(): LiveResult | undefined;
  /** Zero's local data now without keeping anything live; undefined while there is nothing to read yet (not cached). */
  snapshot(): LiveResult | undefined;
}

export class LiveQuery {
  readonly #source: LiveSource;
  readonly #subscribe: () => void;
  // An array, not a Set: a live query almost always has one holder (its subscriber); `[listener]` holds it in one slot.
  #holders: (() => void)[] = [];
  #stop: (() => void) | undefined;
  #snapshot: LiveResult | undefined;
  #destroyed = false;

  constructor(source: LiveSource) {
    this.#source = source;
    this.#subscribe = createSubscriber((update) => this.hold(update));
  }

  /** True after `destroy()`: nothing is held any more and reads only get snapshots. */
  get destroyed(): boolean {
    return this.#destroyed;
  }

  /** The latest result; inside an effect this also keeps the source live and re-runs the effect on change. */
  read(): LiveResult | undefined {
    if (!this.#destroyed) this.#subscribe();
    return this.#source.live() ?? this.peek();
  }

  /** Keeps the source live and calls `listener` after every change until the returned function is called. */
  hold(listener: () => void): () => void {
    if (this.#destroyed) return () => {};
    if (this.#holders.length > 0) this.#holders.push(listener);
    else {
      this.#holders = [listener];
      this.#start();
    }
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      // One listener may hold twice: each release drops one hold. Nothing is left to drop after destroy().
      const at = this.#holders.indexOf(listener);
      if (at < 0) return;
      this.#holders.splice(at, 1);
      if (this.#holders.length === 0) this.#halt();
    };
  }

  /** Forgets the snapshot; while held, stops the source, starts it again and tells every holder. */
  restart(): void {
    this.#snapshot = undefined;
    if (this.#holders.length === 0) return;
    this.#halt();
    this.#start();
    this.#emit();
  }

  /** Stops the source now, whoever still holds it; afterwards reads only get snapshots. */
  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#holders = [];
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
    this.#stop = this.#source.start(() => this.#emit());
  }

  #halt(): void {
    const stop = this.#stop;
    this.#stop = undefined;
    stop?.();
  }

  #emit(): void {
    for (const holder of [...this.#holders]) holder();
  }
}
