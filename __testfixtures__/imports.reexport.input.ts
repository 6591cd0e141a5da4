// `$lib/zero`: the barrel most components import from. Re-exports stay: compat keeps them working.
export { ReactiveQuery, ReactiveQueryOne } from './reactive-query.svelte';
export { getZero } from './client';
