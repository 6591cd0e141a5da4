// Zero schema for the Dockside ops console.
// Regenerate with `bin/rails zero:schema` after migrations; hand edits get overwritten.
import {
	createSchema,
	enumeration,
	number,
	relationships,
	string,
	table
} from '@rocicorp/zero';

const stations = table('stations')
	.columns({
		id: string(),
		name: string(),
		code: string(),
		address: string(),
		latitude: number(),
		longitude: number(),
		capacity: number(),
		status: enumeration<'active' | 'offline' | 'decommissioned'>(),
		zone: string().optional(),
		created_at: number(),
		updated_at: number()
	})
	.primaryKey('id');

const bikes = table('bikes')
	.columns({
		id: string(),
		serial_number: string(),
		frame_model: string(),
		kind: enumeration<'classic' | 'ebike' | 'cargo'>(),
		status: enumeration<'available' | 'rented' | 'in_repair' | 'retired'>(),
		station_id: string().optional(),
		battery_level: number().optional(),
		odometer_km: number(),
		last_serviced_at: number().optional(),
		created_at: number(),
		updated_at: number()
	})
	.primaryKey('id');

const riders = table('riders')
	.columns({
		id: string(),
		full_name: string(),
		email: string(),
		phone: string().optional(),
		membership: enumeration<'pay_as_you_go' | 'monthly' | 'annual'>(),
		status: enumeration<'active' | 'suspended' | 'closed'>(),
		balance_cents: number(),
		joined_at: number(),
		created_at: number(),
		updated_at: number()
	})
	.primaryKey('id');

const rentals = table('rentals')
	.columns({
		id: string(),
		bike_id: string(),
		rider_id: string(),
		start_station_id: string(),
		end_station_id: string().optional(),
		started_at: number(),
		ended_at: number().optional(),
		status: enumeration<'active' | 'completed' | 'overdue' | 'lost'>(),
		fare_cents: number().optional(),
		distance_km: number().optional(),
		created_at: number(),
		updated_at: number()
	})
	.primaryKey('id');

const repairTickets = table('repair_tickets')
	.columns({
		id: string(),
		bike_id: string(),
		station_id: string().optional(),
		reported_by_rider_id: string().optional(),
		title: string(),
		description: string().optional(),
		priority: enumeration<'low' | 'normal' | 'high' | 'critical'>(),
		status: enumeration<'open' | 'in_progress' | 'waiting_parts' | 'resolved'>(),
		assignee: string().optional(),
		opened_at: number(),
		resolved_at: number().optional(),
		created_at: number(),
		updated_at: number()
	})
	.primaryKey('id');

const stationRelationships = relationships(stations, ({ many }) => ({
	bikes: many({ sourceField: ['id'], destField: ['station_id'], destSchema: bikes }),
	repair_tickets: many({ sourceField: ['id'], destField: ['station_id'], destSchema: repairTickets })
}));

const bikeRelationships = relationships(bikes, ({ one, many }) => ({
	station: one({ sourceField: ['station_id'], destField: ['id'], destSchema: stations }),
	rentals: many({ sourceField: ['id'], destField: ['bike_id'], destSchema: rentals }),
	repair_tickets: many({ sourceField: ['id'], destField: ['bike_id'], destSchema: repairTickets })
}));

const riderRelationships = relationships(riders, ({ many }) => ({
	rentals: many({ sourceField: ['id'], destField: ['rider_id'], destSchema: rentals })
}));

const rentalRelationships = relationships(rentals, ({ one }) => ({
	bike: one({ sourceField: ['bike_id'], destField: ['id'], destSchema: bikes }),
	rider: one({ sourceField: ['rider_id'], destField: ['id'], destSchema: riders }),
	start_station: one({ sourceField: ['start_station_id'], destField: ['id'], destSchema: stations }),
	end_station: one({ sourceField: ['end_station_id'], destField: ['id'], destSchema: stations })
}));

const repairTicketRelationships = relationships(repairTickets, ({ one }) => ({
	bike: one({ sourceField: ['bike_id'], destField: ['id'], destSchema: bikes }),
	station: one({ sourceField: ['station_id'], destField: ['id'], destSchema: stations }),
	reported_by: one({ sourceField: ['reported_by_rider_id'], destField: ['id'], destSchema: riders })
}));

export const schema = createSchema({
	tables: [stations, bikes, riders, rentals, repairTickets],
	relationships: [
		stationRelationships,
		bikeRelationships,
		riderRelationships,
		rentalRelationships,
		repairTicketRelationships
	],
	enableLegacyQueries: true,
	enableLegacyMutators: true
});

export type Schema = typeof schema;
export type TableName = keyof Schema['tables'] & string;
