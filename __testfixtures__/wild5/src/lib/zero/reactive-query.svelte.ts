// Reactive wrappers around Zero materialized views.
//
// ReactiveQuery      -> many rows  (data defaults to [])
// ReactiveQueryOne   -> one row    (data defaults to null)
//
// Both retry every 100ms until getZero() is ready, and both MUST be destroyed
// by the caller (onDestroy / $effect cleanup) or the view leaks.
import type { AnyQuery, TTL, TypedView } from '@rocicorp/zero';

export type QueryBuilder = () => AnyQuery | null | undefined;

export interface QueryMeta {
	isLoading: boolean;
	error: Error | null;
}

const DEFAULT_TTL = '1h';
const RETRY_MS = 100;

function normalizeTtl(ttl: string | undefined, owner: string): TTL {
	if (ttl === undefined) {
		console.warn(`${owner}: no TTL given, defaulting to ${DEFAULT_TTL}`);
		return DEFAULT_TTL;
	}
	const unit = ttl.slice(-1);
	if (!['s', 'm', 'h', 'd', 'y'].includes(unit)) {
		console.warn(`${owner}: unrecognised TTL "${ttl}", defaulting to ${DEFAULT_TTL}`);
		return DEFAULT_TTL;
	}
	return ttl as TTL;
}

export class ReactiveQuery<T> {
	#state = $state<{ data: T[]; isLoading: boolean; error: Error | null }>({
		data: [],
		isLoading: true,
		error: null
	});
	#getQueryBuilder: QueryBuilder;
	#defaultValue: T[];
	#ttl: TTL;
	#view: TypedView<unknown> | null = null;
	#removeListener: (() => void) | null = null;
	#retryTimer: ReturnType<typeof setTimeout> | null = null;
	#subscribers = new Set<(data: T[], meta: QueryMeta) => void>();
	#destroyed = false;

	constructor(getQueryBuilder: QueryBuilder, defaultValue: T[] = [], ttl?: string) {
		this.#getQueryBuilder = getQueryBuilder;
		this.#defaultValue = defaultValue;
		this.#state.data = defaultValue;
		this.#ttl = normalizeTtl(ttl, 'ReactiveQuery');
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
		this.#destroyed = true;
		this.#teardown();
		this.#subscribers.clear();
	}

	#initialize(): void {
		if (this.#destroyed) return;
		let query: AnyQuery | null | undefined;
		try {
			query = this.#getQueryBuilder();
		} catch (err) {
			this.#fail(err);
			return;
		}
		if (!query) {
			this.#retryTimer = setTimeout(() => this.#initialize(), RETRY_MS);
			return;
		}
		try {
			const view = query.materialize(this.#ttl) as TypedView<unknown>;
			this.#view = view;
			this.#apply(view.data);
			this.#removeListener = view.addListener((data) => this.#apply(data));
		} catch (err) {
			this.#fail(err);
		}
	}

	#apply(data: unknown): void {
		this.#state.data = Array.isArray(data) ? ([...data] as T[]) : this.#defaultValue;
		this.#state.isLoading = false;
		this.#state.error = null;
		this.#notify();
	}

	#fail(err: unknown): void {
		this.#state.error = err instanceof Error ? err : new Error(String(err));
		this.#state.isLoading = false;
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
}

export class ReactiveQueryOne<T> {
	#state = $state<{ data: T | null; isLoading: boolean; error: Error | null }>({
		data: null,
		isLoading: true,
		error: null
	});
	#getQueryBuilder: QueryBuilder;
	#defaultValue: T | null;
	#ttl: TTL;
	#view: TypedView<unknown> | null = null;
	#removeListener: (() => void) | null = null;
	#retryTimer: ReturnType<typeof setTimeout> | null = null;
	#subscribers = new Set<(data: T | null, meta: QueryMeta) => void>();
	#destroyed = false;

	constructor(getQueryBuilder: QueryBuilder, defaultValue: T | null = null, ttl?: string) {
		this.#getQueryBuilder = getQueryBuilder;
		this.#defaultValue = defaultValue;
		this.#state.data = defaultValue;
		this.#ttl = normalizeTtl(ttl, 'ReactiveQueryOne');
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
		this.#destroyed = true;
		this.#teardown();
		this.#subscribers.clear();
	}

	#initialize(): void {
		if (this.#destroyed) return;
		let query: AnyQuery | null | undefined;
		try {
			query = this.#getQueryBuilder();
		} catch (err) {
			this.#fail(err);
			return;
		}
		if (!query) {
			this.#retryTimer = setTimeout(() => this.#initialize(), RETRY_MS);
			return;
		}
		try {
			const view = query.materialize(this.#ttl) as TypedView<unknown>;
			this.#view = view;
			this.#apply(view.data);
			this.#removeListener = view.addListener((data) => this.#apply(data));
		} catch (err) {
			this.#fail(err);
		}
	}

	#apply(data: unknown): void {
		this.#state.data = data === undefined || data === null ? this.#defaultValue : ({ ...data } as T);
		this.#state.isLoading = false;
		this.#state.error = null;
		this.#notify();
	}

	#fail(err: unknown): void {
		this.#state.error = err instanceof Error ? err : new Error(String(err));
		this.#state.isLoading = false;
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
}
