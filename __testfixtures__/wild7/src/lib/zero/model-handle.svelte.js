// Shared runtime for the generated model objects (Owner.find, Pet.where, ...).
// Generated code imports this; do not import it from app code.

/** @typedef {'loading' | 'unknown' | 'complete' | 'error'} HandleResultType */

/**
 * The small handle returned by Model.find / Model.all / Model.where.
 * `value` is an alias of `current` kept for the first generation of pages.
 *
 * @template T
 */
export class ModelHandle {
	/** @type {{ current: T, resultType: HandleResultType, error: Error | null }} */
	#state;
	/** @type {T} */
	#empty;
	/** @type {() => any} */
	#getQuery;
	/** @type {{ data: any, addListener(fn: (data: any, resultType: any) => void): () => void, destroy(): void } | null} */
	#view = null;
	/** @type {(() => void) | null} */
	#unlisten = null;
	/** @type {ReturnType<typeof setTimeout> | null} */
	#retry = null;
	#destroyed = false;

	/**
	 * @param {() => any} getQuery  returns a Zero query, or null while Zero is not ready
	 * @param {T} empty  the value exposed while loading ([] or null)
	 */
	constructor(getQuery, empty) {
		this.#getQuery = getQuery;
		this.#empty = empty;
		this.#state = $state({ current: empty, resultType: 'loading', error: null });
		this.#start();
	}

	#start() {
		if (this.#destroyed) return;
		const query = this.#getQuery();
		if (!query) {
			this.#retry = setTimeout(() => this.#start(), 100);
			return;
		}
		try {
			const view = query.materialize('5m');
			this.#view = view;
			this.#set(view.data, 'unknown');
			this.#unlisten = view.addListener((/** @type {any} */ data, /** @type {any} */ resultType) =>
				this.#set(data, resultType)
			);
		} catch (e) {
			this.#state.error = e instanceof Error ? e : new Error(String(e));
			this.#state.resultType = 'error';
		}
	}

	/**
	 * @param {any} data
	 * @param {HandleResultType} resultType
	 */
	#set(data, resultType) {
		if (Array.isArray(this.#empty)) {
			this.#state.current = /** @type {T} */ (data ? [...data] : []);
		} else {
			this.#state.current = /** @type {T} */ (data ? { ...data } : null);
		}
		this.#state.resultType = resultType;
	}

	get current() {
		return this.#state.current;
	}

	get value() {
		return this.#state.current;
	}

	get resultType() {
		return this.#state.resultType;
	}

	get error() {
		return this.#state.error;
	}

	destroy() {
		this.#destroyed = true;
		this.#unlisten?.();
		this.#view?.destroy();
		this.#view = null;
		if (this.#retry) clearTimeout(this.#retry);
	}
}

/**
 * Apply a `{ column: value }` conditions object to a Zero query.
 * Arrays become IN, null becomes IS.
 *
 * @param {any} query
 * @param {Record<string, unknown>} conditions
 * @returns {any}
 */
export function applyConditions(query, conditions) {
	let q = query;
	for (const [column, value] of Object.entries(conditions)) {
		if (value === undefined) continue;
		if (Array.isArray(value)) q = q.where(column, 'IN', value);
		else if (value === null) q = q.where(column, 'IS', null);
		else q = q.where(column, value);
	}
	return q;
}
