/**
 * What Zero is asked for a relation, and one-shot reads of it.
 */
import { ConfigError, ConnectionError, QueryFailedError, asZeroRecordError, type ZeroRecordError } from './errors.ts';
import { findViewKey, findsByKey, isUnscoped, type Relation } from './relation.ts';
import { normalizeTtl } from './ttl.ts';
import type { ViewSpec } from './shared-views.ts';
import type { ModelDefinition } from './config.ts';
import { findKey, keyNotFound } from './finders.ts';
import { underscore } from './inflect.ts';
import { buildFindQuery, compiledSpec, plainFindKey, type ZqlQuery } from './relation-spec.ts';
import { awaitZero, currentZero, hasServer } from './zero-source.ts';
import { monitored } from './monitoring.ts';
import { isStalled } from './connection.ts';
import type { AnyQuery, AnyZero, RowData } from './zero-types.ts';

/**
 * What Zero is asked for a relation: the model's named find query with the bare key when the relation is exactly one row
 * by key (`find(id)`: the same AST, a shorter argument for Zero to hash), else its named relation query with the
 * relation's spec, or (legacy) the ZQL built from the same spec on the client. A one-row-by-key read is asked in Zero's
 * singular format (`.one()`: the row or undefined, which `rowsOf` and the shared views turn back into a list), the query a
 * hand-written find by id builds, so Zero does the same work for both. zero-cache keeps a client-built query local unless the schema sets `enableLegacyQueries`, and
 * never answers it: refuse such a read up front rather than wait forever.
 */
export function queryFor(z: AnyZero, relation: Relation): AnyQuery {
  const { model } = relation;
  const key = plainFindKey(relation.spec, model.primaryKey);
  if (key !== undefined && findsByKey(model)) return keyQuery(z, model, key);
  if (model.query) return model.query(relation.spec) as AnyQuery;
  assertLegacyAnswerable(z, model);
  return zqlFor(relation) as unknown as AnyQuery;
}

/** What Zero is asked for the row whose key is `key`, for a model with a find query or with no named query at all. */
function keyQuery(z: AnyZero, model: ModelDefinition, key: string | number): AnyQuery {
  if (model.find) return model.find(key) as AnyQuery;
  assertLegacyAnswerable(z, model);
  return buildFindQuery(model.schema, model.table, model.primaryKey, key) as unknown as AnyQuery;
}

/** A client-built query is answered by zero-cache only when the schema sets `enableLegacyQueries`: refuse it otherwise. */
function assertLegacyAnswerable(z: AnyZero, model: ModelDefinition): void {
  if (hasServer(z) && !(model.schema as { enableLegacyQueries?: boolean }).enableLegacyQueries) {
    throw new ConfigError(`${model.className}: reads cannot be answered by zero-cache`, [
      'the model has no named query and its Zero schema does not set enableLegacyQueries, so zero-cache would never answer',
      `register the generated queries: pass query: queries.${underscore(model.className)}.relation in the model config (queries.ts from zero-record generate), ` +
        'and serve them from your query endpoint (zero-record serve)',
      'or, while migrating, regenerate with --legacy-sync (sets enableLegacyQueries in the schema) and deploy permissions',
    ]);
  }
}

/** Zero's answer as a list: a singular query (`.one()`) yields the row or undefined. */
export function rowsOf(data: unknown): readonly RowData[] {
  return Array.isArray(data) ? data : data === undefined || data === null ? [] : [data as RowData];
}

/** A failure to open a read (a `ConfigError` from `queryFor`, an invalid spec) as the runtime's typed error. */
export function readFailure(error: unknown): ZeroRecordError {
  return asZeroRecordError(error, (cause) => new QueryFailedError(String(cause), { cause }));
}

/** The ZQL a relation compiles to on this client (what a named query's function builds on both sides), once per spec. */
export function zqlFor(relation: Relation): ZqlQuery {
  return compiledSpec(relation.model.schema, relation.model.table, relation.spec);
}

