// Hand-written additions to the generated Bike model.
import { Bike as BikeBase, updateBike, type Bike as BikeRow } from './bike.generated';
import type { Station } from './station.generated';
import { collectionHandle, recordHandle, type ModelHandle } from './base';

export type Bike = BikeRow;
export type BikeWithStation = BikeRow & { readonly station: Station | undefined };

type BikeRelation = 'station';

export const Bike = Object.assign(BikeBase, {
	/** `Bike.includes('station').all()` — rows come back with `.station` attached. */
	includes(relation: BikeRelation) {
		return {
			all: (): ModelHandle<BikeWithStation[]> =>
				collectionHandle<BikeWithStation>(
					(z) => z.query.bikes.related(relation).orderBy('serial_number', 'asc'),
					'5m'
				),
			find: (id: string): ModelHandle<BikeWithStation | null> =>
				recordHandle<BikeWithStation>((z) => z.query.bikes.where('id', id).related(relation).one(), '5m')
		};
	}
});

/** Take a bike out of service for good (undock it and clear telemetry). */
export async function retireBike(id: string) {
	return updateBike(id, { status: 'retired', station_id: null, battery_level: null });
}
