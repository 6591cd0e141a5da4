// Svelte-store views over Zero queries, for components that prefer `$store`.
import { derived, readable, writable, type Readable } from 'svelte/store';
import { ReactiveQuery, type QueryMeta } from './reactive-query.svelte';
import type { Case } from './models';
import { getZero } from './zero';

const OPEN_STATUSES = ['received', 'design', 'milling', 'finishing', 'qc', 'on_hold'] as const;

/**
 * Turn a query factory into a readable store. The query is created on the
 * first subscriber and destroyed after the last one leaves.
 */
export function fromQuery<T>(factory: () => ReactiveQuery<T>, initial: T[] = []): Readable<T[]> {
  return readable<T[]>(initial, (set) => {
    const query = factory();
    const unsubscribe = query.subscribe((rows) => set(rows));
    return () => {
      unsubscribe();
      query.destroy();
    };
  });
}

export const openCases = fromQuery(
  () =>
    new ReactiveQuery<Case>(
      () =>
        getZero()
          ?.query.cases.where('status', 'IN', [...OPEN_STATUSES])
          .orderBy('due_at', 'asc'),
      [],
      '30m',
    ),
);

export const rushCases = derived(openCases, ($cases) => $cases.filter((c) => c.rush));

export const overdueCount = derived(openCases, ($cases) => {
  const now = Date.now();
  return $cases.filter((c) => c.due_at < now).length;
});

/** Sync status for the header dot. Lives for the whole session on purpose. */
const syncProbe = new ReactiveQuery<Case>(() => getZero()?.query.cases.limit(1), [], '1d');
export const syncStatus = readable<QueryMeta>({ isLoading: true, error: null }, (set) =>
  syncProbe.subscribe((_rows, meta) => set(meta)),
);

/** Board search box — plain UI state, nothing to do with Zero. */
export const boardFilter = writable<{ q: string; rushOnly: boolean }>({ q: '', rushOnly: false });
