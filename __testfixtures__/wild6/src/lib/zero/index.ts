// Public face of the Zero layer. App code imports from '$lib/zero'.
export * from './models';
export { ReactiveQuery, ReactiveQueryOne } from './reactive-query.svelte';
export type { QueryMeta, SubscribeCallback } from './reactive-query.svelte';
export { getZero, initZero, closeZero, requireZero } from './client';
export { schema } from './schema';
export type { Schema, TableName } from './schema';
