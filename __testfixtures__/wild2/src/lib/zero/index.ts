export * from './models';
export { ReactiveQuery, ReactiveQueryOne } from './reactive-query.svelte';
export { getZero, initZero } from './zero-client';
export { schema, type Schema } from './schema';
