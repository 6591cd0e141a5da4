// Hand-written additions to the generated Technician model.
import {
	Technician as GeneratedTechnician,
	type Technician as TechnicianRow,
	type TechnicianHandle
} from './technician.generated';
import { Visit, type VisitHandle, type Visit as VisitRow } from './visit.generated';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Technician extends TechnicianRow {}

export const Technician = {
	...GeneratedTechnician,
	/** Technician plus their open visits, loaded side by side. */
	findWithVisits(id: string): {
		technician: TechnicianHandle<TechnicianRow | null>;
		visits: VisitHandle<VisitRow[]>;
	} {
		return {
			technician: GeneratedTechnician.find(id),
			visits: Visit.where({ technician_id: id, status: 'scheduled' })
		};
	},
	activeIn(region: string): TechnicianHandle<TechnicianRow[]> {
		return GeneratedTechnician.where({ region, active: true });
	}
};
