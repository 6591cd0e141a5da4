// What the generated finders return.
import { ReactiveQuery, ReactiveQueryOne } from './reactive-query.svelte';

export interface ModelHandle<V> {
  readonly current: V;
  readonly value: V;
  readonly resultType: 'loading' | 'unknown' | 'error';
  readonly error: Error | null;
  destroy(): void;
}

export function manyHandle<T>(build: () => unknown): ModelHandle<T[]> {
  const q = new ReactiveQuery<T>(build, []);
  return { get current() { return q.current; }, get value() { return q.current; }, resultType: 'unknown', error: null, destroy: () => q.destroy() };
}

export function oneHandle<T>(build: () => unknown): ModelHandle<T | null> {
  const q = new ReactiveQueryOne<T>(build, null);
  return { get current() { return q.current; }, get value() { return q.current; }, resultType: 'unknown', error: null, destroy: () => q.destroy() };
}
