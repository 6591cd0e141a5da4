export * from './zero/models';
export { ReactiveQuery, ReactiveQueryOne } from './zero/reactive-query.svelte';
export type { RecordHandle, HandleResultType } from './zero/handle.svelte';
export { getZero, initZero, closeZero, type ZeroOptions } from './zero/client';
export type { Schema } from './zero/schema';
