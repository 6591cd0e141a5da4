/**
 * ReactiveQuery / ReactiveQueryOne — Svelte 5 wrappers around Zero materialized views.
 *
 * Usage:
 *   const q = new ReactiveQuery<Bike>(() => getZero()?.query.bikes.where('status', 'available'), [], '5m');
 *   q.current // Bike[]
 *   onDestroy(() => q.destroy());
 *
 * If the builder returns null (Zero not initialised yet) we retry every 100ms.
 */
import type { Query, TTL, TypedView } from '@rocicorp/zero';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyZeroQuery = Query<any, any, any>;
export type QueryBuilder = () => AnyZeroQuery | null | undefined;

export interface QueryMeta {
	isLoading: boolean;
	error: Error | null;
}

export type SubscribeCallback<D> = (data: D, meta: QueryMeta) => void;

const DEFAULT_TTL = '1h';
const RETRY_MS = 100;

function resolveTtl(ttl: string | undefined, label: string): TTL {
	if (ttl === undefined) {
		console.warn(`[${label}] no TTL given, defaulting to ${DEFAULT_TTL}. Pass one explicitly.`);
		return DEFAULT_TTL;
	}
	// older callers passed numbers here; keep them working
	const s = String(ttl);
	const unit = s.slice(-1);
	if (!'smhdy'.includes(unit)) return Number(s) as TTL;
	return s as TTL;
}

function toError(e: unknown): Error {
	return e instanceof Error ? e : new Error(String(e));
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
	#subscribers = new Set<SubscribeCallback<T[]>>();
	#destroyed = false;

	constructor(getQueryBuilder: QueryBuilder, defaultValue: T[] = [], ttl?: string) {
		this.#getQueryBuilder = getQueryBuilder;
		this.#defaultValue = defaultValue;
		this.#state.data = defaultValue;
		this.#ttl = resolveTtl(ttl, 'ReactiveQuery');
		this.#materialize();
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

	subscribe(cb: SubscribeCallback<T[]>): () => void {
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
		this.#destroyed = true;
		this.#teardown();
		this.#subscribers.clear();
	}

	#notify() {
		const meta = { isLoading: this.#state.isLoading, error: this.#state.error };
		for (const cb of this.#subscribers) cb(this.#state.data, meta);
	}

	#materialize() {
		if (this.#destroyed) return;
		let query: AnyZeroQuery | null | undefined;
		try {
			query = this.#getQueryBuilder();
		} catch (e) {
			this.#state.error = toError(e);
			this.#state.isLoading = false;
			this.#notify();
			return;
		}
		if (!query) {
			this.#retryTimer = setTimeout(() => this.#materialize(), RETRY_MS);
			return;
		}
		try {
			const view = query.materialize(this.#ttl) as TypedView<unknown>;
			this.#view = view;
			this.#state.data = ((view.data as T[] | undefined) ?? this.#defaultValue) as T[];
			this.#removeListener = view.addListener((data) => {
				this.#state.data = [...(data as readonly T[])];
				this.#state.isLoading = false;
				this.#state.error = null;
				this.#notify();
			});
		} catch (e) {
			this.#state.error = toError(e);
			this.#state.isLoading = false;
			this.#notify();
		}
	}

	#teardown() {
		this.#removeListener?.();
		this.#removeListener = null;
		this.#view?.destroy();
		this.#view = null;
		if (this.#retryTimer) clearTimeout(this.#retryTimer);
		this.#retryTimer = null;
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
	#subscribers = new Set<SubscribeCallback<T | null>>();
	#destroyed = false;

	constructor(getQueryBuilder: QueryBuilder, defaultValue: T | null = null, ttl?: string) {
		this.#getQueryBuilder = getQueryBuilder;
		this.#defaultValue = defaultValue;
		this.#state.data = defaultValue;
		this.#ttl = resolveTtl(ttl, 'ReactiveQueryOne');
		this.#materialize();
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

	subscribe(cb: SubscribeCallback<T | null>): () => void {
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
		this.#destroyed = true;
		this.#teardown();
		this.#subscribers.clear();
	}

	#notify() {
		const meta = { isLoading: this.#state.isLoading, error: this.#state.error };
		for (const cb of this.#subscribers) cb(this.#state.data, meta);
	}

	#materialize() {
		if (this.#destroyed) return;
		let query: AnyZeroQuery | null | undefined;
		try {
			query = this.#getQueryBuilder();
		} catch (e) {
			this.#state.error = toError(e);
			this.#state.isLoading = false;
			this.#notify();
			return;
		}
		if (!query) {
			this.#retryTimer = setTimeout(() => this.#materialize(), RETRY_MS);
			return;
		}
		try {
			const view = query.materialize(this.#ttl) as TypedView<unknown>;
			this.#view = view;
			this.#state.data = ((view.data as T | undefined) ?? this.#defaultValue) as T | null;
			this.#removeListener = view.addListener((data) => {
				this.#state.data = ((data as T | undefined) ?? null) as T | null;
				this.#state.isLoading = false;
				this.#state.error = null;
				this.#notify();
			});
		} catch (e) {
			this.#state.error = toError(e);
			this.#state.isLoading = false;
			this.#notify();
		}
	}

	#teardown() {
		this.#removeListener?.();
		this.#removeListener = null;
		this.#view?.destroy();
		this.#view = null;
		if (this.#retryTimer) clearTimeout(this.#retryTimer);
		this.#retryTimer = null;
	}
}
