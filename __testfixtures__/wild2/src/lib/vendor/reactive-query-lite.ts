/**
 * Vendored copy of `reactive-query-lite` (MIT) — a tiny fetch() cache for the
 * weather widget. NOT the Zero ReactiveQuery; it has its own data/current/destroy.
 */
export class ReactiveQuery<T> {
	data: T[] = [];
	current: T[] = [];
	isLoading = true;
	error: Error | null = null;
	#timer: ReturnType<typeof setInterval> | null = null;

	constructor(
		public url: string,
		public intervalMs = 60_000
	) {
		this.#timer = setInterval(() => void this.refresh(), intervalMs);
		void this.refresh();
	}

	async refresh() {
		try {
			const res = await fetch(this.url);
			this.data = (await res.json()) as T[];
			this.current = this.data;
		} catch (e) {
			this.error = e as Error;
		} finally {
			this.isLoading = false;
		}
	}

	destroy() {
		if (this.#timer) clearInterval(this.#timer);
	}
}

export class ReactiveQueryOne<T> {
	data: T | null = null;
	constructor(public url: string) {}
}
