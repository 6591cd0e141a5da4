import { createSchema, table, string, number, boolean } from '@rocicorp/zero';

const visits = table('visits')
	.columns({
		id: string(),
		status: string(),
		technician_id: string().optional(),
		customer_name: string(),
		address: string(),
		scheduled_at: number(),
		completed_at: number().optional(),
		notes: string().optional(),
		created_at: number(),
		updated_at: number()
	})
	.primaryKey('id');

const technicians = table('technicians')
	.columns({
		id: string(),
		name: string(),
		phone: string(),
		active: boolean(),
		region: string(),
		created_at: number(),
		updated_at: number()
	})
	.primaryKey('id');

const invoices = table('invoices')
	.columns({
		id: string(),
		visit_id: string(),
		number: string(),
		amount_cents: number(),
		status: string(),
		due_at: number(),
		created_at: number(),
		updated_at: number()
	})
	.primaryKey('id');

const devices = table('devices')
	.columns({
		id: string(),
		visit_id: string().optional(),
		serial: string(),
		kind: string(),
		online: boolean(),
		last_seen_at: number().optional(),
		created_at: number(),
		updated_at: number()
	})
	.primaryKey('id');

export const schema = createSchema({ tables: [visits, technicians, invoices, devices] });
export type Schema = typeof schema;
