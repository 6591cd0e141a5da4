// @ts-check
import { ReactiveQuery } from '$lib/zero/reactive-query.svelte';
import { getZero } from '$lib/zero/client';

/**
 * @param {ReactiveQuery<{ title: string }>} query
 * @returns {string[]}
 */
export function titles(query) {
  return query.current.map((row) => row.title);
}

export function watchDrafts() {
  /** @type {ReactiveQuery<import('$lib/zero').Job>} */
  const drafts = new ReactiveQuery(() => getZero()?.query.jobs.where('status', 'draft'), [], '5m');
  return drafts.subscribe((rows) => rows.length);
}
