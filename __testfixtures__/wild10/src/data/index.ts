// `#data` — the one import path app code should use for Zero data.
export * from './models';
export { ReactiveQuery, ReactiveQueryOne, type QueryMeta } from './reactive-query.svelte';
export type { ModelHandle, MutationResult, HandleResultType } from './handle.svelte';
export { getZero, initZero, closeZero } from './zero';
export { setLabContext, getLabContext, type LabContext } from './lab-context.svelte';
