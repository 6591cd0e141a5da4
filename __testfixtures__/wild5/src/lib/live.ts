// Short names used around the app for the Zero wrappers, plus a few helpers
// that work on any live query.
export {
	ReactiveQuery as LiveList,
	ReactiveQueryOne as LiveRecord
} from './zero/reactive-query.svelte';
export type { ShowHandle as ShowRef, OrderListHandle as OrderFeed } from '$lib/zero';

import type { ReactiveQuery, ReactiveQueryOne } from '$lib/zero';

type AnyLive = ReactiveQuery<any> | ReactiveQueryOne<any>;

/** Tear down a whole bag of live queries (dashboard panels, debug page...). */
export function destroyAll(queries: Iterable<AnyLive>): void {
	for (const query of queries) query.destroy();
}

/** "Loading", "Failed: ..." or null, for the little status line under tables. */
export function statusLine(query: AnyLive): string | null {
	if (query.isLoading) return 'Loading…';
	if (query.error) return `Failed: ${query.error.message}`;
	return null;
}
