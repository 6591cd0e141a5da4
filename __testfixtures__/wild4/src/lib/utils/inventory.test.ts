import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReactiveQuery } from '$lib/zero/reactive-query.svelte';
import { closeZero, getZero, initZero } from '$lib/zero/zero-client';
import { createProduct, type Product } from '$lib/zero/product.generated';
import type { StockMove } from '$lib/zero/stock_move.generated';
import { byId, direction, isCompleted, totalQty, type MoveDirection } from './inventory';
import { first, groupBy } from './collections';

function makeMove(overrides: Partial<StockMove> = {}): StockMove {
	const base: StockMove = {
		id: crypto.randomUUID(),
		product_id: 'p-1',
		from_bin_id: null,
		to_bin_id: 'bin-a1',
		quantity: 1,
		kind: 'receive',
		status: 'completed',
		note: null,
		moved_at: 1_767_225_600_000,
		created_at: 1_767_225_600_000,
		updated_at: 1_767_225_600_000
	};
	return { ...base, ...overrides };
}

describe('inventory helpers', (): void => {
	it('totals quantities', (): void => {
		const moves: StockMove[] = [makeMove({ quantity: 3 }), makeMove({ quantity: 4 })];
		expect(totalQty(moves)).toBe(7);
	});

	it('tells completed moves apart', (): void => {
		const moves: StockMove[] = [makeMove(), makeMove({ status: 'pending', moved_at: null })];
		expect(moves.filter(isCompleted)).toHaveLength(1);
	});

	it('derives a direction from the bins', (): void => {
		const dirs: MoveDirection[] = [
			makeMove(),
			makeMove({ from_bin_id: 'bin-a1', to_bin_id: null }),
			makeMove({ from_bin_id: 'bin-a1', to_bin_id: 'bin-b2' })
		].map(direction);
		expect(dirs).toEqual(['in', 'out', 'internal']);
	});

	it('groups moves by product', (): void => {
		const grouped: Map<string, StockMove[]> = groupBy(
			[makeMove({ product_id: 'a' }), makeMove({ product_id: 'b' }), makeMove({ product_id: 'a' })],
			(m: StockMove): string => m.product_id
		);
		expect(grouped.get('a')?.length).toBe(2);
		expect(first([...grouped.keys()])).toBe('a');
	});
});

describe('products query', (): void => {
	beforeAll((): void => {
		initZero('test-user', { cacheURL: null, kvStore: 'mem' });
	});

	afterAll((): void => {
		closeZero();
	});

	it('reads a created product back once', async (): Promise<void> => {
		const { id }: { id: string } = await createProduct({
			sku: 'SKU-TEST-1',
			name: 'Pallet wrap',
			description: null,
			supplier_id: null,
			unit_cost_cents: 1299,
			reorder_level: 10,
			status: 'active',
			hazardous: false
		});
		const query: ReactiveQuery<Product> = new ReactiveQuery<Product>(
			() => getZero()?.query.products.where('sku', 'SKU-TEST-1'),
			[],
			'1m'
		);
		const rows: Product[] = query.current;
		expect(rows).toHaveLength(1);
		expect(byId(rows, id)?.name).toBe('Pallet wrap');
		expect(rows[0]!.unit_cost_cents).toBe(1299);
		query.destroy();
	});
});
