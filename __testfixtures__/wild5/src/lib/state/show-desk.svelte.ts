// Everything the show detail page needs, in one object. The page creates one
// per show id and calls dispose() when it goes away.
import { ReactiveQuery, ReactiveQueryOne } from '$lib/zero/reactive-query.svelte';
import { getZero } from '$lib/zero/client';
import type { Show } from '$lib/zero/show.generated';
import type { PriceTier } from '$lib/zero/price_tier.generated';
import type { Order, OrderStatus } from '$lib/zero/order.generated';

export type OrderFilter = 'all' | OrderStatus;

export class ShowDesk {
	readonly showId: string;
	filter = $state<OrderFilter>('all');

	show: ReactiveQueryOne<Show>;
	tiers: ReactiveQuery<PriceTier>;
	orders: ReactiveQuery<Order>;

	constructor(showId: string) {
		this.showId = showId;
		this.show = new ReactiveQueryOne<Show>(
			() => getZero()?.query.shows.where('id', showId).one(),
			null,
			'5m'
		);
		this.tiers = new ReactiveQuery<PriceTier>(
			() => getZero()?.query.price_tiers.where('show_id', showId).orderBy('position', 'asc'),
			[],
			'5m'
		);
		this.orders = new ReactiveQuery<Order>(
			() => getZero()?.query.orders.where('show_id', showId).orderBy('created_at', 'desc'),
			[],
			'2m'
		);
	}

	get title(): string {
		return this.show.current?.title ?? 'Untitled show';
	}

	get seatsLeft(): number {
		return this.tiers.current.reduce((left, t) => left + (t.capacity - t.sold_count), 0);
	}

	get visibleOrders(): Order[] {
		const rows = this.orders.data;
		return this.filter === 'all' ? rows : rows.filter((o) => o.status === this.filter);
	}

	get busy(): boolean {
		return this.show.isLoading;
	}

	get problem(): string | null {
		return this.show.error?.message ?? null;
	}

	dispose(): void {
		this.show.destroy();
		this.tiers.destroy();
		this.orders.destroy();
	}
}
