import { describe, expect, it, vi } from 'vitest';
import type { AnyQuery } from '@rocicorp/zero';
import { ReactiveQuery } from '$lib/zero';
import type { Order } from '$lib/zero';
import { summarize, watchRevenue } from './revenue';

function order(overrides: Partial<Order> = {}): Order {
	return {
		id: crypto.randomUUID(),
		show_id: 'show-1',
		buyer_name: 'Ada Lovelace',
		buyer_email: 'ada@example.com',
		status: 'paid',
		total_cents: 2500,
		notes: null,
		created_at: 0,
		updated_at: 0,
		...overrides
	};
}

/** A stand-in for a Zero query: materialize() hands back a view we control. */
function fakeQuery(initial: Order[]) {
	const listeners = new Set<(rows: Order[]) => void>();
	const view = {
		data: initial,
		addListener(listener: (rows: Order[]) => void) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		destroy: vi.fn(),
		updateTTL: vi.fn()
	};
	return {
		query: { materialize: () => view } as unknown as AnyQuery,
		view,
		push(rows: Order[]) {
			view.data = rows;
			for (const l of listeners) l(rows);
		}
	};
}

describe('summarize', () => {
	it('splits paid, refunded and pending', () => {
		const s = summarize([
			order({ total_cents: 1000 }),
			order({ status: 'refunded', total_cents: 400 }),
			order({ status: 'pending' })
		]);
		expect(s).toEqual({ paidCents: 1000, refundedCents: 400, pendingCount: 1 });
	});
});

describe('watchRevenue', () => {
	it('reports paid revenue each time the rows change', () => {
		const fake = fakeQuery([order({ total_cents: 1500 })]);
		const query = new ReactiveQuery<Order>(() => fake.query, [], '1m');
		expect(query.current).toHaveLength(1);

		const seen: number[] = [];
		const stop = watchRevenue(query, (cents) => seen.push(cents));
		fake.push([order({ total_cents: 1500 }), order({ total_cents: 2500 })]);

		expect(seen).toEqual([1500, 4000]);
		stop();
		query.destroy();
		expect(fake.view.destroy).toHaveBeenCalledOnce();
	});
});
