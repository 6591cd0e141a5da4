export * from './models';
export { ReactiveQuery, ReactiveQueryOne } from './reactive-query.svelte';
export type { ModelHandle } from './model-handle';
