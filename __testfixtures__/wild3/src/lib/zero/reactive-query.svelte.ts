import { getZero, type LegacyQuery, type LegacyView } from './zero-client';

type QueryState<T> = { data: T; isLoading: boolean; error: Error | null };
type Listener<T> = (data: T, meta: { isLoading: boolean; error: Error | null }) => void;

export class ReactiveQuery<T> {
  #state = $state<QueryState<T[]>>({ data: [], isLoading: true, error: null });
  #view: LegacyView | null = null;
  #removeListener: (() => void) | null = null;
  #retry: ReturnType<typeof setTimeout> | null = null;
  #listeners = new Set<Listener<T[]>>();

  constructor(
    private getQueryBuilder: () => LegacyQuery | null,
    defaultValue: T[] = [],
    private ttl?: string
  ) {
    this.#state.data = defaultValue;
    if (!ttl) {
      console.warn('ReactiveQuery: no TTL given, defaulting to 1h');
      this.ttl = '1h';
    }
    this.#materialize();
  }

  #materialize() {
    const query = this.getQueryBuilder();
    if (!query) {
      this.#retry = setTimeout(() => this.#materialize(), 100);
      return;
    }
    try {
      this.#view = query.materialize(this.ttl);
      this.#state.data = (this.#view.data as T[]) ?? [];
      this.#state.isLoading = false;
      this.#removeListener = this.#view.addListener((data) => {
        this.#state.data = data as T[];
        this.#state.isLoading = false;
        for (const cb of this.#listeners) cb(this.#state.data, this.#meta());
      });
    } catch (e) {
      this.#state.error = e as Error;
      this.#state.isLoading = false;
    }
  }

  #meta() {
    return { isLoading: this.#state.isLoading, error: this.#state.error };
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

  subscribe(cb: Listener<T[]>): () => void {
    this.#listeners.add(cb);
    cb(this.#state.data, this.#meta());
    return () => this.#listeners.delete(cb);
  }

  refresh() {
    this.destroy();
    this.#state.isLoading = true;
    this.#materialize();
  }

  destroy() {
    this.#removeListener?.();
    this.#view?.destroy();
    if (this.#retry) clearTimeout(this.#retry);
    this.#removeListener = null;
    this.#view = null;
  }
}

export class ReactiveQueryOne<T> {
  #state = $state<QueryState<T | null>>({ data: null, isLoading: true, error: null });
  #view: LegacyView | null = null;
  #removeListener: (() => void) | null = null;
  #retry: ReturnType<typeof setTimeout> | null = null;
  #listeners = new Set<Listener<T | null>>();

  constructor(
    private getQueryBuilder: () => LegacyQuery | null,
    defaultValue: T | null = null,
    private ttl?: string
  ) {
    this.#state.data = defaultValue;
    if (!ttl) {
      console.warn('ReactiveQueryOne: no TTL given, defaulting to 1h');
      this.ttl = '1h';
    }
    this.#materialize();
  }

  #materialize() {
    const query = this.getQueryBuilder();
    if (!query) {
      this.#retry = setTimeout(() => this.#materialize(), 100);
      return;
    }
    try {
      this.#view = query.materialize(this.ttl);
      this.#state.data = (this.#view.data as T) ?? null;
      this.#state.isLoading = false;
      this.#removeListener = this.#view.addListener((data) => {
        this.#state.data = (data as T) ?? null;
        this.#state.isLoading = false;
        for (const cb of this.#listeners) cb(this.#state.data, this.#meta());
      });
    } catch (e) {
      this.#state.error = e as Error;
      this.#state.isLoading = false;
    }
  }

  #meta() {
    return { isLoading: this.#state.isLoading, error: this.#state.error };
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

  subscribe(cb: Listener<T | null>): () => void {
    this.#listeners.add(cb);
    cb(this.#state.data, this.#meta());
    return () => this.#listeners.delete(cb);
  }

  refresh() {
    this.destroy();
    this.#state.isLoading = true;
    this.#materialize();
  }

  destroy() {
    this.#removeListener?.();
    this.#view?.destroy();
    if (this.#retry) clearTimeout(this.#retry);
    this.#removeListener = null;
    this.#view = null;
  }
}
