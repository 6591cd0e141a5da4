// Hand-written additions to the generated Show model.
// The generator never touches this file.
import { getZero } from './client';
import { ReactiveQuery } from './reactive-query.svelte';
import { Show as GeneratedShow } from './show.generated';
import type { Show as ShowRow, ShowHandle } from './show.generated';
import type { PriceTier } from './price_tier.generated';
import type { Order } from './order.generated';
import type { Venue } from './venue.generated';

export type Show = ShowRow;

export type ShowWithVenue = ShowRow & { venue: Venue | undefined };

export interface ShowProgressive {
	show: ShowHandle;
	tiers: ReactiveQuery<PriceTier>;
	orders: ReactiveQuery<Order>;
}

export const Show = {
	...GeneratedShow,

	/** Show row first, then tiers and orders as they sync. Destroy all three. */
	findProgressive(id: string): ShowProgressive {
		return {
			show: GeneratedShow.find(id),
			tiers: new ReactiveQuery<PriceTier>(
				() => getZero()?.query.price_tiers.where('show_id', id).orderBy('position', 'asc'),
				[],
				'5m'
			),
			orders: new ReactiveQuery<Order>(
				() => getZero()?.query.orders.where('show_id', id).orderBy('created_at', 'desc'),
				[],
				'2m'
			)
		};
	},

	/** Rails-ish `Show.includes(:venue).all` */
	includesVenue() {
		return {
			all: () =>
				new ReactiveQuery<ShowWithVenue>(
					() => getZero()?.query.shows.related('venue').orderBy('starts_at', 'asc'),
					[],
					'10m'
				)
		};
	}
};
