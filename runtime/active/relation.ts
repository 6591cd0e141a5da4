/**
 * ActiveRelation: the core Relation with async Rails terminals. Awaiting a relation loads it (`await Job.where(...)`).
 */
import { Relation } from '../core/relation.ts';
import type { WhereHash } from '../core/conditions.ts';
import {
  countPlan, existsPlan, findByPlan, findPlan, findSoleByPlan, firstPlan, idsPlan, includePlan, lastPlan, nthFromLastPlan, nthPlan, pickPlan, pluckPlan, solePlan, takePlan, type Plan,
} from '../core/finders.ts';
import type { LiveResult } from '../core/shared-views.ts';
import { loadByKey, loadRelation } from '../core/reads.ts';
import { groupedCalculations } from '../core/grouped.ts';
import { averagePlan, manyPlan, maximumPlan, minimumPlan, nonePlan, onePlan, sumPlan } from '../core/calculations.ts';
import { BatchEnumerator, batches, deleteAllOf, touchAll, updateAll, type BatchOptions, type InBatchesOptions } from '../core/bulk-writes.ts';
import { buildScoped, createOrFind, createScoped, findOrBuild, type RecordMaker, type Unsaved } from '../core/find-or-create.ts';
import type { WriteOptions } from '../core/zero-write.ts';
import type { RowData } from '../core/zero-types.ts';
import { LiveSubscription } from '../core/live-subscription.ts';
import { RelationSource } from '../core/relation-source.ts';
import { addToCollection, clearCollection, deleteFromCollection, destroyFromCollection } from '../core/collection-writes.ts';
import { buildRecord, instantiate } from './record.ts';

/** A finder's answer with each of Zero's rows in it (the answer itself, or an element of it) made a record. */
function recordsIn(relation: Relation, rows: readonly RowData[], answer: unknown): unknown {
  if (!Array.isArray(answer)) return rows.includes(answer as RowData) ? instantiate(relation, [answer as RowData])[0] : answer;
  const isRow = new Set<unknown>(rows);
  return answer.map((value: unknown) => (isRow.has(value) ? instantiate(relation, [value as RowData])[0] : value));
}

/** Called with the records after every change of a live relation, and with the error if the query fails. */
export type Subscriber<T> = (records: T[], result: Pick<LiveResult, 'resultType' | 'error'>) => void;

/**
 * A relation of an ActiveRecord model: chain it (`where`, `order`, scopes...) and await it, or call a terminal (`find`, `pluck`...).
 * @example const jobs = await ActiveJob.where({ status: 'active' }).order({ created_at: 'desc' }).limit(10);
 */
