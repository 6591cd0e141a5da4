// Everything Zero-related the app needs, from one place:
//   import { Pet, createStay, ReactiveQuery } from '$lib/zero';
export * from './models/index.js';
export { ReactiveQuery, ReactiveQueryOne } from './reactive-query.svelte.js';
export { getZero, initZero, whenZeroReady } from './client.js';
