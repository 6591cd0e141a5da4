/**
 * The Zero connection state as a Svelte-readable value: `{#if connection.state === 'needs-auth'}`. While an effect reads
 * it, it is watched (and retried with backoff after 'error' / 'needs-auth', see core/connection.ts); outside effects it
 * is read on demand.
 */
import { createSubscriber } from 'svelte/reactivity';
import { connectionState, watchConnection, type ConnectionStateName, type WatchOptions } from '../core/connection.ts';

/**
 * A Zero connection state readable in templates; `new ReactiveConnection({ source, retry })` for another Zero or retry policy.
 * @example {#if connection.state === 'needs-auth'}<LoginAgain />{/if}
 */
export class ReactiveConnection {
  readonly #options: WatchOptions;
  readonly #subscribe: () => void;
  #state: ConnectionStateName | undefined;

  constructor(options: WatchOptions = {}) {
    this.#options = options;
    this.#subscribe = createSubscriber((update) => {
      const stop = watchConnection((state) => {
        this.#state = state;
        update();
      }, this.#options);
      return () => {
        stop();
        this.#state = undefined;
      };
    });
  }

  /** 'connecting' | 'connected' | 'disconnected' | 'error' | 'needs-auth' | 'closed' | 'not-ready'. */
  get state(): ConnectionStateName {
    this.#subscribe();
    return this.#state ?? connectionState(this.#options.source);
  }
}

/** The connection of the Zero given to `configureZero`. */
export const connection = new ReactiveConnection();
