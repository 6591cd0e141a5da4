// Zero schema for Plotline. Mirrors the Rails tables (db/schema.rb);
// Rails datetimes arrive as epoch milliseconds.
import {
	boolean,
	createSchema,
	enumeration,
	number,
	relationships,
	string,
	table
} from '@rocicorp/zero';

const gardeners = table('gardeners')
	.columns({
		id: string(),
		name: string(),
		email: string(),
		phone: string().optional(),
		joined_at: number(),
		active: boolean(),
		created_at: number(),
		updated_at: number()
	})
	.primaryKey('id');

const plots = table('plots')
	.columns({
		id: string(),
		code: string(),
		zone: enumeration<'north' | 'south' | 'greenhouse'>(),
		bed_type: enumeration<'raised' | 'ground' | 'greenhouse'>(),
		size_sqm: number(),
		gardener_id: string().optional(),
		status: enumeration<'available' | 'assigned' | 'fallow'>(),
		soil_notes: string().optional(),
		last_watered_at: number().optional(),
		created_at: number(),
		updated_at: number()
	})
	.primaryKey('id');

const harvests = table('harvests')
	.columns({
		id: string(),
		plot_id: string(),
		gardener_id: string(),
		crop: string(),
		weight_kg: number(),
		harvested_at: number(),
		shared_with_pantry: boolean(),
		created_at: number(),
		updated_at: number()
	})
	.primaryKey('id');

const wateringShifts = table('watering_shifts')
	.columns({
		id: string(),
		zone: enumeration<'north' | 'south' | 'greenhouse'>(),
		gardener_id: string().optional(),
		starts_at: number(),
		ends_at: number(),
		status: enumeration<'open' | 'claimed' | 'done' | 'missed'>(),
		created_at: number(),
		updated_at: number()
	})
	.primaryKey('id');

const toolLoans = table('tool_loans')
	.columns({
		id: string(),
		tool_name: string(),
		gardener_id: string(),
		borrowed_at: number(),
		due_at: number(),
		returned_at: number().optional(),
		condition_notes: string().optional(),
		created_at: number(),
		updated_at: number()
	})
	.primaryKey('id');

const plotRelationships = relationships(plots, ({ one, many }) => ({
	gardener: one({ sourceField: ['gardener_id'], destField: ['id'], destSchema: gardeners }),
	harvests: many({ sourceField: ['id'], destField: ['plot_id'], destSchema: harvests })
}));

const harvestRelationships = relationships(harvests, ({ one }) => ({
	plot: one({ sourceField: ['plot_id'], destField: ['id'], destSchema: plots })
}));

export const schema = createSchema({
	tables: [gardeners, plots, harvests, wateringShifts, toolLoans],
	relationships: [plotRelationships, harvestRelationships],
	// The app still uses zero.query.* and the CRUD mutators directly.
	enableLegacyQueries: true,
	enableLegacyMutators: true
});

export type Schema = typeof schema;
