// Waits on a live Zero view (or anything with a listener) until its rows satisfy a predicate,
// and tells when: the timestamp is taken inside the listener, for latency figures.
import { performance } from 'node:perf_hooks';

export interface Watchable<T> {
  /** Calls `listener` with the current rows now and on every change; returns an unsubscribe. */
  subscribe(listener: (rows: readonly T[]) => void): () => void;
}

export class ViewWaiter<T> {
  #rows: readonly T[] = [];
  #waiters = new Set<{ predicate: (rows: readonly T[]) => boolean; resolve: (at: number) => void }>();
  readonly #unsubscribe: () => void;

  constructor(source: Watchable<T>) {
    this.#unsubscribe = source.subscribe((rows) => {
      const at = performance.now();
      this.#rows = rows;
      for (const waiter of this.#waiters) {
        if (waiter.predicate(rows)) {
          this.#waiters.delete(waiter);
          waiter.resolve(at);
        }
      }
    });
  }

  get rows(): readonly T[] {
    return this.#rows;
  }

  /** Resolves with performance.now() of the listener call where `predicate` first held. */
  until(predicate: (rows: readonly T[]) => boolean, what: string, timeoutMs = 30_000): Promise<number> {
    if (predicate(this.#rows)) return Promise.resolve(performance.now());
    return new Promise((resolve, reject) => {
      const waiter = {
        predicate,
        resolve: (at: number) => {
          clearTimeout(timer);
          resolve(at);
        },
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; rows now: ${JSON.stringify(this.#rows)}`));
      }, timeoutMs);
      this.#waiters.add(waiter);
    });
  }

  close(): void {
    this.#unsubscribe();
  }
}
