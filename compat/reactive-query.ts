/**
 * `ReactiveQuery` and `ReactiveQueryOne` with the legacy surface, as thin wrappers over one implementation
 * (`LiveLegacyQuery`); they differ only in how Zero's rows become `data`.
 */
import type { ZeroRecordError } from '../runtime/core/errors.ts';
import { warnDeprecated } from './config.ts';
import { LiveLegacyQuery, listOf, oneOf, type CompatResultType, type QueryMeta } from './live-legacy-query.ts';
import type { LegacyQuery } from './views.ts';

/** The legacy `getQueryBuilder`: a Zero query from `z.query.*`, or null/undefined while Zero is not ready. */
export type QueryBuilder = () => LegacyQuery | null | undefined;

/** The getters and methods both legacy classes have. */
abstract class LegacyQueryApi<V> {
  protected abstract readonly query: LiveLegacyQuery<V>;
  get data(): V { return this.query.state.data; }
  get current(): V { return this.query.state.data; }
  get isLoading(): boolean { return this.query.state.isLoading; }
  get loading(): boolean { return this.query.state.isLoading; }
  get error(): ZeroRecordError | null { return this.query.state.error; }
  get resultType(): CompatResultType { return this.query.state.resultType; }
  subscribe(callback: (data: V, meta: QueryMeta) => void): () => void { return this.query.subscribe(callback); }
  refresh(): void { this.query.refresh(); }
  destroy(): void { this.query.destroy(); }
}

/** @deprecated Legacy live collection kept working by zero-record/compat; migrate with `npm run migrate` (MIGRATION.md). */
export class ReactiveQuery<T> extends LegacyQueryApi<T[]> {
  protected readonly query: LiveLegacyQuery<T[]>;
  constructor(getQueryBuilder: QueryBuilder, defaultValue: T[] = [], ttl?: string | number) {
    super();
    warnDeprecated('ReactiveQuery');
    this.query = new LiveLegacyQuery(getQueryBuilder, defaultValue, listOf<T>, ttl, 'ReactiveQuery');
  }
}

/** @deprecated Legacy live single row (null when missing) kept working by zero-record/compat; migrate with `npm run migrate`. */
export class ReactiveQueryOne<T> extends LegacyQueryApi<T | null> {
  protected readonly query: LiveLegacyQuery<T | null>;
  constructor(getQueryBuilder: QueryBuilder, defaultValue: T | null = null, ttl?: string | number) {
    super();
    warnDeprecated('ReactiveQueryOne');
    this.query = new LiveLegacyQuery(getQueryBuilder, defaultValue, oneOf<T>, ttl, 'ReactiveQueryOne');
  }
}
