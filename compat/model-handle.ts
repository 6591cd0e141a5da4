/**
 * The handle legacy generated models (`$lib/zero/<table>.generated.ts`) return from `Job.find(id)`, `Job.all()` and
 * `Job.where(...)`: `{ current, value, resultType, error, destroy() }`, on the same implementation as `ReactiveQuery`.
 * A generated file keeps its code and imports these instead of its own `model-handle` module.
 */
import type { ZeroRecordError } from '../runtime/core/errors.ts';
import { warnDeprecated } from './config.ts';
import { LiveLegacyQuery, listOf, oneOf, type CompatResultType } from './live-legacy-query.ts';
import type { QueryBuilder } from './reactive-query.ts';

/** A legacy generated finder's result. `resultType` now reaches 'complete' once zero-cache answered. */
export interface ModelHandle<V> {
  readonly current: V;
  /** Alias of `current` kept for code written against the first generator. */
  readonly value: V;
  readonly resultType: CompatResultType;
  readonly error: ZeroRecordError | null;
  destroy(): void;
}

/** The TTL the legacy generator passed ('1h'; Zero clamps it to 10 minutes). */
export const GENERATED_TTL = '1h';

function handle<V>(query: LiveLegacyQuery<V>): ModelHandle<V> {
  warnDeprecated('generated model finders (Model.find/all/where)');
  return {
    get current() { return query.state.data; },
    get value() { return query.state.data; },
    get resultType() { return query.state.resultType; },
    get error() { return query.state.error; },
    destroy: () => query.destroy(),
  };
}

/** An inert handle for finders called before Zero is ready (the legacy generator's behaviour). */
export function notReadyHandle<V>(empty: V): ModelHandle<V> {
  return { current: empty, value: empty, resultType: 'loading', error: null, destroy() {} };
}

/** The handle of a collection finder (`all`, `where`). */
export function manyHandle<T>(query: QueryBuilder, ttl: string | number = GENERATED_TTL): ModelHandle<T[]> {
  return handle(new LiveLegacyQuery(query, [], listOf<T>, ttl, 'generated model'));
}

/** The handle of a single-row finder (`find`): the row, or null when missing. */
export function oneHandle<T>(query: QueryBuilder, ttl: string | number = GENERATED_TTL): ModelHandle<T | null> {
  return handle(new LiveLegacyQuery(query, null, oneOf<T>, ttl, 'generated model'));
}
