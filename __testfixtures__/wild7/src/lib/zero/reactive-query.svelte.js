// Reactive wrappers around Zero materialized views.
//
// ReactiveQuery and ReactiveQueryOne are near copies of each other on purpose:
// the One variant was forked when `.one()` queries started returning undefined
// instead of an empty array and nobody wanted to touch the list version.
//
// Callers MUST call destroy() (usually in onDestroy) or the view leaks.

/** @typedef {import('@rocicorp/zero').TTL} TTL */

const DEFAULT_TTL = '1h';
const RETRY_MS = 100;

/**
 * @template T
 */
export class ReactiveQuery {
	/** @type {{ data: T[], isLoading: boolean, error: Error | null }} */
	#state = $state({ data: [], isLoading: true, error: null });

	/** @type {() => (import('@rocicorp/zero').Query<any, any, T> | null | undefined)} */
	#getQueryBuilder;
	/** @type {T[]} */
	#defaultValue;
	/** @type {string} */
	#ttl;
	/** @type {{ data: any, addListener(fn: (data: any) => void): () => void, destroy(): void } | null} */
	#view = null;
	/** @type {(() => void) | null} */
	#removeListener = null;
	/** @type {ReturnType<typeof setTimeout> | null} */
	#retryTimer = null;
	/** @type {Set<(data: T[], meta: { isLoading: boolean, error: Error | null }) => void>} */
	#subscribers = new Set();

	/**
	 * @param {() => (import('@rocicorp/zero').Query<any, any, T> | null | undefined)} getQueryBuilder
	 * @param {T[]} [defaultValue]
	 * @param {string} [ttl]
	 */
	constructor(getQueryBuilder, defaultValue = [], ttl) {
		this.#getQueryBuilder = getQueryBuilder;
		this.#defaultValue = defaultValue;
		if (ttl === undefined) {
			console.warn(`ReactiveQuery: no TTL given, defaulting to ${DEFAULT_TTL}`);
		}
		this.#ttl = ttl ?? DEFAULT_TTL;
		this.#state.data = defaultValue;
		this.#initialize();
	}

	#initialize() {
		/** @type {any} */
		let query;
		try {
			query = this.#getQueryBuilder();
		} catch (e) {
			this.#fail(e);
			return;
		}
		if (!query) {
			this.#retryTimer = setTimeout(() => {
				this.#retryTimer = null;
				this.#initialize();
			}, RETRY_MS);
			return;
		}
		try {
			const view = query.materialize(/** @type {TTL} */ (this.#ttl));
			this.#view = view;
			this.#update(view.data);
			this.#removeListener = view.addListener((/** @type {any} */ data) => this.#update(data));
		} catch (e) {
			this.#fail(e);
		}
	}

	/** @param {any} data */
	#update(data) {
		this.#state.data = data ? /** @type {T[]} */ ([...data]) : this.#defaultValue;
		this.#state.isLoading = false;
		this.#state.error = null;
		this.#notify();
	}

	/** @param {unknown} e */
	#fail(e) {
		this.#state.error = e instanceof Error ? e : new Error(String(e));
		this.#state.isLoading = false;
		this.#notify();
	}

	#notify() {
		for (const cb of this.#subscribers) {
			cb(this.#state.data, { isLoading: this.#state.isLoading, error: this.#state.error });
		}
	}

	get data() {
		return this.#state.data;
	}

	get current() {
		return this.#state.data;
	}

	get isLoading() {
		return this.#state.isLoading;
	}

	get loading() {
		return this.#state.isLoading;
	}

	get error() {
		return this.#state.error;
	}

	/**
	 * @param {(data: T[], meta: { isLoading: boolean, error: Error | null }) => void} cb
	 * @returns {() => void}
	 */
	subscribe(cb) {
		this.#subscribers.add(cb);
		cb(this.#state.data, { isLoading: this.#state.isLoading, error: this.#state.error });
		return () => {
			this.#subscribers.delete(cb);
		};
	}

	refresh() {
		this.#teardown();
		this.#state.isLoading = true;
		this.#initialize();
	}

	#teardown() {
		this.#removeListener?.();
		this.#removeListener = null;
		this.#view?.destroy();
		this.#view = null;
		if (this.#retryTimer) clearTimeout(this.#retryTimer);
		this.#retryTimer = null;
	}

	destroy() {
		this.#teardown();
		this.#subscribers.clear();
	}
}

