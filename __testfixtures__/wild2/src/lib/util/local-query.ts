// A small in-memory query object for client-side filtering of search results.
// (Unrelated to the Zero ReactiveQuery / ReactiveQueryOne classes.)

export class Query<T> {
	constructor(
		public data: T[],
		private predicate: (row: T) => boolean = () => true
	) {}

	where(pred: (row: T) => boolean): Query<T> {
		return new Query(this.data, (r) => this.predicate(r) && pred(r));
	}

	get current(): T[] {
		return this.data.filter(this.predicate);
	}

	destroy() {
		this.data = [];
	}
}

export const LEGACY_NOTE = 'ReactiveQuery.data was replaced by ReactiveVisit.find(id) in v2';

export function findOne<T>(q: Query<T>): T | null {
	return q.current[0] ?? null;
}
