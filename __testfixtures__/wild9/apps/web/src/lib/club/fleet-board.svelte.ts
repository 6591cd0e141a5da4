import { Boat, getZero, type WorkOrder } from '@tiller/data';
import { ReactiveQuery } from '@tiller/data/reactive';
import { OrderStatus } from './enums';

/**
 * The fleet page's model: boats in commission and the open work orders, exposed through getters
 * so the template never sees the query objects.
 */
export class FleetBoard implements Disposable {
	readonly #boats = Boat.where({ active: true });
	readonly #orders = new ReactiveQuery<WorkOrder>(
		() =>
			getZero()?.query.work_orders.where('status', '!=', OrderStatus.Done).orderBy('opened_at', 'asc') ?? null,
		[],
		'15m'
	);

	get boats() {
		return this.#boats.current;
	}

	/** True until both the boats and the orders have arrived. */
	get loading(): boolean {
		return this.#boats.resultType === 'loading' || this.#orders.isLoading;
	}

	ordersFor(boatId: string): WorkOrder[] {
		return this.#orders.current.filter((order) => order.boat_id === boatId);
	}

	retry(): void {
		this.#orders.refresh();
	}

	[Symbol.dispose](): void {
		this.#boats.destroy();
		this.#orders.destroy();
	}
}
