export * from './models';
export { ReactiveQuery, ReactiveQueryOne } from './reactive-query.svelte';
export type { ModelHandle, ResultType } from './handle';
export { getZero, initZero } from './zero-client';