/**
 * Single-row variant. See ReactiveQuery.
 *
 * @template T
 */
export class ReactiveQueryOne {
	/** @type {{ data: T | null, isLoading: boolean, error: Error | null }} */
	#state = $state({ data: null, isLoading: true, error: null });

	/** @type {() => (import('@rocicorp/zero').Query<any, any, T | undefined> | null | undefined)} */
	#getQueryBuilder;
	/** @type {T | null} */
	#defaultValue;
	/** @type {string} */
	#ttl;
	/** @type {{ data: any, addListener(fn: (data: any) => void): () => void, destroy(): void } | null} */
	#view = null;
	/** @type {(() => void) | null} */
	#removeListener = null;
	/** @type {ReturnType<typeof setTimeout> | null} */
	#retryTimer = null;
	/** @type {Set<(data: T | null, meta: { isLoading: boolean, error: Error | null }) => void>} */
	#subscribers = new Set();

	/**
	 * @param {() => (import('@rocicorp/zero').Query<any, any, T | undefined> | null | undefined)} getQueryBuilder
	 * @param {T | null} [defaultValue]
	 * @param {string} [ttl]
	 */
	constructor(getQueryBuilder, defaultValue = null, ttl) {
		this.#getQueryBuilder = getQueryBuilder;
		this.#defaultValue = defaultValue;
		if (ttl === undefined) {
			console.warn(`ReactiveQueryOne: no TTL given, defaulting to ${DEFAULT_TTL}`);
		}
		this.#ttl = ttl ?? DEFAULT_TTL;
		this.#state.data = defaultValue;
		this.#initialize();
	}

	#initialize() {
		/** @type {any} */
		let query;
		try {
			query = this.#getQueryBuilder();
		} catch (e) {
			this.#fail(e);
			return;
		}
		if (!query) {
			this.#retryTimer = setTimeout(() => {
				this.#retryTimer = null;
				this.#initialize();
			}, RETRY_MS);
			return;
		}
		try {
			const view = query.materialize(/** @type {TTL} */ (this.#ttl));
			this.#view = view;
			this.#update(view.data);
			this.#removeListener = view.addListener((/** @type {any} */ data) => this.#update(data));
		} catch (e) {
			this.#fail(e);
		}
	}

	/** @param {any} data */
	#update(data) {
		this.#state.data = data ? /** @type {T} */ ({ ...data }) : this.#defaultValue;
		this.#state.isLoading = false;
		this.#state.error = null;
		this.#notify();
	}

	/** @param {unknown} e */
	#fail(e) {
		this.#state.error = e instanceof Error ? e : new Error(String(e));
		this.#state.isLoading = false;
		this.#notify();
	}

	#notify() {
		for (const cb of this.#subscribers) {
			cb(this.#state.data, { isLoading: this.#state.isLoading, error: this.#state.error });
		}
	}

	get data() {
		return this.#state.data;
	}

	get current() {
		return this.#state.data;
	}

	get isLoading() {
		return this.#state.isLoading;
	}

	get loading() {
		return this.#state.isLoading;
	}

	get error() {
		return this.#state.error;
	}

	/**
	 * @param {(data: T | null, meta: { isLoading: boolean, error: Error | null }) => void} cb
	 * @returns {() => void}
	 */
	subscribe(cb) {
		this.#subscribers.add(cb);
		cb(this.#state.data, { isLoading: this.#state.isLoading, error: this.#state.error });
		return () => {
			this.#subscribers.delete(cb);
		};
	}

	refresh() {
		this.#teardown();
		this.#state.isLoading = true;
		this.#initialize();
	}

	#teardown() {
		this.#removeListener?.();
		this.#removeListener = null;
		this.#view?.destroy();
		this.#view = null;
		if (this.#retryTimer) clearTimeout(this.#retryTimer);
		this.#retryTimer = null;
	}

	destroy() {
		this.#teardown();
		this.#subscribers.clear();
	}
}
