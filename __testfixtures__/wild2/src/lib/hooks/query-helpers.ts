import type { ReactiveQuery, ReactiveQueryOne } from '$lib/zero';
import type { VisitHandle, Visit } from '$lib/zero';

type AnyLegacy<T> = ReactiveQuery<T> | ReactiveQueryOne<T>;

/** true once the first result arrived without error */
export function isReady<T>(q: AnyLegacy<T>): boolean {
	return !q.isLoading && q.error == null;
}

export function rowsOr<T>(q: ReactiveQuery<T> | undefined, fallback: T[] = []): T[] {
	return q?.data ?? fallback;
}

export function pluck<T, K extends keyof T>(q: ReactiveQuery<T>, key: K): T[K][] {
	return q.current.map((row) => row[key]);
}

export function firstOf<T>(q: ReactiveQuery<T>): T | undefined {
	return q['data'][0];
}

export function statusOf(handle: VisitHandle<Visit | null>): string {
	if (handle.resultType === 'loading') return 'loading';
	if (handle.error) return 'error';
	return handle.value?.status ?? 'missing';
}

/** Returns the same query so it can be chained in a $derived. */
export function withLogging<Q extends AnyLegacy<unknown>>(label: string, q: Q): Q {
	q.subscribe((data, { isLoading }) => {
		if (!isLoading) console.debug(`[${label}]`, Array.isArray(data) ? data.length : data);
	});
	return q;
}

export function destroyAll(...queries: Array<{ destroy(): void } | null | undefined>) {
	for (const q of queries) q?.destroy();
}
