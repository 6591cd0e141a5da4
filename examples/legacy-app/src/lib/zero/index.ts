// `$lib/zero`: the one import most components use.
export { ReactiveQuery, ReactiveQueryOne } from './reactive-query.svelte';
export { getZero, initZero, closeZero } from './client';
export { schema } from './schema';
export type { Schema } from './schema';
