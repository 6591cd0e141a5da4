// ReactiveQuery / ReactiveQueryOne: Svelte 5 wrappers around a materialized Zero view.
// The thunk returns null (or undefined) while Zero is not ready yet; we retry every 100 ms.
// Callers MUST call destroy() (usually in onDestroy) or the view leaks.
import type { Query, TTL, TypedView } from '@rocicorp/zero';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyZeroQuery = Query<any, any, any>;
export type QueryBuilder = () => AnyZeroQuery | null | undefined;

export interface QueryMeta {
	isLoading: boolean;
	error: Error | null;
}

const RETRY_MS: number = 100;
const DEFAULT_TTL: string = '1h';

interface ListState<T> {
	data: T[];
	isLoading: boolean;
	error: Error | null;
}

interface OneState<T> {
	data: T | null;
	isLoading: boolean;
	error: Error | null;
}

function resolveTtl(ttl: string | undefined, who: string): string {
	if (ttl === undefined) {
		console.warn(`[${who}] no TTL given, defaulting to '${DEFAULT_TTL}'`);
		return DEFAULT_TTL;
	}
	return ttl;
}

export class ReactiveQuery<T> {
	#state: ListState<T> = $state({ data: [], isLoading: true, error: null });
	#getQueryBuilder: QueryBuilder;
	#defaultValue: T[];
	#ttl: string;
	#view: TypedView<unknown> | null = null;
	#removeListener: (() => void) | null = null;
	#retryTimer: ReturnType<typeof setTimeout> | null = null;
	#subscribers: Set<(data: T[], meta: QueryMeta) => void> = new Set();

	constructor(getQueryBuilder: QueryBuilder, defaultValue: T[] = [], ttl?: string) {
		this.#getQueryBuilder = getQueryBuilder;
		this.#defaultValue = defaultValue;
		this.#ttl = resolveTtl(ttl, 'ReactiveQuery');
		this.#state.data = defaultValue;
		this.#initialize();
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

	subscribe(cb: (data: T[], meta: QueryMeta) => void): () => void {
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
		this.#initialize();
	}

	destroy(): void {
		this.#teardown();
		this.#subscribers.clear();
	}

	#notify(): void {
		const meta: QueryMeta = { isLoading: this.#state.isLoading, error: this.#state.error };
		for (const cb of this.#subscribers) cb(this.#state.data, meta);
	}

	#initialize(): void {
		const query: AnyZeroQuery | null | undefined = this.#getQueryBuilder();
		if (!query) {
			this.#retryTimer = setTimeout(() => {
				this.#retryTimer = null;
				this.#initialize();
			}, RETRY_MS);
			return;
		}
		try {
			const view: TypedView<unknown> = query.materialize(this.#ttl as TTL);
			this.#view = view;
			this.#removeListener = view.addListener((data: unknown) => {
				this.#state.data = [...((data as readonly T[] | undefined) ?? this.#defaultValue)];
				this.#state.isLoading = false;
				this.#notify();
			});
			this.#state.data = [...((view.data as readonly T[] | undefined) ?? this.#defaultValue)];
			this.#state.isLoading = false;
			this.#notify();
		} catch (err: unknown) {
			this.#state.error = err instanceof Error ? err : new Error(String(err));
			this.#state.isLoading = false;
			this.#notify();
		}
	}

	#teardown(): void {
		this.#removeListener?.();
		this.#removeListener = null;
		this.#view?.destroy();
		this.#view = null;
		if (this.#retryTimer !== null) {
			clearTimeout(this.#retryTimer);
			this.#retryTimer = null;
		}
	}
}

export class ReactiveQueryOne<T> {
	#state: OneState<T> = $state({ data: null, isLoading: true, error: null });
	#getQueryBuilder: QueryBuilder;
	#defaultValue: T | null;
	#ttl: string;
	#view: TypedView<unknown> | null = null;
	#removeListener: (() => void) | null = null;
	#retryTimer: ReturnType<typeof setTimeout> | null = null;
	#subscribers: Set<(data: T | null, meta: QueryMeta) => void> = new Set();

	constructor(getQueryBuilder: QueryBuilder, defaultValue: T | null = null, ttl?: string) {
		this.#getQueryBuilder = getQueryBuilder;
		this.#defaultValue = defaultValue;
		this.#ttl = resolveTtl(ttl, 'ReactiveQueryOne');
		this.#state.data = defaultValue;
		this.#initialize();
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

	subscribe(cb: (data: T | null, meta: QueryMeta) => void): () => void {
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
		this.#initialize();
	}

	destroy(): void {
		this.#teardown();
		this.#subscribers.clear();
	}

	#notify(): void {
		const meta: QueryMeta = { isLoading: this.#state.isLoading, error: this.#state.error };
		for (const cb of this.#subscribers) cb(this.#state.data, meta);
	}

	#initialize(): void {
		const query: AnyZeroQuery | null | undefined = this.#getQueryBuilder();
		if (!query) {
			this.#retryTimer = setTimeout(() => {
				this.#retryTimer = null;
				this.#initialize();
			}, RETRY_MS);
			return;
		}
		try {
			const view: TypedView<unknown> = query.materialize(this.#ttl as TTL);
			this.#view = view;
			this.#removeListener = view.addListener((data: unknown) => {
				this.#state.data = (data as T | undefined) ?? this.#defaultValue;
				this.#state.isLoading = false;
				this.#notify();
			});
			this.#state.data = (view.data as T | undefined) ?? this.#defaultValue;
			this.#state.isLoading = false;
			this.#notify();
		} catch (err: unknown) {
			this.#state.error = err instanceof Error ? err : new Error(String(err));
			this.#state.isLoading = false;
			this.#notify();
		}
	}

	#teardown(): void {
		this.#removeListener?.();
		this.#removeListener = null;
		this.#view?.destroy();
		this.#view = null;
		if (this.#retryTimer !== null) {
			clearTimeout(this.#retryTimer);
			this.#retryTimer = null;
		}
	}
}
