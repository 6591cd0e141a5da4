// Client-side paging for long lists. `current` is the 1-based page number.
export class Paginator {
	current = $state(1);
	readonly size: number;

	constructor(size = 20) {
		this.size = size;
	}

	pages(total: number): number {
		return Math.max(1, Math.ceil(total / this.size));
	}

	slice<T>(rows: readonly T[]): T[] {
		const page = Math.min(this.current, this.pages(rows.length));
		return rows.slice((page - 1) * this.size, page * this.size);
	}

	next(total: number): void {
		if (this.current < this.pages(total)) this.current += 1;
	}

	prev(): void {
		if (this.current > 1) this.current -= 1;
	}
}