export class ActiveRelation<T = Record<string, unknown>> extends Relation {
  // Method shorthand for `settle`, not an arrow: the TypeScript loaders (esbuild keepNames) name an arrow property with a
  // defineProperty call every time the literal is built, which cost about 0.5 us per read.
  #records(relation: Relation): Promise<T[]> {
    return loadRelation(relation, {
      settle(rows) {
        return instantiate(relation, rows) as T[];
      },
    });
  }

  /**
   * Settles the plan over Zero's rows (so `pluck('constructor')` reads the column, not a record member of that name),
   * then hands out records for the rows the answer holds, in the same step as the read (no extra promise).
   */
  #answer<A>(plan: Plan<A>): Promise<A> {
    return loadRelation(plan.relation, {
      settle(rows) {
        return recordsIn(plan.relation, rows, plan.settle(rows)) as A;
      },
    });
  }

  /** Loads the relation: `await Job.where({ status: 'active' })`. */
  toArray(): Promise<T[]> {
    return this.#records(this);
  }

  // Thenable, so `await relation` loads it (as a Rails relation loads when enumerated).
  then<A = T[], B = never>(onFulfilled?: ((records: T[]) => A | PromiseLike<A>) | null, onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<A | B> {
    return this.toArray().then(onFulfilled, onRejected);
  }

  /** `find(id)` throws RecordNotFoundError; `find([a, b])` / `find(a, b)` is all-or-nothing, in the order asked. */
  find(ids: readonly unknown[]): Promise<T[]>;
  find(id: unknown): Promise<T>;
  find(...ids: unknown[]): Promise<T[]>;
  find(...args: unknown[]): Promise<T | T[]> {
    try {
      // `Model.find(id)`, the most frequent read, goes from the key straight to Zero (same answer and errors as the plan).
      const byKey = args.length === 1 ? loadByKey(this, args[0], (row) => instantiate(this, [row])[0] as T) : undefined;
      return byKey ?? (this.#answer(findPlan(this, args)) as Promise<T | T[]>);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** The first record matching `conditions`, or null. */
  find_by(conditions: WhereHash): Promise<T | null> {
    return this.#try(() => findByPlan(this, conditions, false)) as Promise<T | null>;
  }

  /** Rails' `find_by!`: like `find_by`, but throws RecordNotFoundError. */
  find_by_bang(conditions: WhereHash): Promise<T> {
    return this.#try(() => findByPlan(this, conditions, true)) as Promise<T>;
  }

  first(): Promise<T | null>;
  first(n: number): Promise<T[]>;
  first(n?: number): Promise<T | T[] | null> {
    return this.#try(() => firstPlan(this, n, false)) as Promise<T | T[] | null>;
  }

  first_bang(): Promise<T> {
    return this.#try(() => firstPlan(this, undefined, true)) as Promise<T>;
  }

  last(): Promise<T | null>;
  last(n: number): Promise<T[]>;
  last(n?: number): Promise<T | T[] | null> {
    return this.#try(() => lastPlan(this, n, false)) as Promise<T | T[] | null>;
  }

  last_bang(): Promise<T> {
    return this.#try(() => lastPlan(this, undefined, true)) as Promise<T>;
  }

  // Rails' ordinal finders: null when there is none; the _bang forms raise RecordNotFoundError.
  second(): Promise<T | null> { return this.#try(() => nthPlan(this, 1, false)) as Promise<T | null>; }
  second_bang(): Promise<T> { return this.#try(() => nthPlan(this, 1, true)) as Promise<T>; }
  third(): Promise<T | null> { return this.#try(() => nthPlan(this, 2, false)) as Promise<T | null>; }
  third_bang(): Promise<T> { return this.#try(() => nthPlan(this, 2, true)) as Promise<T>; }
  fourth(): Promise<T | null> { return this.#try(() => nthPlan(this, 3, false)) as Promise<T | null>; }
  fourth_bang(): Promise<T> { return this.#try(() => nthPlan(this, 3, true)) as Promise<T>; }
  fifth(): Promise<T | null> { return this.#try(() => nthPlan(this, 4, false)) as Promise<T | null>; }
  fifth_bang(): Promise<T> { return this.#try(() => nthPlan(this, 4, true)) as Promise<T>; }
  forty_two(): Promise<T | null> { return this.#try(() => nthPlan(this, 41, false)) as Promise<T | null>; }
  forty_two_bang(): Promise<T> { return this.#try(() => nthPlan(this, 41, true)) as Promise<T>; }
  second_to_last(): Promise<T | null> { return this.#try(() => nthFromLastPlan(this, 2, false)) as Promise<T | null>; }
  second_to_last_bang(): Promise<T> { return this.#try(() => nthFromLastPlan(this, 2, true)) as Promise<T>; }
  third_to_last(): Promise<T | null> { return this.#try(() => nthFromLastPlan(this, 3, false)) as Promise<T | null>; }
  third_to_last_bang(): Promise<T> { return this.#try(() => nthFromLastPlan(this, 3, true)) as Promise<T>; }

  take(): Promise<T | null>;
  take(n: number): Promise<T[]>;
  take(n?: number): Promise<T | T[] | null> {
    return this.#try(() => takePlan(this, n, false)) as Promise<T | T[] | null>;
  }

  take_bang(): Promise<T> {
    return this.#try(() => takePlan(this, undefined, true)) as Promise<T>;
  }

  /** Exactly one record; RecordNotFoundError for none, SoleRecordExceededError for more. */
  sole(): Promise<T> {
    return this.#try(() => solePlan(this)) as Promise<T>;
  }

  /** Rails 7's `find_sole_by`: `where(conditions).sole()`. */
  find_sole_by(conditions: WhereHash): Promise<T> {
    return this.#try(() => findSoleByPlan(this, conditions)) as Promise<T>;
  }

  /** Rails 7's `include?(record)`: whether the relation holds the record (asks Zero for its one row). */
  include_p(record: unknown): Promise<boolean> {
    return this.#try(() => includePlan(this, record));
  }

  /** Rails' `member?`: the same as `include_p`. */
  member_p(record: unknown): Promise<boolean> {
    return this.include_p(record);
  }

  pluck(...columns: string[]): Promise<unknown[]> {
    return this.#try(() => pluckPlan(this, columns));
  }

  pick(...columns: string[]): Promise<unknown> {
    return this.#try(() => pickPlan(this, columns));
  }

  ids(): Promise<unknown[]> {
    return this.#try(() => idsPlan(this));
  }

  /** Rails' `exists?`: `exists_p()`, `exists_p(id)`, `exists_p({ status: 'done' })`, `exists_p(false)`; asks Zero for one row. */
  exists_p(...args: [] | [conditions: unknown]): Promise<boolean> {
    return this.#try(() => existsPlan(this, ...args));
  }

  /** Rails' `any?`: at least one record (asks Zero for one). */
  any_p(): Promise<boolean> {
    return this.#try(() => existsPlan(this));
  }

  /** Rails' `many?`: more than one record (asks Zero for two). */
  many_p(): Promise<boolean> {
    return this.#try(() => manyPlan(this));
  }

  /** Rails' `none?`: no record. */
  none_p(): Promise<boolean> {
    return this.#try(() => nonePlan(this));
  }

  /** Rails' `one?`: exactly one record (asks Zero for two). */
  one_p(): Promise<boolean> {
    return this.#try(() => onePlan(this));
  }

  /** `count()` counts records; `count('column')` counts non-null values. */
  count(column?: string): Promise<number> {
    return this.#try(() => countPlan(this, column));
  }

  /** Rails' `size`: the number of records (a relation read with `await` is never held loaded, so it counts them). */
  size(): Promise<number> {
    return this.count();
  }

  /** Rails' `empty?`: no record (`none_p`). */
  empty_p(): Promise<boolean> {
    return this.none_p();
  }

  /**
   * Rails' `group(:status).count` and the other calculations per group: a Map from each group's value (a tuple of
   * values for several columns) to its result. The relation's limit and offset pick groups, as SQL's do.
   * @example await ActiveJob.group('status').count()   // Map { 'active' => 2, 'done' => 1, null => 1 }
   */
  group<C extends keyof RowOf<T> & string>(column: C): ActiveGrouped<RowOf<T>[C]>;
  group(...columns: (keyof RowOf<T> & string)[]): ActiveGrouped<readonly unknown[]>;
  group(...columns: string[]): ActiveGrouped<unknown> {
    return groupedCalculations(this, columns, (plan) => this.#try(plan)) as ActiveGrouped<unknown>;
  }

  /** Rails' `sum(column)`: the total of the non-null values of a number column; 0 when there are none. */
  sum(column: string): Promise<number> {
    return this.#try(() => sumPlan(this, column));
  }

  /** Rails' `average(column)`: the mean of the non-null values, as a number (Rails: BigDecimal for integers); null when none. */
  average(column: string): Promise<number | null> {
    return this.#try(() => averagePlan(this, column));
  }

  /** Rails' `minimum(column)`: the smallest non-null value of a number or string column; null when none. */
  minimum(column: string): Promise<string | number | null> {
    return this.#try(() => minimumPlan(this, column));
  }

  /** Rails' `maximum(column)`: the largest non-null value of a number or string column; null when none. */
  maximum(column: string): Promise<string | number | null> {
    return this.#try(() => maximumPlan(this, column));
  }

  // ---- writes on the whole relation -------------------------------------------------------------------------------

  /** Rails' `update_all(attributes)`: writes the columns on every record, without validations; resolves to the count. */
  update_all(attributes: Partial<Record<string, unknown>>, options?: WriteOptions): Promise<number> {
    return updateAll(this, attributes, options);
  }

  /** Rails' `delete_all`: deletes every record (no per-record methods run); resolves to the count. */
  delete_all(options?: WriteOptions): Promise<number> {
    return deleteAllOf(this, options);
  }

  /** Rails' `touch_all(*names)`: `updated_at` and `names` as now on every record, without validations; resolves to the count. */
  touch_all(...names: string[]): Promise<number> {
    return touchAll(this, names);
  }

  /** Rails' `delete_by(conditions)`: `where(conditions).delete_all()`. */
  delete_by(conditions: WhereHash, options?: WriteOptions): Promise<number> {
    return this.where(conditions).delete_all(options);
  }

  /** Rails' `destroy_by(conditions)`: `where(conditions).destroy_all()`. */
  destroy_by(conditions: WhereHash, options?: WriteOptions): Promise<T[]> {
    return this.where(conditions).destroy_all(options);
  }

  /** Rails' `destroy_all`: loads the records and destroys each; resolves to them (frozen, as Rails freezes destroyed records). */
  async destroy_all(options?: WriteOptions): Promise<T[]> {
    const records = await this.toArray();
    for (const record of records) await (record as { destroy(options?: WriteOptions): Promise<unknown> }).destroy(options);
    return records;
  }

  /**
   * Rails' `find_in_batches`: `for await (const jobs of ActiveJob.find_in_batches({ batch_size: 100 }))`, ordered by
   * primary key (`start`, `finish`, `order` as in Rails); the relation's limit is honoured.
   */
  async *find_in_batches(options?: BatchOptions): AsyncGenerator<T[]> {
    for await (const rows of batches(this, options)) yield instantiate(this, rows) as T[];
  }

  /**
   * Rails' `in_batches(of:)`: `ActiveJob.in_batches({ of: 500 }).each((batch) => batch.update_all(...))`, a relation
   * per batch of keys; or `in_batches().delete_all()` / `update_all` / `destroy_all` / `each_record()`.
   */
  in_batches(options: InBatchesOptions = {}): BatchEnumerator<this, T> {
    return new BatchEnumerator(this, options, (rows) => instantiate(this, rows) as T[]);
  }

  /** Rails' `find_each`: `for await (const job of ActiveJob.find_each())`, one record at a time over `find_in_batches`. */
  async *find_each(options?: BatchOptions): AsyncGenerator<T> {
    for await (const rows of batches(this, options, 'find_each')) yield* instantiate(this, rows) as T[];
  }

  // ---- new records: the relation's pinned columns, then the attributes (`client.jobs.new({ title })`) ---------------

  /** Rails' `relation.new(attributes)`: a new, unsaved record with the columns the relation pins (`save()` inserts it). */
  new(attributes: Partial<T> = {}): T {
    return buildScoped(this, attributes, this.#maker(), 'new');
  }

  /** Rails' `relation.build` (the same as `new`). */
  build(attributes: Partial<T> = {}): T {
    return buildScoped(this, attributes, this.#maker(), 'build');
  }

  // The list forms first: `ReturnType<typeof relation.create>` reads the last signature, the one-record form.
  /** Rails' `create([a, b])`: each created in turn; every record comes back, the invalid ones unsaved with `errors`. */
  create(attributes: readonly Partial<T>[], options?: WriteOptions): Promise<T[]>;
  /** Rails' `relation.create(attributes)`: `new` + `save`; the record, with `errors` and `new_record_p()` when a validation failed. */
  create(attributes?: Partial<T>, options?: WriteOptions): Promise<T>;
  create(attributes?: Partial<T> | readonly Partial<T>[], options?: WriteOptions): Promise<T | T[]> {
    return createScoped(this, this.#maker(), 'create')(attributes, options);
  }

  /** Rails' `create!([a, b])`: each created in turn, stopping at the first invalid one (the ones before it stay). */
  create_bang(attributes: readonly Partial<T>[], options?: WriteOptions): Promise<T[]>;
  /** Rails' `relation.create!`: raises `RecordInvalidError` when a validation fails. */
  create_bang(attributes?: Partial<T>, options?: WriteOptions): Promise<T>;
  create_bang(attributes?: Partial<T> | readonly Partial<T>[], options?: WriteOptions): Promise<T | T[]> {
    return createScoped(this, this.#maker(), 'create_bang')(attributes, options);
  }

  // ---- find or create ----------------------------------------------------------------------------------------------

  /** Rails' `find_or_create_by(attributes)`: the first match, or `create` of a new record with the relation's pinned columns and `attributes` (unsaved, with `errors`, when invalid). */
  find_or_create_by(attributes: WhereHash): Promise<T> {
    return findOrBuild(this, attributes, this.#maker(), 'find_or_create_by');
  }

  /** Rails' `find_or_create_by!`: raises RecordInvalidError when the new record is invalid. */
  find_or_create_by_bang(attributes: WhereHash): Promise<T> {
    return findOrBuild(this, attributes, this.#maker(), 'find_or_create_by_bang');
  }

  /** Rails' `find_or_initialize_by(attributes)`: the first match, or a new unsaved record (`save()` inserts it). */
  find_or_initialize_by(attributes: WhereHash): Promise<T> {
    return findOrBuild(this, attributes, this.#maker(), 'find_or_initialize_by');
  }

  /** Rails' `first_or_create(attributes)`: `first()` (by primary key when unordered), or `create` through the relation. */
  first_or_create(attributes: WhereHash = {}): Promise<T> {
    return findOrBuild(this, attributes, this.#maker(), 'first_or_create');
  }

  /** Rails' `first_or_create!`: raises RecordInvalidError when the new record is invalid. */
  first_or_create_bang(attributes: WhereHash = {}): Promise<T> {
    return findOrBuild(this, attributes, this.#maker(), 'first_or_create_bang');
  }

  /** Rails' `first_or_initialize(attributes)`: `first()`, or a new unsaved record made through the relation. */
  first_or_initialize(attributes: WhereHash = {}): Promise<T> {
    return findOrBuild(this, attributes, this.#maker(), 'first_or_initialize');
  }

  /** Rails' `create_or_find_by(attributes)`: creates; when a row with that primary key exists, returns the match instead. */
  create_or_find_by(attributes: WhereHash): Promise<T> {
    return createOrFind(this, attributes, this.#maker(), 'create_or_find_by');
  }

  /** Rails' `create_or_find_by!`. */
  create_or_find_by_bang(attributes: WhereHash): Promise<T> {
    return createOrFind(this, attributes, this.#maker(), 'create_or_find_by_bang');
  }

  // ---- a has_many's collection (Rails' CollectionProxy), on `client.jobs` as its reader returns it -------------------

  /**
   * Rails' `client.jobs << job` (its alias `push`): each record's key becomes the owner's and the record is saved, in
   * turn. Resolves true, or false when a record is invalid: then none is saved (Rails rolls back), and it keeps its
   * errors. Rails answers the collection; a relation here is awaitable, so a promise of it would load it instead.
   * @throws QueryError on any other relation, or for a record of another model; RecordNotSavedError for an unsaved owner.
   */
  push(...records: (T | readonly T[])[]): Promise<boolean> {
    return addToCollection(this, records.flat(), 'push');
  }

  /** Rails' `client.jobs.concat(job, ...)`: as `push`. */
  concat(...records: (T | readonly T[])[]): Promise<boolean> {
    return addToCollection(this, records.flat(), 'concat');
  }

  /**
   * Rails' `client.jobs.delete(job, ...)` (records, or keys found in the collection): they leave the collection as the
   * has_many's `dependent:` says: destroyed (`:destroy`), deleted (`:delete_all`), else their key set to NULL, the last
   * two where they are in it. Resolves to the records.
   */
  delete(...records: (T | string | number | readonly (T | string | number)[])[]): Promise<T[]> {
    return deleteFromCollection(this, records, (keys) => this.find(keys) as never) as Promise<T[]>;
  }

  /**
   * Rails' `client.jobs.destroy(job, ...)` (records, or keys found in the collection): destroys each; resolves to them.
   * @throws RecordNotDestroyedError where a dependent refuses, as Rails' `destroy!` there.
   */
  destroy(...records: (T | string | number | readonly (T | string | number)[])[]): Promise<T[]> {
    return destroyFromCollection(this, records, (keys) => this.find(keys) as never) as Promise<T[]>;
  }

  /**
   * Rails' `client.jobs.clear`: the collection's `delete_all` (deleted under `dependent: :destroy` / `:delete_all`, else
   * their key set to NULL). Rails answers the collection; a relation here is awaitable, so this resolves to nothing.
   */
  clear(options?: WriteOptions): Promise<void> {
    return clearCollection(this, options);
  }

  #maker(): RecordMaker<T> {
    return {
      found: (row) => instantiate(this, [row])[0] as T,
      build: (attributes, operation) => buildRecord(this.model, attributes, operation) as unknown as T & Unsaved,
    };
  }

  /** Plans are built synchronously and may throw on bad input; terminals always reject instead of throwing. */
  #try<A>(plan: () => Plan<A>): Promise<A> {
    try {
      return this.#answer(plan());
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /**
   * Live records: `subscriber` runs with the current records at once (when Zero is ready) and after every change, with
   * the error when the query fails (a closed client, a stalled connection, a read no server answers). Identical relations
   * share one Zero view, released when the last subscriber leaves. Returns the unsubscribe function.
   */
  subscribe(subscriber: Subscriber<T>): () => void {
    const live = new LiveSubscription(new RelationSource(this));
    const deliver = () => {
      const result = live.result();
      if (result) subscriber(instantiate(this, result.rows) as T[], { resultType: result.resultType, error: result.error });
    };
    const release = live.hold(deliver);
    deliver();
    return release;
  }
}

/** The row of a record type: what its `toJSON` gives (its columns), so `group` names columns, not methods. */
type RowOf<T> = T extends { toJSON(): infer R } ? R : T;

/** A relation grouped by columns (`ActiveJob.group('status')`): Rails' grouped calculations, each a Map from group to result. */
export interface ActiveGrouped<K> {
  count(column?: string): Promise<Map<K, number>>;
  sum(column: string): Promise<Map<K, number>>;
  average(column: string): Promise<Map<K, number | null>>;
  minimum(column: string): Promise<Map<K, string | number | null>>;
  maximum(column: string): Promise<Map<K, string | number | null>>;
}
