// Barrel: app code imports models, mutators and the query classes from '$lib/zero'.
export * from './product.generated';
export * from './bin.generated';
export * from './stock_move.generated';
export * from './supplier.generated';
export { ReactiveQuery, ReactiveQueryOne } from './reactive-query.svelte';
export type { QueryMeta, QueryBuilder } from './reactive-query.svelte';
export { getZero, initZero, closeZero } from './zero-client';
export type { StockroomZero } from './zero-client';