/**
 * One-shot read. With a server, waits for Zero's authoritative ('complete') answer so that "not found" means not found,
 * not "not synced yet"; without one, the local data is all there is. `offline: 'local'` answers from local data
 * whenever the client is not connected. `settle` turns the rows into the caller's answer in the same step (a finder's
 * answer or its Rails error, passed on as it is thrown).
 */
export function runRelation<A = readonly RowData[]>(z: AnyZero, relation: Relation, options: LoadOptions<A> = {}): Promise<A> {
  const settle = options.settle ?? (identity as (rows: readonly RowData[]) => A);
  try {
    if (relation.matchesNothing) return Promise.resolve(settle([]));
    return runQuery(z, relation, queryFor(z, relation), options.offline, (data) => {
      let rows: readonly RowData[];
      try {
        rows = relation.rows(rowsOf(data));
      } catch (error) {
        throw queryFailed(relation.model, error);
      }
      return settle(rows);
    });
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * Runs `query` once for `relation` (see `runRelation`: 'complete' with a server, with the relation's TTL; else the local
 * data at once, `localData`) and hands Zero's answer to `finish`, whose errors pass on as thrown; Zero's are
 * `QueryFailedError`s. Not an async function: a read is at most one promise on top of Zero's (each extra hop costs, on
 * the most frequent call). May throw.
 */
function runQuery<A>(z: AnyZero, relation: Relation, query: AnyQuery, offline: LoadOptions<A>['offline'], finish: (data: unknown) => A): Promise<A> {
  const { model } = relation;
  const state = z.connection.state.current.name;
  // Checks made on the way to a write answer from local data while offline, so the write is not held up.
  const authoritative = hasServer(z) && !(offline === 'local' && state !== 'connected');
  if (authoritative && isStalled(state)) {
    throw new ConnectionError(state, `${model.className}: cannot load from zero-cache while the connection is '${state}'`);
  }
  if (!authoritative) return Promise.resolve(finish(localData(z, model, query)));
  // The TTL keeps a one-shot query synced afterwards.
  let run: Promise<unknown>;
  try {
    run = z.run(query, { type: 'complete', ttl: relation.effectiveTtl });
  } catch (error) {
    throw queryFailed(model, error);
  }
  return run.then(finish, (error: unknown) => {
    throw queryFailed(model, error);
  });
}

/**
 * Zero's local answer to `query` now: what `z.run(query)` answers without waiting for a server (Zero's run of such a read
 * materializes the query, reads the view's data and destroys it, then answers a microtask later), read here in one step,
 * so a local read is one promise, not Zero's and a `.then` on it. Zero's default TTL, as its run without one.
 */
function localData(z: AnyZero, model: ModelDefinition, query: AnyQuery): unknown {
  try {
    const view = z.materialize(query) as unknown as { readonly data: unknown; destroy(): void };
    try {
      return view.data;
    } finally {
      view.destroy();
    }
  } catch (error) {
    // Whatever Zero throws here, as what its run rejects with: the read's QueryFailedError.
    throw queryFailed(model, error);
  }
}

/**
 * `find(id)` of a model's unscoped relation (`Model.find(id)`, the most frequent read), straight from the key to Zero's
 * query and `record` of the row: no relation, spec or plan is built. The same answer as `findPlan`'s: the row, or Rails'
 * RecordNotFound naming the id; undefined when it does not apply (a scoped relation, an id that is not a key value, a
 * model whose named relation query would be asked with find's spec), for the caller to take the general path.
 */
export function loadByKey<T>(relation: Relation, id: unknown, record: (row: RowData) => T): Promise<T> | undefined {
  const finder = KeyFind.of(relation, id);
  if (finder === undefined) return undefined;
  return monitored(finder.model.className, 'read', () => onZero(finder.model, (z) => runByKey(z, relation, finder, record)));
}

/** `read` on the model's Zero: at once when it is ready (almost every read: no extra hop), else once it is (awaitZero also reports a closed client). */
function onZero<A>(model: ModelDefinition, read: (z: AnyZero) => Promise<A>): Promise<A> {
  const ready = currentZero(model);
  return ready && !ready.closed ? read(ready) : awaitZero(model).then(read);
}

/** The key `find(id)` of `relation` reads by without a relation (loadByKey, KeyFind); undefined when it does not apply. */
function directKey(relation: Relation, id: unknown): string | number | undefined {
  const { model } = relation;
  if (!isUnscoped(relation) || !findsByKey(model)) return undefined;
  const key = findKey(relation, id);
  return typeof key === 'string' || typeof key === 'number' ? key : undefined;
}

/**
 * A live `find(id)` of a model's unscoped relation by its key alone, as `loadByKey` is the one-shot one: what a live
 * record handle reads instead of a relation and a finder plan (one small object where those took about 0.5 KB per
 * handle). The same answer as `findPlan`'s (the row, or Rails' RecordNotFound naming the id) from the same view (the
 * same key and query as the relation `find` builds).
 */
export class KeyFind {
  readonly model: ModelDefinition;
  readonly key: string | number;
  /** The id as given, for the not-found message. */
  readonly id: unknown;

  private constructor(model: ModelDefinition, key: string | number, id: unknown) {
    this.model = model;
    this.key = key;
    this.id = id;
  }

  /** `find(id)` of `relation` by key, or undefined when it does not apply (see loadByKey). */
  static of(relation: Relation, id: unknown): KeyFind | undefined {
    const key = directKey(relation, id);
    return key === undefined ? undefined : new KeyFind(relation.model, key, id);
  }

  /** A key always names a row that may exist (an id that cannot be a key takes the relation's path, as `none()`). */
  get matchesNothing(): boolean {
    return false;
  }

  settle(records: readonly RowData[]): RowData {
    const record = records[0];
    if (!record) throw keyNotFound(this.model, this.id);
    return record;
  }

  /** The view spec on `z` (throws `ConfigError` when `z` can never answer it, as `queryFor`). */
  viewSpec(z: AnyZero): ViewSpec {
    const { model, key } = this;
    return { key: findViewKey(model, key, model.ttl), query: keyQuery(z, model, key), ttl: normalizeTtl(model.ttl), label: model.className, filter: undefined };
  }
}

function runByKey<T>(z: AnyZero, relation: Relation, finder: KeyFind, record: (row: RowData) => T): Promise<T> {
  try {
    return runQuery(z, relation, keyQuery(z, finder.model, finder.key), undefined, (data) => record(finder.settle(rowsOf(data))));
  } catch (error) {
    return Promise.reject(error);
  }
}

function identity<T>(value: T): T {
  return value;
}

function queryFailed(model: ModelDefinition, error: unknown): ZeroRecordError {
  return asZeroRecordError(error, (cause) => new QueryFailedError(`${model.className}: query failed: ${String(cause)}`, { cause }));
}

/** How `loadRelation` reads: `offline` as in `runRelation`, and `settle` turning the rows into the caller's answer. */
export interface LoadOptions<A> {
  readonly offline?: 'wait' | 'local';
  /** The finder's answer from the rows (RecordNotFoundError, ...): settled inside, so its failure is the read's outcome. */
  readonly settle?: (rows: readonly RowData[]) => A;
}

/**
 * A one-shot read on the relation's own Zero (waited for when not ready yet): what awaited finders, `reload` and the
 * write checks run. It is where every one-shot read outcome passes the monitoring hook.
 */
export function loadRelation(relation: Relation, options?: Omit<LoadOptions<never>, 'settle'>): Promise<readonly RowData[]>;
export function loadRelation<A>(relation: Relation, options: LoadOptions<A> & { readonly settle: (rows: readonly RowData[]) => A }): Promise<A>;
export function loadRelation<A>(relation: Relation, options: LoadOptions<A> = {}): Promise<A | readonly RowData[]> {
  return monitored(relation.model.className, 'read', () => onZero(relation.model, (z) => runRelation(z, relation, options)));
}
