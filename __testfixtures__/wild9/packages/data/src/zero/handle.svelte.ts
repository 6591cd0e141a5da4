import type { Zero } from '@rocicorp/zero';
import { getZero } from './client';
import type { Schema } from './schema';

export type HandleResultType = 'loading' | 'complete' | 'unknown' | 'error';

/** What the generated model finders return. `value` is an alias of `current`. */
export interface RecordHandle<T> {
	readonly current: T;
	readonly value: T;
	readonly resultType: HandleResultType;
	readonly error: Error | null;
	destroy(): void;
}

interface View {
	data: unknown;
	addListener(listener: (data: unknown, resultType: string) => void): () => void;
	destroy(): void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type BuildQuery = (zero: Zero<Schema>) => any;

/**
 * Materializes `build(zero)` and exposes it as a RecordHandle. Before Zero is ready this returns an
 * inert loading handle (`current` is `empty`, `resultType` is 'loading') that never updates.
 */
export function openHandle<T>(build: BuildQuery, empty: T, ttl = '1h'): RecordHandle<T> {
	const zero = getZero();
	if (!zero) {
		return { current: empty, value: empty, resultType: 'loading', error: null, destroy() {} };
	}

	const state = $state<{ current: T; resultType: HandleResultType; error: Error | null }>({
		current: empty,
		resultType: 'loading',
		error: null
	});
	let view: View | null = null;
	let removeListener: (() => void) | null = null;

	try {
		view = build(zero).materialize(ttl) as View;
		state.current = (view.data ?? empty) as T;
		removeListener = view.addListener((data, resultType) => {
			state.current = (Array.isArray(data) ? [...data] : (data ?? empty)) as T;
			state.resultType = resultType === 'complete' ? 'complete' : 'unknown';
		});
	} catch (err) {
		state.error = err instanceof Error ? err : new Error(String(err));
		state.resultType = 'error';
	}

	return {
		get current() {
			return state.current;
		},
		get value() {
			return state.current;
		},
		get resultType() {
			return state.resultType;
		},
		get error() {
			return state.error;
		},
		destroy() {
			removeListener?.();
			view?.destroy();
			removeListener = null;
			view = null;
		}
	};
}
