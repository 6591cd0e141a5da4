import type { ReactiveQuery, ModelHandle } from '$lib/zero';

/** Newest row of a list query (lists are ordered oldest→newest), undefined while loading. */
export function latest<T>(q: ReactiveQuery<T>): T | undefined {
	const rows = q.current;
	return q.isLoading ? undefined : rows.at(-1);
}

export function firstOf<T>(q: ReactiveQuery<T> | ModelHandle<T[]>): T | undefined {
	return q.current?.[0];
}

type Disposable = ModelHandle<unknown> | ReactiveQuery<unknown> | null | undefined;

/** Tear down a bunch of handles; tolerates nulls from conditional queries. */
export function disposeAll(...handles: Disposable[]): void {
	for (const h of handles) h?.destroy?.();
}

/** One-line status for log lines and the debug overlay. */
export function describeQuery<T>(label: string, q: ReactiveQuery<T>): string {
	const { current: rows, isLoading, error } = q;
	if (error) return `${label}: error (${error.message})`;
	return isLoading ? `${label}: loading` : `${label}: ${rows.length} rows`;
}
