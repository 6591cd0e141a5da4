/**
 * Offline outbox: writes made while the socket is down wait here and are replayed in order.
 * Not related to the ReactiveQuery classes in @tiller/data: this holds pending writes, not reads.
 */
export class ReactiveQueue<T> {
	#items = $state<T[]>([]);
	#timer: ReturnType<typeof setInterval> | null = null;
	#flush: (item: T) => Promise<boolean>;

	constructor(flush: (item: T) => Promise<boolean>, everyMs = 5000) {
		this.#flush = flush;
		this.#timer = setInterval(() => void this.drain(), everyMs);
	}

	get current(): readonly T[] {
		return this.#items;
	}

	push(item: T): void {
		this.#items.push(item);
	}

	async drain(): Promise<void> {
		while (this.#items.length) {
			const ok = await this.#flush(this.#items[0]);
			if (!ok) return;
			this.#items.shift();
		}
	}

	destroy(): void {
		if (this.#timer) clearInterval(this.#timer);
		this.#timer = null;
	}
}
