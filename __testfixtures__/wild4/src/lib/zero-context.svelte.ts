// One object built in the root layout, handed to every component through Svelte context.
import { getContext, setContext } from 'svelte';
import { Product, updateProduct } from '$lib/zero/product.generated';
import { Bin, updateBin, deleteBin } from '$lib/zero/bin.generated';
import { StockMove, createStockMove, updateStockMove } from '$lib/zero/stock_move.generated';
import { Supplier, upsertSupplier } from '$lib/zero/supplier.generated';

export interface ZeroContext {
	Product: typeof Product;
	Bin: typeof Bin;
	StockMove: typeof StockMove;
	Supplier: typeof Supplier;
	updateProduct: typeof updateProduct;
	updateBin: typeof updateBin;
	deleteBin: typeof deleteBin;
	createStockMove: typeof createStockMove;
	updateStockMove: typeof updateStockMove;
	upsertSupplier: typeof upsertSupplier;
}

const ZERO_CONTEXT_KEY: unique symbol = Symbol('stockroom.zero');

export function setZeroContext(): ZeroContext {
	const ctx: ZeroContext = {
		Product,
		Bin,
		StockMove,
		Supplier,
		updateProduct,
		updateBin,
		deleteBin,
		createStockMove,
		updateStockMove,
		upsertSupplier
	} satisfies ZeroContext;
	return setContext<ZeroContext>(ZERO_CONTEXT_KEY, ctx);
}

export function getZeroContext(): ZeroContext {
	const ctx: ZeroContext | undefined = getContext<ZeroContext | undefined>(ZERO_CONTEXT_KEY);
	if (!ctx) throw new Error('getZeroContext() called outside the root layout');
	return ctx;
}
