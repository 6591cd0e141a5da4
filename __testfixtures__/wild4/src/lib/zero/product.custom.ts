// Hand-written additions to the generated Product model (not overwritten by the generator).
import { Product, type ProductHandle } from './product.generated';
import type { StockMove } from './stock_move.generated';
import { ReactiveQuery } from './reactive-query.svelte';
import { getZero } from './zero-client';

export interface ProductWithMoves {
	product: ProductHandle<Product | null>;
	moves: ReactiveQuery<StockMove>;
}

export const ProductModel = {
	...Product,
	/** Product first, its 25 latest moves streaming in behind it. */
	findProgressive(id: string): ProductWithMoves {
		return {
			product: Product.find(id),
			moves: new ReactiveQuery<StockMove>(
				() => getZero()?.query.stock_moves.where('product_id', id).orderBy('created_at', 'desc').limit(25),
				[],
				'5m'
			)
		};
	}
} satisfies typeof Product & Record<'findProgressive', (id: string) => ProductWithMoves>;
