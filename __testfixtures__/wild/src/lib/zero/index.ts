// `$lib/zero` — import from here, not from the files.
export * from './models';
export { ReactiveQuery, ReactiveQueryOne } from './reactive-query.svelte';
export type { ModelHandle } from './model-handle';
export { getZero, initZero, closeZero } from './client';
export { schema } from './schema';
export type { Schema } from './schema';
