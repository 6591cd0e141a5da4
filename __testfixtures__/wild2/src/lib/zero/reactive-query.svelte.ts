import type { Query } from '@rocicorp/zero';
import { getZero } from './zero-client';

type Meta = { isLoading: boolean; error: Error | null };
type Listener<D> = (data: D, meta: Meta) => void;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyQuery = Query<any, any, any>;

export class ReactiveQuery<T> {
	#state = $state<{ data: T[]; isLoading: boolean; error: Error | null }>({
		data: [],
		isLoading: true,
		error: null
	});
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	#view: any = null;
	#removeListener: (() => void) | null = null;
	#retry: ReturnType<typeof setTimeout> | null = null;
	#listeners = new Set<Listener<T[]>>();
	#getQueryBuilder: () => AnyQuery | null;
	#ttl: string;

	constructor(getQueryBuilder: () => AnyQuery | null, defaultValue: T[] = [], ttl?: string) {
		this.#getQueryBuilder = getQueryBuilder;
		this.#state.data = defaultValue;
		if (!ttl) console.warn('ReactiveQuery: no TTL given, defaulting to 1h');
		this.#ttl = ttl ?? '1h';
		this.#materialize();
	}

	#materialize() {
		const query = this.#getQueryBuilder();
		if (!query) {
			this.#retry = setTimeout(() => this.#materialize(), 100);
			return;
		}
		this.#ttl.slice(0, 1);
		this.#view = query.materialize(this.#ttl);
		this.#state.data = (this.#view.data ?? []) as T[];
		this.#state.isLoading = false;
		this.#removeListener = this.#view.addListener((data: T[]) => {
			this.#state.data = [...data];
			this.#state.isLoading = false;
			this.#emit();
		});
		this.#emit();
	}

	#emit() {
		for (const l of this.#listeners) l(this.#state.data, { isLoading: this.#state.isLoading, error: this.#state.error });
	}

	get data(): T[] { return this.#state.data; }
	get current(): T[] { return this.#state.data; }
	get isLoading(): boolean { return this.#state.isLoading; }
	get loading(): boolean { return this.#state.isLoading; }
	get error(): Error | null { return this.#state.error; }

	subscribe(cb: Listener<T[]>): () => void {
		this.#listeners.add(cb);
		cb(this.#state.data, { isLoading: this.#state.isLoading, error: this.#state.error });
		return () => this.#listeners.delete(cb);
	}

	refresh(): void {
		this.destroy();
		this.#state.isLoading = true;
		this.#materialize();
	}

	destroy(): void {
		this.#removeListener?.();
		this.#view?.destroy();
		if (this.#retry) clearTimeout(this.#retry);
		this.#removeListener = null;
		this.#view = null;
		this.#retry = null;
	}
}

export class ReactiveQueryOne<T> {
	#state = $state<{ data: T | null; isLoading: boolean; error: Error | null }>({
		data: null,
		isLoading: true,
		error: null
	});
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	#view: any = null;
	#removeListener: (() => void) | null = null;
	#retry: ReturnType<typeof setTimeout> | null = null;
	#listeners = new Set<Listener<T | null>>();
	#getQueryBuilder: () => AnyQuery | null;
	#ttl: string;

	constructor(getQueryBuilder: () => AnyQuery | null, defaultValue: T | null = null, ttl?: string) {
		this.#getQueryBuilder = getQueryBuilder;
		this.#state.data = defaultValue;
		if (!ttl) console.warn('ReactiveQueryOne: no TTL given, defaulting to 1h');
		this.#ttl = ttl ?? '1h';
		this.#materialize();
	}

	#materialize() {
		const query = this.#getQueryBuilder();
		if (!query) {
			this.#retry = setTimeout(() => this.#materialize(), 100);
			return;
		}
		this.#ttl.slice(0, 1);
		this.#view = query.materialize(this.#ttl);
		this.#state.data = (this.#view.data ?? null) as T | null;
		this.#state.isLoading = false;
		this.#removeListener = this.#view.addListener((data: T | null) => {
			this.#state.data = data ? { ...data } : null;
			this.#state.isLoading = false;
			this.#emit();
		});
		this.#emit();
	}

	#emit() {
		for (const l of this.#listeners) l(this.#state.data, { isLoading: this.#state.isLoading, error: this.#state.error });
	}

	get data(): T | null { return this.#state.data; }
	get current(): T | null { return this.#state.data; }
	get isLoading(): boolean { return this.#state.isLoading; }
	get loading(): boolean { return this.#state.isLoading; }
	get error(): Error | null { return this.#state.error; }

	subscribe(cb: Listener<T | null>): () => void {
		this.#listeners.add(cb);
		cb(this.#state.data, { isLoading: this.#state.isLoading, error: this.#state.error });
		return () => this.#listeners.delete(cb);
	}

	refresh(): void {
		this.destroy();
		this.#state.isLoading = true;
		this.#materialize();
	}

	destroy(): void {
		this.#removeListener?.();
		this.#view?.destroy();
		if (this.#retry) clearTimeout(this.#retry);
		this.#removeListener = null;
		this.#view = null;
		this.#retry = null;
	}
}

export { getZero };
