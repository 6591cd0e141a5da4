import type { Query, TTL } from '@rocicorp/zero';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyQuery = Query<any, any, any>;

interface QueryState<D> {
	data: D;
	isLoading: boolean;
	error: Error | null;
}

interface MaterializedView {
	data: unknown;
	addListener(listener: (data: unknown) => void): () => void;
	destroy(): void;
}

type Subscriber<D> = (data: D, meta: { isLoading: boolean; error: Error | null }) => void;

const DEFAULT_TTL = '1h';
const RETRY_MS = 100;

/**
 * A live list of rows. Pass a thunk that builds the query; while it returns null or undefined
 * (Zero not initialised yet) the query is retried every 100 ms.
 * Callers must call destroy() when done, or the materialized view leaks.
 */
export class ReactiveQuery<T> {
	#state = $state<QueryState<T[]>>({ data: [], isLoading: true, error: null });
	#getQueryBuilder: () => AnyQuery | null | undefined;
	#defaultValue: T[];
	#ttl: string;
	#view: MaterializedView | null = null;
	#removeListener: (() => void) | null = null;
	#retryTimer: ReturnType<typeof setTimeout> | null = null;
	#subscribers = new Set<Subscriber<T[]>>();

	constructor(getQueryBuilder: () => AnyQuery | null | undefined, defaultValue: T[] = [], ttl?: string) {
		this.#getQueryBuilder = getQueryBuilder;
		this.#defaultValue = defaultValue;
		if (ttl === undefined) {
			console.warn('ReactiveQuery: no ttl given, using the default of ' + DEFAULT_TTL);
		}
		this.#ttl = ttl ?? DEFAULT_TTL;
		this.#state.data = defaultValue;
		this.#materialize();
	}

	#materialize(): void {
		const query = this.#getQueryBuilder();
		if (!query) {
			this.#retryTimer = setTimeout(() => this.#materialize(), RETRY_MS);
			return;
		}
		try {
			const view = query.materialize(this.#ttl as TTL) as unknown as MaterializedView;
			this.#view = view;
			this.#state.data = ((view.data as T[] | undefined) ?? this.#defaultValue).slice();
			this.#state.isLoading = false;
			this.#state.error = null;
			this.#removeListener = view.addListener((data) => {
				this.#state.data = [...((data as T[] | undefined) ?? this.#defaultValue)];
				this.#state.isLoading = false;
				this.#notify();
			});
			this.#notify();
		} catch (err) {
			this.#state.error = err instanceof Error ? err : new Error(String(err));
			this.#state.isLoading = false;
			this.#notify();
		}
	}

	#notify(): void {
		for (const cb of this.#subscribers) {
			cb(this.#state.data, { isLoading: this.#state.isLoading, error: this.#state.error });
		}
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
		this.#materialize();
	}

	destroy(): void {
		this.#teardown();
		this.#subscribers.clear();
	}
}

/** Same as ReactiveQuery, for a query ending in .one(). */
export class ReactiveQueryOne<T> {
	#state = $state<QueryState<T | null>>({ data: null, isLoading: true, error: null });
	#getQueryBuilder: () => AnyQuery | null | undefined;
	#defaultValue: T | null;
	#ttl: string;
	#view: MaterializedView | null = null;
	#removeListener: (() => void) | null = null;
	#retryTimer: ReturnType<typeof setTimeout> | null = null;
	#subscribers = new Set<Subscriber<T | null>>();

	constructor(getQueryBuilder: () => AnyQuery | null | undefined, defaultValue: T | null = null, ttl?: string) {
		this.#getQueryBuilder = getQueryBuilder;
		this.#defaultValue = defaultValue;
		if (ttl === undefined) {
			console.warn('ReactiveQueryOne: no ttl given, using the default of ' + DEFAULT_TTL);
		}
		this.#ttl = ttl ?? DEFAULT_TTL;
		this.#state.data = defaultValue;
		this.#materialize();
	}

	#materialize(): void {
		const query = this.#getQueryBuilder();
		if (!query) {
			this.#retryTimer = setTimeout(() => this.#materialize(), RETRY_MS);
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
			this.#notify();
		} catch (err) {
			this.#state.error = err instanceof Error ? err : new Error(String(err));
			this.#state.isLoading = false;
			this.#notify();
		}
	}

	#notify(): void {
		for (const cb of this.#subscribers) {
			cb(this.#state.data, { isLoading: this.#state.isLoading, error: this.#state.error });
		}
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
		this.#materialize();
	}

	destroy(): void {
		this.#teardown();
		this.#subscribers.clear();
	}
}
