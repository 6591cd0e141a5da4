// Shared by the generated model files: wraps a legacy reactive query into the small handle the
// generated finders return (`{ current, value, resultType, error, destroy() }`).
import { ReactiveQuery, ReactiveQueryOne } from './reactive-query.svelte';

export type HandleResultType = 'loading' | 'unknown' | 'error';

export interface ModelHandle<V> {
  readonly current: V;
  /** Alias of `current` kept for code written against the first generator. */
  readonly value: V;
  readonly resultType: HandleResultType;
  readonly error: Error | null;
  destroy(): void;
}

export const GENERATED_TTL = '1h';

type Source<V> = {
  readonly current: V;
  readonly isLoading: boolean;
  readonly error: Error | null;
  destroy(): void;
};

function wrap<V>(source: Source<V>): ModelHandle<V> {
  return {
    get current() {
      return source.current;
    },
    get value() {
      return source.current;
    },
    get resultType(): HandleResultType {
      if (source.error) return 'error';
      return source.isLoading ? 'loading' : 'unknown';
    },
    get error() {
      return source.error;
    },
    destroy() {
      source.destroy();
    },
  };
}

/** Before Zero is ready the generated finders hand out an inert, never-updating handle. */
export function notReadyHandle<V>(empty: V): ModelHandle<V> {
  return { current: empty, value: empty, resultType: 'loading', error: null, destroy() {} };
}

export function manyHandle<T>(query: ConstructorParameters<typeof ReactiveQuery<T>>[0]): ModelHandle<T[]> {
  return wrap(new ReactiveQuery<T>(query, [], GENERATED_TTL));
}

export function oneHandle<T>(query: ConstructorParameters<typeof ReactiveQueryOne<T>>[0]): ModelHandle<T | null> {
  return wrap(new ReactiveQueryOne<T>(query, null, GENERATED_TTL));
}
