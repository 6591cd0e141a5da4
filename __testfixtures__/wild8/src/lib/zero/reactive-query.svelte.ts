// ReactiveQuery / ReactiveQueryOne: Svelte 5 wrappers around a materialized Zero view.
// The builder thunk returns null while Zero is not ready; we retry every 100 ms.
// Whoever creates one must call destroy() or the view leaks.
import type { Query, TTL, TypedView } from '@rocicorp/zero';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyQuery = Query<any, any, any>;
export type QueryBuilder = () => AnyQuery | null | undefined;

export interface QueryMeta {
	isLoading: boolean;
	error: Error | null;
}

function ttlOrDefault(ttl: string | undefined, who: string): string {
	if (ttl === undefined) {
		console.warn(`[${who}] no TTL passed, using '1h'`);
		return '1h';
	}
	return ttl;
}

export class ReactiveQuery<T> {
	#state = $state<{ data: T[]; isLoading: boolean; error: Error | null }>({
		data: [],
		isLoading: true,
		error: null
	});
	#build: QueryBuilder;
	#fallback: T[];
	#ttl: string;
	#view: TypedView<unknown> | null = null;
	#unlisten: (() => void) | null = null;
	#retry: ReturnType<typeof setTimeout> | null = null;
	#subscribers = new Set<(data: T[], meta: QueryMeta) => void>();

	constructor(getQueryBuilder: QueryBuilder, defaultValue: T[] = [], ttl?: string) {
		this.#build = getQueryBuilder;
		this.#fallback = defaultValue;
		this.#ttl = ttlOrDefault(ttl, 'ReactiveQuery');
		this.#state.data = defaultValue;
		this.#start();
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
		return () => this.#subscribers.delete(cb);
	}

	refresh(): void {
		this.#stop();
		this.#state.isLoading = true;
		this.#state.error = null;
		this.#start();
	}

	destroy(): void {
		this.#stop();
		this.#subscribers.clear();
	}

	#emit(): void {
		const meta = { isLoading: this.#state.isLoading, error: this.#state.error };
		for (const cb of this.#subscribers) cb(this.#state.data, meta);
	}

	#start(): void {
		const query = this.#build();
		if (!query) {
			this.#retry = setTimeout(() => {
				this.#retry = null;
				this.#start();
			}, 100);
			return;
		}
		try {
			const view = query.materialize(this.#ttl as TTL);
			this.#view = view;
			this.#unlisten = view.addListener((data) => {
				this.#state.data = [...((data as readonly T[] | undefined) ?? this.#fallback)];
				this.#state.isLoading = false;
				this.#emit();
			});
			this.#state.data = [...((view.data as readonly T[] | undefined) ?? this.#fallback)];
			this.#state.isLoading = false;
		} catch (err) {
			this.#state.error = err instanceof Error ? err : new Error(String(err));
			this.#state.isLoading = false;
		}
		this.#emit();
	}

	#stop(): void {
		this.#unlisten?.();
		this.#unlisten = null;
		this.#view?.destroy();
		this.#view = null;
		if (this.#retry) clearTimeout(this.#retry);
		this.#retry = null;
	}
}

export class ReactiveQueryOne<T> {
	#state = $state<{ data: T | null; isLoading: boolean; error: Error | null }>({
		data: null,
		isLoading: true,
		error: null
	});
	#build: QueryBuilder;
	#fallback: T | null;
	#ttl: string;
	#view: TypedView<unknown> | null = null;
	#unlisten: (() => void) | null = null;
	#retry: ReturnType<typeof setTimeout> | null = null;
	#subscribers = new Set<(data: T | null, meta: QueryMeta) => void>();

	constructor(getQueryBuilder: QueryBuilder, defaultValue: T | null = null, ttl?: string) {
		this.#build = getQueryBuilder;
		this.#fallback = defaultValue;
		this.#ttl = ttlOrDefault(ttl, 'ReactiveQueryOne');
		this.#state.data = defaultValue;
		this.#start();
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
		return () => this.#subscribers.delete(cb);
	}

	refresh(): void {
		this.#stop();
		this.#state.isLoading = true;
		this.#state.error = null;
		this.#start();
	}

	destroy(): void {
		this.#stop();
		this.#subscribers.clear();
	}

	#emit(): void {
		const meta = { isLoading: this.#state.isLoading, error: this.#state.error };
		for (const cb of this.#subscribers) cb(this.#state.data, meta);
	}

	#start(): void {
		const query = this.#build();
		if (!query) {
			this.#retry = setTimeout(() => {
				this.#retry = null;
				this.#start();
			}, 100);
			return;
		}
		try {
			const view = query.materialize(this.#ttl as TTL);
			this.#view = view;
			this.#unlisten = view.addListener((data) => {
				this.#state.data = (data as T | undefined) ?? this.#fallback;
				this.#state.isLoading = false;
				this.#emit();
			});
			this.#state.data = (view.data as T | undefined) ?? this.#fallback;
			this.#state.isLoading = false;
		} catch (err) {
			this.#state.error = err instanceof Error ? err : new Error(String(err));
			this.#state.isLoading = false;
		}
		this.#emit();
	}

	#stop(): void {
		this.#unlisten?.();
		this.#unlisten = null;
		this.#view?.destroy();
		this.#view = null;
		if (this.#retry) clearTimeout(this.#retry);
		this.#retry = null;
	}
}
