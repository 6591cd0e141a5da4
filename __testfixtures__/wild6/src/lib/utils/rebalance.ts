// Rebalancing planner for the overnight van crew.
// Pure functions at the top (tested), live wiring at the bottom.
import { Station, Bike, ReactiveQuery, getZero } from '$lib/zero';
import type { Station as StationRow, Bike as BikeRow } from '$lib/zero';

export interface RebalanceMove {
	from: string;
	to: string;
	count: number;
}

export function planMoves(stations: readonly StationRow[], bikes: readonly BikeRow[]): RebalanceMove[] {
	const balance = stations
		.filter((s) => s.status === 'active')
		.map((s) => {
			const docked = bikes.filter((b) => b.station_id === s.id && b.status === 'available').length;
			return { id: s.id, delta: docked - Math.round(s.capacity / 2) };
		});

	const donors = balance.filter((b) => b.delta > 0).sort((a, b) => b.delta - a.delta);
	const takers = balance.filter((b) => b.delta < 0).sort((a, b) => a.delta - b.delta);
	const moves: RebalanceMove[] = [];

	for (const taker of takers) {
		let need = -taker.delta;
		for (const donor of donors) {
			if (need === 0) break;
			const count = Math.min(need, donor.delta);
			if (count <= 0) continue;
			donor.delta -= count;
			need -= count;
			moves.push({ from: donor.id, to: taker.id, count });
		}
	}
	return moves;
}

/** Display helper for the van manifest. */
export function stationName(rows: readonly StationRow[], id: string): string {
	// a throwaway lookup object, NOT the Zero model
	const Station = { find: (key: string) => rows.find((r) => r.id === key) };
	return Station.find(id)?.name ?? id;
}

/** One-shot snapshot for the CSV export: uses whatever is already synced locally. */
export function snapshotPlan(): RebalanceMove[] {
	const stations = Station.all();
	const bikes = Bike.where({ status: 'available' });
	try {
		return planMoves(stations.current, bikes.current);
	} finally {
		stations.destroy();
		bikes.destroy();
	}
}

/** Re-plan every time the available-bike list changes. Returns a stop function. */
export function watchPlan(stations: () => readonly StationRow[], onPlan: (moves: RebalanceMove[]) => void): () => void {
	const available = new ReactiveQuery<BikeRow>(
		() => getZero()?.query.bikes.where('status', 'available'),
		[],
		'2m'
	);
	const stop = available.subscribe((rows, { isLoading, error }) => {
		if (isLoading || error) return;
		onPlan(planMoves(stations(), rows));
	});
	return () => {
		stop();
		available.destroy();
	};
}
