import {
	boolean,
	createSchema,
	number,
	relationships,
	string,
	table
} from '@rocicorp/zero';

const members = table('members')
	.columns({
		id: string(),
		first_name: string(),
		last_name: string(),
		email: string(),
		phone: string().optional(),
		active: boolean(),
		renewed_at: number().optional(),
		created_at: number(),
		updated_at: number()
	})
	.primaryKey('id');

const boats = table('boats')
	.columns({
		id: string(),
		name: string(),
		sail_number: string(),
		class_name: string(),
		length_m: number(),
		owner_id: string().optional(),
		active: boolean(),
		created_at: number(),
		updated_at: number()
	})
	.primaryKey('id');

const races = table('races')
	.columns({
		id: string(),
		name: string(),
		series: string().optional(),
		course: string().optional(),
		starts_at: number(),
		status: string(),
		created_at: number(),
		updated_at: number()
	})
	.primaryKey('id');

const raceEntries = table('race_entries')
	.columns({
		id: string(),
		race_id: string(),
		member_id: string(),
		boat_id: string().optional(),
		role: string(),
		position: number().optional(),
		elapsed_s: number().optional(),
		created_at: number(),
		updated_at: number()
	})
	.primaryKey('id');

const workOrders = table('work_orders')
	.columns({
		id: string(),
		boat_id: string(),
		title: string(),
		priority: number(),
		status: string(),
		opened_at: number(),
		closed_at: number().optional(),
		created_at: number(),
		updated_at: number()
	})
	.primaryKey('id');

const boatRelationships = relationships(boats, ({ one, many }) => ({
	owner: one({ sourceField: ['owner_id'], destField: ['id'], destSchema: members }),
	work_orders: many({ sourceField: ['id'], destField: ['boat_id'], destSchema: workOrders })
}));

const raceEntryRelationships = relationships(raceEntries, ({ one }) => ({
	member: one({ sourceField: ['member_id'], destField: ['id'], destSchema: members }),
	race: one({ sourceField: ['race_id'], destField: ['id'], destSchema: races }),
	boat: one({ sourceField: ['boat_id'], destField: ['id'], destSchema: boats })
}));

export const schema = createSchema({
	tables: [members, boats, races, raceEntries, workOrders],
	relationships: [boatRelationships, raceEntryRelationships]
});

export type Schema = typeof schema;
