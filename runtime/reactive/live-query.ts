/**
 * The one bridge from the core's live subscription to Svelte runes, for relations and the compat layer alike: ONE
 * `createSubscriber` per query (Svelte's `MediaQuery` pattern). Effects reading it hold the subscription, released after
 * Svelte's microtask when the last one goes; everything else (holding, snapshots, restart, destroy) is the core's.
 */
import { createSubscriber } from 'svelte/reactivity';
import { LiveSubscription } from '../core/live-subscription.ts';
import type { LiveResult } from '../core/shared-views.ts';
import type { LiveSource } from '../core/live-subscription.ts';

/**
 * An effect calling the returned function joins `readers` until it re-runs or ends, so calling the members re-runs it.
 * Unlike a `$state`, it is tracked even by the reaction that made it (see `collectionReaders`).
 */
export function joinReaders(readers: Set<() => void>): () => void {
  return createSubscriber((update) => {
    readers.add(update);
    return () => {
      readers.delete(update);
    };
  });
}

export class LiveQuery extends LiveSubscription {
  readonly #subscribe: () => void;

  /** `readers`: a set the re-run of the effects reading the query is in while they read it (see `collectionReaders`). */
  constructor(source: LiveSource, readers?: Set<() => void>) {
    super(source);
    this.#subscribe = createSubscriber((update) => {
      this.addHolder(update);
      readers?.add(update);
      return () => {
        readers?.delete(update);
        this.removeHolder(update);
      };
    });
  }

  /** The latest result; inside an effect this also keeps the source live and re-runs the effect on change. */
  read(): LiveResult | undefined {
    if (!this.destroyed) this.#subscribe();
    return this.result();
  }
}
