// Legacy reactive wrappers over Zero queries (the code this app carried before zero-record).
// Two near-identical classes, one for collections and one for single rows; every caller must
// call destroy() or the materialized view leaks.
//
// Zero 1.9 note: `query.materialize(ttl)` (positional TTL) is deprecated in favour of
// `z.materialize(query, { ttl })` but still works on queries built from `z.query.*`, so the
// legacy call is kept as it was. Passing `{ ttl }` here is what used to throw `ttl.slice is not a function`.
import type { TTL, TypedView } from '@rocicorp/zero';

/** What the getQueryBuilder thunk returns: a Zero query bound to a client (`z.query.*`). */
interface MaterializableQuery<R> {
  materialize(ttl?: TTL): TypedView<R>;
}

const DEFAULT_TTL = '1h';
const RETRY_MS = 100;

type QueryMeta = { isLoading: boolean; error: Error | null };

export class ReactiveQuery<T> {
  private state = $state({ data: [] as T[], isLoading: true, error: null as Error | null });
  private view: TypedView<readonly T[]> | null = null;
  private removeListener: (() => void) | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private subscribers = new Set<(data: T[], meta: QueryMeta) => void>();
  private readonly ttl: string;
  private readonly getQueryBuilder: () => MaterializableQuery<readonly T[]> | null | undefined;

  constructor(
    getQueryBuilder: () => MaterializableQuery<readonly T[]> | null | undefined,
    defaultValue: T[] = [],
    ttl?: string,
  ) {
    if (!ttl) {
      console.warn(`ReactiveQuery: no TTL given, using default '${DEFAULT_TTL}'`);
    }
    this.getQueryBuilder = getQueryBuilder;
    this.ttl = ttl ?? DEFAULT_TTL;
    this.state.data = defaultValue;
    this.initialize();
  }

  private initialize(): void {
    try {
      const query = this.getQueryBuilder();
      if (!query) {
        // Zero is not ready yet (no session): try again shortly.
        this.retryTimer = setTimeout(() => this.initialize(), RETRY_MS);
        return;
      }
      this.view = query.materialize(this.ttl as TTL);
      this.state.data = [...this.view.data];
      this.state.isLoading = false;
      this.removeListener = this.view.addListener((data) => {
        this.state.data = [...(data as readonly T[])];
        this.state.isLoading = false;
        this.state.error = null;
        this.notify();
      });
      this.notify();
    } catch (error) {
      this.state.error = error instanceof Error ? error : new Error(String(error));
      this.state.isLoading = false;
      this.notify();
    }
  }

  private notify(): void {
    for (const callback of this.subscribers) {
      callback(this.state.data, { isLoading: this.state.isLoading, error: this.state.error });
    }
  }

  get data(): T[] {
    return this.state.data;
  }

  get current(): T[] {
    return this.state.data;
  }

  get isLoading(): boolean {
    return this.state.isLoading;
  }

  get loading(): boolean {
    return this.state.isLoading;
  }

  get error(): Error | null {
    return this.state.error;
  }

  subscribe(callback: (data: T[], meta: QueryMeta) => void): () => void {
    this.subscribers.add(callback);
    callback(this.state.data, { isLoading: this.state.isLoading, error: this.state.error });
    return () => {
      this.subscribers.delete(callback);
    };
  }

  refresh(): void {
    this.cleanup();
    this.state.isLoading = true;
    this.initialize();
  }

  destroy(): void {
    this.cleanup();
    this.subscribers.clear();
  }

  private cleanup(): void {
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    this.removeListener?.();
    this.removeListener = null;
    this.view?.destroy();
    this.view = null;
  }
}

export class ReactiveQueryOne<T> {
  private state = $state({ data: null as T | null, isLoading: true, error: null as Error | null });
  private view: TypedView<T | undefined> | null = null;
  private removeListener: (() => void) | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private subscribers = new Set<(data: T | null, meta: QueryMeta) => void>();
  private readonly ttl: string;
  private readonly getQueryBuilder: () => MaterializableQuery<T | undefined> | null | undefined;

  constructor(
    getQueryBuilder: () => MaterializableQuery<T | undefined> | null | undefined,
    defaultValue: T | null = null,
    ttl?: string,
  ) {
    if (!ttl) {
      console.warn(`ReactiveQueryOne: no TTL given, using default '${DEFAULT_TTL}'`);
    }
    this.getQueryBuilder = getQueryBuilder;
    this.ttl = ttl ?? DEFAULT_TTL;
    this.state.data = defaultValue;
    this.initialize();
  }

  private initialize(): void {
    try {
      const query = this.getQueryBuilder();
      if (!query) {
        // Zero is not ready yet (no session): try again shortly.
        this.retryTimer = setTimeout(() => this.initialize(), RETRY_MS);
        return;
      }
      this.view = query.materialize(this.ttl as TTL);
      this.state.data = this.view.data === undefined ? null : ({ ...this.view.data } as T);
      this.state.isLoading = false;
      this.removeListener = this.view.addListener((data) => {
        this.state.data = data === undefined ? null : ({ ...(data as object) } as T);
        this.state.isLoading = false;
        this.state.error = null;
        this.notify();
      });
      this.notify();
    } catch (error) {
      this.state.error = error instanceof Error ? error : new Error(String(error));
      this.state.isLoading = false;
      this.notify();
    }
  }

  private notify(): void {
    for (const callback of this.subscribers) {
      callback(this.state.data, { isLoading: this.state.isLoading, error: this.state.error });
    }
  }

  get data(): T | null {
    return this.state.data;
  }

  get current(): T | null {
    return this.state.data;
  }

  get isLoading(): boolean {
    return this.state.isLoading;
  }

  get loading(): boolean {
    return this.state.isLoading;
  }

  get error(): Error | null {
    return this.state.error;
  }

  subscribe(callback: (data: T | null, meta: QueryMeta) => void): () => void {
    this.subscribers.add(callback);
    callback(this.state.data, { isLoading: this.state.isLoading, error: this.state.error });
    return () => {
      this.subscribers.delete(callback);
    };
  }

  refresh(): void {
    this.cleanup();
    this.state.isLoading = true;
    this.initialize();
  }

  destroy(): void {
    this.cleanup();
    this.subscribers.clear();
  }

  private cleanup(): void {
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    this.removeListener?.();
    this.removeListener = null;
    this.view?.destroy();
    this.view = null;
  }
}
