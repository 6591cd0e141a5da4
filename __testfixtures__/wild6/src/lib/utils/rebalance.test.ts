import { describe, expect, it } from 'vitest';
import { planMoves, stationName } from './rebalance';
import type { Bike, Station } from '$lib/zero';

const station = (id: string, capacity: number): Station => ({
	id,
	name: `Station ${id}`,
	code: id.toUpperCase(),
	address: '1 Main St',
	latitude: 0,
	longitude: 0,
	capacity,
	status: 'active',
	zone: null,
	created_at: 0,
	updated_at: 0
});

const bike = (id: string, station_id: string | null): Bike => ({
	id,
	serial_number: `SN-${id}`,
	frame_model: 'Urbano 3',
	kind: 'classic',
	status: 'available',
	station_id,
	battery_level: null,
	odometer_km: 0,
	last_serviced_at: null,
	created_at: 0,
	updated_at: 0
});

describe('planMoves', () => {
	it('moves surplus bikes to the emptiest station', () => {
		const stations = [station('a', 4), station('b', 4)];
		const bikes = [bike('1', 'a'), bike('2', 'a'), bike('3', 'a'), bike('4', 'a')];
		expect(planMoves(stations, bikes)).toEqual([{ from: 'a', to: 'b', count: 2 }]);
	});

	it('does nothing when the network is balanced', () => {
		expect(planMoves([station('a', 2)], [bike('1', 'a')])).toEqual([]);
	});
});

describe('stationName (not Station.find!)', () => {
	it('falls back to the id', () => {
		expect(stationName([station('a', 2)], 'zz')).toBe('zz');
		expect(stationName([station('a', 2)], 'a')).toBe('Station a');
	});
});
