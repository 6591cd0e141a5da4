// Service locator used by components that should not import $lib/zero directly.
import { Visit, Technician, Invoice, Device, updateVisit, createVisit, deleteDevice } from '$lib/zero';

export const services = {
	models: { Visit, Technician, Invoice, Device },
	visits: {
		reschedule: (id: string, at: number) => updateVisit(id, { scheduled_at: at, status: 'scheduled' }),
		assign: (id: string, technicianId: string | null) => updateVisit(id, { technician_id: technicianId }),
		create: createVisit
	},
	devices: {
		unlink: (id: string) => deleteDevice(id)
	}
} as const;

export type Services = typeof services;
