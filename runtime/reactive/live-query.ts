/**
 * The one bridge from the core's live subscription to Svelte runes, for relations and the compat layer alike: ONE
 * `createSubscriber` per query (Svelte's `MediaQuery` pattern). Effects reading it hold the subscription, released after
 * Svelte's microtask when the last one goes; everything else (holding, snapshots, restart, destroy) is the core's.
 */
import { createSubscriber } from 'svelte/reactivity';
import { LiveSubscription } from '../core/live-subscription.ts';
import type { LiveResult } from '../core/shared-views.ts';
import type { LiveSource } from '../core/live-subscription.ts';

export class LiveQuery extends LiveSubscription {
  readonly #subscribe: () => void;

  /** `whileHeld(rerun)`: runs while effects read the query (`rerun` re-runs them); returns its stop function. */
  constructor(source: LiveSource, whileHeld?: (rerun: () => void) => () => void) {
    super(source);
    this.#subscribe = createSubscriber((update) => {
      const release = this.hold(update);
      const stop = whileHeld?.(update);
      return () => {
        stop?.();
        release();
      };
    });
  }

  /** The latest result; inside an effect this also keeps the source live and re-runs the effect on change. */
  read(): LiveResult | undefined {
    if (!this.destroyed) this.#subscribe();
    return this.result();
  }
}
