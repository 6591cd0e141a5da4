// @ts-check
import { Bike, Station } from '$lib/zero';

/**
 * @typedef {import('$lib/zero').Bike} BikeRow
 * @typedef {ReturnType<typeof Bike.all>} BikesHandle
 */

/**
 * Fleet-wide counters for the dashboard header. Call from component init; call
 * `dispose()` from onDestroy.
 *
 * @param {{ stationId?: string | null }} [opts]
 */
export function createFleetStats(opts = {}) {
	/** @type {BikesHandle} */
	const bikes = opts.stationId ? Bike.where({ station_id: opts.stationId }) : Bike.all();
	const stations = Station.all();

	const byStatus = $derived.by(() => {
		/** @type {Record<BikeRow['status'], number>} */
		const counts = { available: 0, rented: 0, in_repair: 0, retired: 0 };
		for (const b of bikes.current) counts[b.status] += 1;
		return counts;
	});

	const lowBattery = $derived(
		bikes.current.filter((b) => b.kind === 'ebike' && (b.battery_level ?? 100) < 20)
	);

	const dockFill = $derived.by(() => {
		const capacity = stations.current.reduce((n, s) => n + s.capacity, 0);
		const docked = bikes.current.filter((b) => b.station_id !== null).length;
		return capacity === 0 ? 0 : docked / capacity;
	});

	return {
		get byStatus() {
			return byStatus;
		},
		get lowBattery() {
			return lowBattery;
		},
		get dockFill() {
			return dockFill;
		},
		get loading() {
			return bikes.resultType === 'loading' || stations.resultType === 'loading';
		},
		dispose() {
			bikes.destroy();
			stations.destroy();
		}
	};
}
