// Plain TypeScript inventory rules shared by pages, the CSV export and the tests.
import type { Bin, Product, StockMove, StockMoveStatus } from '$lib/zero';
import { ReactiveQuery, type QueryMeta } from '$lib/zero/reactive-query.svelte';
import { getZero } from '$lib/zero/zero-client';
import { sumBy } from './collections';

export type MoveDirection = 'in' | 'out' | 'internal';

export type CompletedMove = StockMove & { status: 'completed'; moved_at: number };

export function totalQty(moves: readonly StockMove[]): number {
	return moves.reduce((sum: number, move: StockMove): number => sum + move.quantity, 0);
}

export function isCompleted(move: StockMove): move is CompletedMove {
	return move.status === 'completed' && move.moved_at !== null;
}

export function hasStatus(status: StockMoveStatus): (move: StockMove) => boolean {
	return (move: StockMove): boolean => move.status === status;
}

export function direction(move: StockMove): MoveDirection {
	if (move.from_bin_id === null) return 'in';
	if (move.to_bin_id === null) return 'out';
	return 'internal';
}

export function onHand(bins: readonly Bin[], productId: string): number {
	return sumBy(
		bins.filter((bin: Bin): boolean => bin.product_id === productId),
		(bin: Bin): number => bin.quantity
	);
}

export function isLowStock(product: Product, bins: readonly Bin[]): boolean {
	return product.status === 'active' && onHand(bins, product.id) <= product.reorder_level;
}

export function byId<T extends { id: string }>(rows: readonly T[], id: string | null): T | undefined {
	if (id === null) return undefined;
	return rows.find((row: T): boolean => row.id === id);
}

export function sortByCode(bins: readonly Bin[]): Bin[] {
	return [...bins].sort((a: Bin, b: Bin): number => a.code.localeCompare(b.code));
}

export function freeSpace(bin: Bin): number {
	return Math.max(0, bin.capacity - bin.quantity);
}

export function formatCents(cents: number): string {
	return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cents / 100);
}

export function formatTimestamp(ms: number | null): string {
	return ms === null ? 'never' : new Date(ms).toLocaleString();
}

/** Used by the nightly CSV export: waits a moment for Zero, then reads the active products once. */
export async function snapshotActiveProducts(settleMs: number = 250): Promise<Product[]> {
	const query: ReactiveQuery<Product> = new ReactiveQuery<Product>(
		() => getZero()?.query.products.where('status', 'active').orderBy('sku', 'asc'),
		[],
		'1m'
	);
	try {
		await new Promise<void>((resolve: () => void): void => {
			setTimeout(resolve, settleMs);
		});
		const rows: Product[] = query.current;
		return rows.slice();
	} finally {
		query.destroy();
	}
}

/** Calls onChange with every bin at or below `threshold` units until the returned stop function runs. */
export function watchLowBins(threshold: number, onChange: (bins: Bin[]) => void): () => void {
	const query: ReactiveQuery<Bin> = new ReactiveQuery<Bin>(
		() => getZero()?.query.bins.where('quantity', '<=', threshold),
		[],
		'10m'
	);
	const unsubscribe: () => void = query.subscribe((rows: Bin[], meta: QueryMeta): void => {
		if (!meta.isLoading && meta.error === null) onChange(rows);
	});
	return (): void => {
		unsubscribe();
		query.destroy();
	};
}

export function countPending(movesQuery: ReactiveQuery<StockMove>): number {
	return movesQuery.current.filter(hasStatus('pending')).length;
}
