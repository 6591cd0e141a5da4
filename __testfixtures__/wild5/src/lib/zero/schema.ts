// Zero schema for the Marquee box office.
// Keep in sync with db/schema.rb in the Rails app (bin/rails zero:schema regenerates the models).
import { boolean, createSchema, number, relationships, string, table } from '@rocicorp/zero';

export type ShowStatus = 'draft' | 'on_sale' | 'sold_out' | 'cancelled';
export type OrderStatus = 'pending' | 'paid' | 'refunded' | 'void';

const venues = table('venues')
	.columns({
		id: string(),
		name: string(),
		city: string(),
		capacity: number(),
		created_at: number(),
		updated_at: number()
	})
	.primaryKey('id');

const shows = table('shows')
	.columns({
		id: string(),
		venue_id: string(),
		title: string(),
		starts_at: number(),
		status: string<ShowStatus>(),
		description: string().optional(),
		created_at: number(),
		updated_at: number()
	})
	.primaryKey('id');

const price_tiers = table('price_tiers')
	.columns({
		id: string(),
		show_id: string(),
		name: string(),
		price_cents: number(),
		capacity: number(),
		sold_count: number(),
		position: number(),
		created_at: number(),
		updated_at: number()
	})
	.primaryKey('id');

const orders = table('orders')
	.columns({
		id: string(),
		show_id: string(),
		buyer_name: string(),
		buyer_email: string(),
		status: string<OrderStatus>(),
		total_cents: number(),
		notes: string().optional(),
		created_at: number(),
		updated_at: number()
	})
	.primaryKey('id');

const tickets = table('tickets')
	.columns({
		id: string(),
		order_id: string(),
		price_tier_id: string(),
		seat_label: string().optional(),
		checked_in: boolean(),
		checked_in_at: number().optional(),
		created_at: number(),
		updated_at: number()
	})
	.primaryKey('id');

const venueRelationships = relationships(venues, ({ many }) => ({
	shows: many({ sourceField: ['id'], destField: ['venue_id'], destSchema: shows })
}));

const showRelationships = relationships(shows, ({ one, many }) => ({
	venue: one({ sourceField: ['venue_id'], destField: ['id'], destSchema: venues }),
	priceTiers: many({ sourceField: ['id'], destField: ['show_id'], destSchema: price_tiers }),
	orders: many({ sourceField: ['id'], destField: ['show_id'], destSchema: orders })
}));

const priceTierRelationships = relationships(price_tiers, ({ one, many }) => ({
	show: one({ sourceField: ['show_id'], destField: ['id'], destSchema: shows }),
	tickets: many({ sourceField: ['id'], destField: ['price_tier_id'], destSchema: tickets })
}));

const orderRelationships = relationships(orders, ({ one, many }) => ({
	show: one({ sourceField: ['show_id'], destField: ['id'], destSchema: shows }),
	tickets: many({ sourceField: ['id'], destField: ['order_id'], destSchema: tickets })
}));

const ticketRelationships = relationships(tickets, ({ one }) => ({
	order: one({ sourceField: ['order_id'], destField: ['id'], destSchema: orders }),
	priceTier: one({ sourceField: ['price_tier_id'], destField: ['id'], destSchema: price_tiers })
}));

export const schema = createSchema({
	tables: [venues, shows, price_tiers, orders, tickets],
	relationships: [
		venueRelationships,
		showRelationships,
		priceTierRelationships,
		orderRelationships,
		ticketRelationships
	],
	enableLegacyQueries: true,
	enableLegacyMutators: true
});

export type Schema = typeof schema;
