// App code imports everything Zero-related from '$lib/zero'.
export * from './models';
export { ReactiveQuery, ReactiveQueryOne } from './reactive-query.svelte';
export type { ModelHandle, HandleResultType } from './model-handle.svelte';
export { getZero } from './client';
