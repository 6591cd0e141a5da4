export * from './use-visit.svelte.js';
export { withLogging as logged, isReady, rowsOr, destroyAll } from './query-helpers';
