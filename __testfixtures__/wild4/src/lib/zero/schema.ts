// Zero schema for Stockroom. Mirrors the Rails tables (db/schema.rb);
// Rails datetimes arrive in Zero as epoch milliseconds.
import {
	boolean,
	createSchema,
	enumeration,
	number,
	relationships,
	string,
	table
} from '@rocicorp/zero';

const suppliers = table('suppliers')
	.columns({
		id: string(),
		name: string(),
		contact_email: string().optional(),
		phone: string().optional(),
		lead_time_days: number(),
		active: boolean(),
		created_at: number(),
		updated_at: number()
	})
	.primaryKey('id');

const products = table('products')
	.columns({
		id: string(),
		sku: string(),
		name: string(),
		description: string().optional(),
		supplier_id: string().optional(),
		unit_cost_cents: number(),
		reorder_level: number(),
		status: enumeration<'active' | 'backordered' | 'discontinued'>(),
		hazardous: boolean(),
		created_at: number(),
		updated_at: number()
	})
	.primaryKey('id');

const bins = table('bins')
	.columns({
		id: string(),
		code: string(),
		zone: string(),
		capacity: number(),
		product_id: string().optional(),
		quantity: number(),
		locked: boolean(),
		last_counted_at: number().optional(),
		created_at: number(),
		updated_at: number()
	})
	.primaryKey('id');

const stockMoves = table('stock_moves')
	.columns({
		id: string(),
		product_id: string(),
		from_bin_id: string().optional(),
		to_bin_id: string().optional(),
		quantity: number(),
		kind: enumeration<'receive' | 'pick' | 'transfer' | 'adjust'>(),
		status: enumeration<'pending' | 'completed' | 'cancelled'>(),
		note: string().optional(),
		moved_at: number().optional(),
		created_at: number(),
		updated_at: number()
	})
	.primaryKey('id');

const supplierRelationships = relationships(suppliers, ({ many }) => ({
	products: many({
		sourceField: ['id'],
		destField: ['supplier_id'],
		destSchema: products
	})
}));

const productRelationships = relationships(products, ({ one, many }) => ({
	supplier: one({
		sourceField: ['supplier_id'],
		destField: ['id'],
		destSchema: suppliers
	}),
	bins: many({
		sourceField: ['id'],
		destField: ['product_id'],
		destSchema: bins
	}),
	stock_moves: many({
		sourceField: ['id'],
		destField: ['product_id'],
		destSchema: stockMoves
	})
}));

const binRelationships = relationships(bins, ({ one, many }) => ({
	product: one({
		sourceField: ['product_id'],
		destField: ['id'],
		destSchema: products
	}),
	outgoing_moves: many({
		sourceField: ['id'],
		destField: ['from_bin_id'],
		destSchema: stockMoves
	}),
	incoming_moves: many({
		sourceField: ['id'],
		destField: ['to_bin_id'],
		destSchema: stockMoves
	})
}));

const stockMoveRelationships = relationships(stockMoves, ({ one }) => ({
	product: one({
		sourceField: ['product_id'],
		destField: ['id'],
		destSchema: products
	}),
	from_bin: one({
		sourceField: ['from_bin_id'],
		destField: ['id'],
		destSchema: bins
	}),
	to_bin: one({
		sourceField: ['to_bin_id'],
		destField: ['id'],
		destSchema: bins
	})
}));

export const schema = createSchema({
	tables: [suppliers, products, bins, stockMoves],
	relationships: [
		supplierRelationships,
		productRelationships,
		binRelationships,
		stockMoveRelationships
	],
	enableLegacyQueries: true,
	enableLegacyMutators: true
});

export type Schema = typeof schema;
