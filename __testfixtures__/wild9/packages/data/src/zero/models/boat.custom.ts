// Hand-written additions to the generated Boat model. The generator never touches this file.
import { openHandle, type RecordHandle } from '../handle.svelte';
import { Boat as GeneratedBoat, type Boat as BoatRow } from './boat.generated';
import type { Member } from './member.generated';
import type { WorkOrder } from './work_order.generated';

export type Boat = BoatRow;
export type BoatRelation = 'owner' | 'work_orders';
export type BoatWithRelations = BoatRow & { owner?: Member | null; work_orders?: WorkOrder[] };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function withRelations(query: any, relations: BoatRelation[]): any {
	return relations.reduce((q, relation) => q.related(relation), query);
}

export const Boat = {
	...GeneratedBoat,

	/** `Boat.includes('owner').find(id)`, `Boat.includes('work_orders').all()` */
	includes(...relations: BoatRelation[]) {
		return {
			find(id: string): RecordHandle<BoatWithRelations | null> {
				return openHandle((zero) => withRelations(zero.query.boats.where('id', id), relations).one(), null);
			},
			all(): RecordHandle<BoatWithRelations[]> {
				return openHandle((zero) => withRelations(zero.query.boats.orderBy('name', 'asc'), relations), []);
			}
		};
	},

	/** The boat and its work-order log as two handles, so the page can show the boat before the log. */
	findWithLog(id: string): { boat: RecordHandle<BoatRow | null>; orders: RecordHandle<WorkOrder[]> } {
		return {
			boat: GeneratedBoat.find(id),
			orders: openHandle(
				(zero) => zero.query.work_orders.where('boat_id', id).orderBy('opened_at', 'desc'),
				[],
				'10m'
			)
		};
	}
};
