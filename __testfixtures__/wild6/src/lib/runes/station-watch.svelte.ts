import { ReactiveQuery, ReactiveQueryOne, getZero } from '$lib/zero';
import type { Bike, Station } from '$lib/zero';

/** Bikes currently docked at one station, most recently touched first. */
export class DockedBikesQuery extends ReactiveQuery<Bike> {
	readonly stationId: string;

	constructor(stationId: string, ttl = '10m') {
		super(
			() => getZero()?.query.bikes.where('station_id', stationId).orderBy('updated_at', 'desc'),
			[],
			ttl
		);
		this.stationId = stationId;
	}

	get available(): Bike[] {
		return this.current.filter((b) => b.status === 'available');
	}

	get ebikes(): Bike[] {
		return this.data.filter((b) => b.kind === 'ebike');
	}
}

/**
 * One station plus its dock occupancy, behind a single object so the header component
 * doesn't have to juggle two queries.
 */
export class StationWatch {
	#station: ReactiveQueryOne<Station>;
	#docked: DockedBikesQuery;

	constructor(id: string) {
		this.#station = new ReactiveQueryOne<Station>(() => getZero()?.query.stations.where('id', id).one(), null, '10m');
		this.#docked = new DockedBikesQuery(id);
	}

	get current(): Station | null {
		return this.#station.current;
	}

	get free(): number {
		const s = this.#station.current;
		return s ? Math.max(0, s.capacity - this.#docked.current.length) : 0;
	}

	get loading(): boolean {
		return this.#station.isLoading || this.#docked.loading;
	}

	dispose(): void {
		this.#station.destroy();
		this.#docked.destroy();
	}
}
