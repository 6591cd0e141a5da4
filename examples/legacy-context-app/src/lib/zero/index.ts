// `$lib/zero`: what components import (when they don't get it from the context).
export * from './models';
export { ReactiveQuery, ReactiveQueryOne } from './reactive-query.svelte';
export type { ModelHandle } from './model-handle';
export { getZero, initZero, closeZero } from './client';
export { schema } from './schema';
export type { Schema } from './schema';
