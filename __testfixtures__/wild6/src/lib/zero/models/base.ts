// Shared plumbing for the generated model objects (*.generated.ts).
// Written by the generator once; safe to edit by hand, but keep the handle shape stable.
import { getZero, type ZeroClient } from '../client';
import {
	ReactiveQuery,
	ReactiveQueryOne,
	type AnyZeroQuery
} from '../reactive-query.svelte';

export type HandleResultType = 'loading' | 'complete' | 'error';

/** What `Model.find/all/where` hand back. `value` is an alias of `current`. */
export interface ModelHandle<T> {
	readonly current: T;
	readonly value: T;
	readonly resultType: HandleResultType;
	readonly error: Error | null;
	destroy(): void;
}

type Builder = (zero: ZeroClient) => AnyZeroQuery;

function loadingHandle<T>(empty: T): ModelHandle<T> {
	return {
		current: empty,
		value: empty,
		resultType: 'loading',
		error: null,
		destroy() {}
	};
}

function wrap<T>(q: { readonly current: T; readonly isLoading: boolean; readonly error: Error | null; destroy(): void }): ModelHandle<T> {
	return {
		get current() {
			return q.current;
		},
		get value() {
			return q.current;
		},
		get resultType(): HandleResultType {
			if (q.error) return 'error';
			return q.isLoading ? 'loading' : 'complete';
		},
		get error() {
			return q.error;
		},
		destroy: () => q.destroy()
	};
}

export function recordHandle<T>(build: Builder, ttl: string): ModelHandle<T | null> {
	const zero = getZero();
	if (!zero) return loadingHandle<T | null>(null);
	return wrap(new ReactiveQueryOne<T>(() => build(zero), null, ttl));
}

export function collectionHandle<T>(build: Builder, ttl: string): ModelHandle<T[]> {
	const zero = getZero();
	if (!zero) return loadingHandle<T[]>([]);
	return wrap(new ReactiveQuery<T>(() => build(zero), [], ttl));
}

/** `where({ status: 'open', station_id: null })` → chained `.where(...)` calls. */
export function applyConditions(query: AnyZeroQuery, conditions: Record<string, unknown>): AnyZeroQuery {
	let q = query;
	for (const [field, value] of Object.entries(conditions)) {
		if (value === undefined) continue;
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		q = value === null ? q.where(field as any, 'IS', null) : q.where(field as any, value as any);
	}
	return q;
}
