// Shared runtime for the generated model objects (Plot.find, Harvest.where, ...).
// Generated code imports this; app code only uses the ModelHandle type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyQuery = any;

export type HandleResultType = 'loading' | 'unknown' | 'complete' | 'error';

/**
 * The small handle returned by Model.find / Model.all / Model.where.
 * `value` is an alias of `current` kept for the pages written before the rename.
 * `current` is held raw (not a deep proxy) so rows can be cloned and compared.
 */
export class ModelHandle<T> {
	#current: T = $state.raw() as T;
	#resultType: HandleResultType = $state('loading');
	#error: Error | null = $state.raw(null);
	#getQuery: () => AnyQuery;
	#empty: T;
	#view: { data: unknown; addListener(fn: (data: unknown, rt: string) => void): () => void; destroy(): void } | null = null;
	#unlisten: (() => void) | null = null;
	#retry: ReturnType<typeof setTimeout> | null = null;
	#destroyed = false;

	constructor(getQuery: () => AnyQuery, empty: T) {
		this.#getQuery = getQuery;
		this.#empty = empty;
		this.#current = empty;
		this.#start();
	}

	get current(): T {
		return this.#current;
	}
	get value(): T {
		return this.#current;
	}
	get resultType(): HandleResultType {
		return this.#resultType;
	}
	get error(): Error | null {
		return this.#error;
	}

	destroy(): void {
		this.#destroyed = true;
		this.#unlisten?.();
		this.#view?.destroy();
		this.#view = null;
		if (this.#retry) clearTimeout(this.#retry);
	}

	#start(): void {
		if (this.#destroyed) return;
		const query = this.#getQuery();
		if (!query) {
			this.#retry = setTimeout(() => this.#start(), 100);
			return;
		}
		try {
			const view = query.materialize('10m');
			this.#view = view;
			this.#set(view.data, 'unknown');
			this.#unlisten = view.addListener((data: unknown, rt: string) =>
				this.#set(data, rt as HandleResultType)
			);
		} catch (e) {
			this.#error = e instanceof Error ? e : new Error(String(e));
			this.#resultType = 'error';
		}
	}

	#set(data: unknown, resultType: HandleResultType): void {
		if (Array.isArray(this.#empty)) {
			this.#current = (data ? [...(data as unknown[])] : []) as T;
		} else {
			this.#current = (data ? { ...(data as object) } : null) as T;
		}
		this.#resultType = resultType;
	}
}

/** `{ column: value }` → where() calls. Arrays become IN, null becomes IS. */
export function applyConditions(query: AnyQuery, conditions: Record<string, unknown>): AnyQuery {
	let q = query;
	for (const [column, value] of Object.entries(conditions)) {
		if (value === undefined) continue;
		if (Array.isArray(value)) q = q.where(column, 'IN', value);
		else if (value === null) q = q.where(column, 'IS', null);
		else q = q.where(column, value);
	}
	return q;
}
