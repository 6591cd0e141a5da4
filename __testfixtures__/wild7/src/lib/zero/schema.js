// Zero schema for the boarding desk. Mirrors db/schema.rb in the Rails app;
// regenerate with `bin/rails zero:schema` after a migration, then fix the
// relationships by hand (the generator does not emit them yet).
import { boolean, createSchema, number, relationships, string, table } from '@rocicorp/zero';

const owners = table('owners')
	.columns({
		id: string(),
		first_name: string(),
		last_name: string(),
		email: string().optional(),
		phone: string(),
		emergency_phone: string().optional(),
		notes: string().optional(),
		created_at: number(),
		updated_at: number()
	})
	.primaryKey('id');

const pets = table('pets')
	.columns({
		id: string(),
		owner_id: string(),
		name: string(),
		species: string(),
		breed: string().optional(),
		sex: string().optional(),
		date_of_birth: number().optional(),
		weight_kg: number().optional(),
		temperament: string(),
		microchip_number: string().optional(),
		allergies: string().optional(),
		created_at: number(),
		updated_at: number()
	})
	.primaryKey('id');

const kennels = table('kennels')
	.columns({
		id: string(),
		code: string(),
		ward: string(),
		size: string(),
		status: string(),
		daily_rate_cents: number(),
		heated: boolean(),
		created_at: number(),
		updated_at: number()
	})
	.primaryKey('id');

const stays = table('stays')
	.columns({
		id: string(),
		pet_id: string(),
		kennel_id: string().optional(),
		status: string(),
		check_in_at: number().optional(),
		expected_check_out_at: number().optional(),
		check_out_at: number().optional(),
		special_instructions: string().optional(),
		created_at: number(),
		updated_at: number()
	})
	.primaryKey('id');

const feedingSchedules = table('feeding_schedules')
	.columns({
		id: string(),
		stay_id: string(),
		food_name: string(),
		amount: number(),
		unit: string(),
		times_per_day: number(),
		feeding_times: string().optional(),
		owner_supplied: boolean(),
		instructions: string().optional(),
		active: boolean(),
		created_at: number(),
		updated_at: number()
	})
	.primaryKey('id');

const medicationDoses = table('medication_doses')
	.columns({
		id: string(),
		stay_id: string(),
		medication_name: string(),
		dosage: string(),
		route: string(),
		scheduled_at: number(),
		given_at: number().optional(),
		given_by: string().optional(),
		status: string(),
		notes: string().optional(),
		created_at: number(),
		updated_at: number()
	})
	.primaryKey('id');

const ownerRelationships = relationships(owners, ({ many }) => ({
	pets: many({ sourceField: ['id'], destField: ['owner_id'], destSchema: pets })
}));

const petRelationships = relationships(pets, ({ one, many }) => ({
	owner: one({ sourceField: ['owner_id'], destField: ['id'], destSchema: owners }),
	stays: many({ sourceField: ['id'], destField: ['pet_id'], destSchema: stays })
}));

const kennelRelationships = relationships(kennels, ({ many }) => ({
	stays: many({ sourceField: ['id'], destField: ['kennel_id'], destSchema: stays })
}));

const stayRelationships = relationships(stays, ({ one, many }) => ({
	pet: one({ sourceField: ['pet_id'], destField: ['id'], destSchema: pets }),
	kennel: one({ sourceField: ['kennel_id'], destField: ['id'], destSchema: kennels }),
	feeding_schedules: many({
		sourceField: ['id'],
		destField: ['stay_id'],
		destSchema: feedingSchedules
	}),
	medication_doses: many({
		sourceField: ['id'],
		destField: ['stay_id'],
		destSchema: medicationDoses
	})
}));

const feedingRelationships = relationships(feedingSchedules, ({ one }) => ({
	stay: one({ sourceField: ['stay_id'], destField: ['id'], destSchema: stays })
}));

const doseRelationships = relationships(medicationDoses, ({ one }) => ({
	stay: one({ sourceField: ['stay_id'], destField: ['id'], destSchema: stays })
}));

export const schema = createSchema({
	tables: [owners, pets, kennels, stays, feedingSchedules, medicationDoses],
	relationships: [
		ownerRelationships,
		petRelationships,
		kennelRelationships,
		stayRelationships,
		feedingRelationships,
		doseRelationships
	],
	enableLegacyQueries: true,
	enableLegacyMutators: true
});

/** @typedef {typeof schema} Schema */
