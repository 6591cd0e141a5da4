// Hand-written additions to the generated Station model.
import { Station as StationBase, type Station as StationRow } from './station.generated';
import { Bike, type Bike as BikeRow } from './bike.generated';
import type { RepairTicket as RepairTicketRow } from './repair_ticket.generated';
import { collectionHandle, type ModelHandle } from './base';

export type Station = StationRow;

export interface StationProgressive {
	station: ModelHandle<StationRow | null>;
	bikes: ModelHandle<BikeRow[]>;
	tickets: ModelHandle<RepairTicketRow[]>;
}

export const Station = Object.assign(StationBase, {
	/**
	 * The station row renders first; docked bikes and unresolved tickets stream in after.
	 * Caller owns all three handles.
	 */
	findProgressive(id: string): StationProgressive {
		return {
			station: StationBase.find(id),
			bikes: Bike.where({ station_id: id }),
			tickets: collectionHandle<RepairTicketRow>(
				(z) =>
					z.query.repair_tickets
						.where('station_id', id)
						.where('status', '!=', 'resolved')
						.orderBy('opened_at', 'asc'),
				'2m'
			)
		};
	},

	inZone(zone: string): ModelHandle<StationRow[]> {
		return StationBase.where({ zone, status: 'active' });
	}
});
