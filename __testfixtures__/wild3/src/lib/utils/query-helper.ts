// NOT Zero: a tiny memoising helper for expensive derived computations in the scheduler.
// It happens to expose `.current` / `.data` / `.refresh()` like the old Zero wrappers did.
export class Query<T> {
  #compute: () => T;
  #cached: T | undefined;
  isLoading = false;

  constructor(compute: () => T) {
    this.#compute = compute;
  }

  get current(): T {
    if (this.#cached === undefined) this.#cached = this.#compute();
    return this.#cached;
  }

  get data(): T {
    return this.current;
  }

  refresh() {
    this.#cached = undefined;
  }

  destroy() {
    this.#cached = undefined;
  }
}

export class ReactiveQueryCache {
  // Despite the name, unrelated to the Zero ReactiveQuery: an LRU of slot computations.
  #map = new Map<string, Query<unknown>>();
  get<T>(key: string, compute: () => T): Query<T> {
    let q = this.#map.get(key) as Query<T> | undefined;
    if (!q) {
      q = new Query(compute);
      this.#map.set(key, q as Query<unknown>);
    }
    return q;
  }
}

export const slotCache = new ReactiveQueryCache();
