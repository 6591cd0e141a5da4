/**
 * ReactiveQueryCache — a tiny TTL cache for slow HTTP lookups (courier quotes,
 * practice geocoding). It has NOTHING to do with Zero or ReactiveQuery; it is
 * "reactive" because components can subscribe to invalidations.
 */
export class ReactiveQueryCache<K, V> {
  #entries = new Map<K, { data: V; at: number }>();
  #listeners = new Set<() => void>();
  #maxAgeMs: number;

  constructor(maxAgeMs = 5 * 60_000) {
    this.#maxAgeMs = maxAgeMs;
  }

  get current(): ReadonlyMap<K, { data: V; at: number }> {
    return this.#entries;
  }

  get(key: K): V | undefined {
    const hit = this.#entries.get(key);
    if (!hit || Date.now() - hit.at > this.#maxAgeMs) return undefined;
    return hit.data;
  }

  async fetch(key: K, loader: (key: K) => Promise<V>): Promise<V> {
    const cached = this.get(key);
    if (cached !== undefined) return cached;
    const data = await loader(key);
    this.#entries.set(key, { data, at: Date.now() });
    this.#emit();
    return data;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  refresh(key: K): void {
    this.#entries.delete(key);
    this.#emit();
  }

  destroy(): void {
    this.#entries.clear();
    this.#listeners.clear();
  }

  #emit(): void {
    for (const l of this.#listeners) l();
  }
}

export interface CourierQuote {
  city: string;
  days: number;
  price: number;
}

/** GET /api/courier_quotes?city=… → `{ data: CourierQuote }` */
export async function fetchCourierQuote(city: string): Promise<CourierQuote> {
  const res = await fetch(`/api/courier_quotes?city=${encodeURIComponent(city)}`);
  if (!res.ok) throw new Error(`courier quote failed: ${res.status}`);
  const body = (await res.json()) as { data: CourierQuote };
  return body.data;
}
