/**
 * ReactiveQuery / ReactiveQueryOne
 *
 * Wrap a Zero query in Svelte 5 runes state so components can read `.data`
 * (or `.current`) and re-render when the materialized view changes.
 *
 * Usage:
 *   const jobs = new ReactiveQuery<Case>(() => getZero()?.query.cases.where('rush', true), [], '5m');
 *   jobs.current   // Case[]
 *   onDestroy(() => jobs.destroy());
 *
 * The query thunk may return null/undefined while Zero is still booting;
 * we retry every 100 ms until it returns a query.
 */
import type { Query, TTL } from '@rocicorp/zero';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyQuery = Query<any, any, any>;
type QueryThunk = () => AnyQuery | null | undefined;

export interface QueryMeta {
  isLoading: boolean;
  error: Error | null;
}

type Subscriber<S> = (data: S, meta: QueryMeta) => void;

interface MaterializedView {
  readonly data: unknown;
  addListener(listener: (data: unknown) => void): () => void;
  destroy(): void;
}

const DEFAULT_TTL = '1h';
const RETRY_INTERVAL_MS = 100;

function toError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}

export class ReactiveQuery<T> {
  #state = $state<{ data: T[]; isLoading: boolean; error: Error | null }>({
    data: [],
    isLoading: true,
    error: null,
  });

  #getQueryBuilder: QueryThunk;
  #defaultValue: T[];
  #ttl: string;
  #view: MaterializedView | null = null;
  #removeListener: (() => void) | null = null;
  #retryTimer: ReturnType<typeof setTimeout> | null = null;
  #subscribers = new Set<Subscriber<T[]>>();

  constructor(getQueryBuilder: QueryThunk, defaultValue: T[] = [], ttl?: string) {
    this.#getQueryBuilder = getQueryBuilder;
    this.#defaultValue = defaultValue;
    if (!ttl) {
      console.warn('[ReactiveQuery] no TTL passed, defaulting to', DEFAULT_TTL);
    }
    this.#ttl = ttl ?? DEFAULT_TTL;
    this.#state.data = defaultValue;
    this.#materialize();
  }

  #materialize(): void {
    const query = this.#getQueryBuilder();
    if (!query) {
      this.#retryTimer = setTimeout(() => this.#materialize(), RETRY_INTERVAL_MS);
      return;
    }
    try {
      const view = query.materialize(this.#ttl as TTL) as unknown as MaterializedView;
      this.#view = view;
      this.#state.data = (view.data as T[] | undefined) ?? this.#defaultValue;
      this.#state.isLoading = false;
      this.#state.error = null;
      this.#removeListener = view.addListener((data) => {
        this.#state.data = (data as T[] | undefined) ?? this.#defaultValue;
        this.#state.isLoading = false;
        this.#notify();
      });
    } catch (e) {
      this.#state.error = toError(e);
      this.#state.isLoading = false;
    }
    this.#notify();
  }

  #notify(): void {
    const meta = { isLoading: this.#state.isLoading, error: this.#state.error };
    for (const cb of this.#subscribers) cb(this.#state.data, meta);
  }

  #teardown(): void {
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    this.#removeListener?.();
    this.#removeListener = null;
    this.#view?.destroy();
    this.#view = null;
  }

  get data(): T[] {
    return this.#state.data;
  }

  get current(): T[] {
    return this.#state.data;
  }

  get isLoading(): boolean {
    return this.#state.isLoading;
  }

  get loading(): boolean {
    return this.#state.isLoading;
  }

  get error(): Error | null {
    return this.#state.error;
  }

  subscribe(cb: Subscriber<T[]>): () => void {
    this.#subscribers.add(cb);
    cb(this.#state.data, { isLoading: this.#state.isLoading, error: this.#state.error });
    return () => {
      this.#subscribers.delete(cb);
    };
  }

  refresh(): void {
    this.#teardown();
    this.#state.isLoading = true;
    this.#state.error = null;
    this.#materialize();
  }

  destroy(): void {
    this.#teardown();
    this.#subscribers.clear();
  }
}

/**
 * Same as ReactiveQuery but for `.one()` queries. Yes, it is a copy — the
 * generics got too hairy when we tried to share a base class.
 */
export class ReactiveQueryOne<T> {
  #state = $state<{ data: T | null; isLoading: boolean; error: Error | null }>({
    data: null,
    isLoading: true,
    error: null,
  });

  #getQueryBuilder: QueryThunk;
  #defaultValue: T | null;
  #ttl: string;
  #view: MaterializedView | null = null;
  #removeListener: (() => void) | null = null;
  #retryTimer: ReturnType<typeof setTimeout> | null = null;
  #subscribers = new Set<Subscriber<T | null>>();

  constructor(getQueryBuilder: QueryThunk, defaultValue: T | null = null, ttl?: string) {
    this.#getQueryBuilder = getQueryBuilder;
    this.#defaultValue = defaultValue;
    if (!ttl) {
      console.warn('[ReactiveQueryOne] no TTL passed, defaulting to', DEFAULT_TTL);
    }
    this.#ttl = ttl ?? DEFAULT_TTL;
    this.#state.data = defaultValue;
    this.#materialize();
  }

  #materialize(): void {
    const query = this.#getQueryBuilder();
    if (!query) {
      this.#retryTimer = setTimeout(() => this.#materialize(), RETRY_INTERVAL_MS);
      return;
    }
    try {
      const view = query.materialize(this.#ttl as TTL) as unknown as MaterializedView;
      this.#view = view;
      this.#state.data = (view.data as T | undefined) ?? this.#defaultValue;
      this.#state.isLoading = false;
      this.#state.error = null;
      this.#removeListener = view.addListener((data) => {
        this.#state.data = (data as T | undefined) ?? this.#defaultValue;
        this.#state.isLoading = false;
        this.#notify();
      });
    } catch (e) {
      this.#state.error = toError(e);
      this.#state.isLoading = false;
    }
    this.#notify();
  }

  #notify(): void {
    const meta = { isLoading: this.#state.isLoading, error: this.#state.error };
    for (const cb of this.#subscribers) cb(this.#state.data, meta);
  }

  #teardown(): void {
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    this.#removeListener?.();
    this.#removeListener = null;
    this.#view?.destroy();
    this.#view = null;
  }

  get data(): T | null {
    return this.#state.data;
  }

  get current(): T | null {
    return this.#state.data;
  }

  get isLoading(): boolean {
    return this.#state.isLoading;
  }

  get loading(): boolean {
    return this.#state.isLoading;
  }

  get error(): Error | null {
    return this.#state.error;
  }

  subscribe(cb: Subscriber<T | null>): () => void {
    this.#subscribers.add(cb);
    cb(this.#state.data, { isLoading: this.#state.isLoading, error: this.#state.error });
    return () => {
      this.#subscribers.delete(cb);
    };
  }

  refresh(): void {
    this.#teardown();
    this.#state.isLoading = true;
    this.#state.error = null;
    this.#materialize();
  }

  destroy(): void {
    this.#teardown();
    this.#subscribers.clear();
  }
}
