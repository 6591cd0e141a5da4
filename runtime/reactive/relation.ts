/**
 * ReactiveRelation: the core Relation as a live collection. Chaining (`where`, scopes, `order`, `limit`, ...) builds
 * relations as in ActiveRecord; reading one (`length`, iteration, `map`, `$loading`, ...) reads its live answer, which
 * keeps ONE Zero view (shared by identical relations) while an effect reads it. Finders return record handles at once.
 */
import type { WhereHash } from '../core/conditions.ts';
import type { ModelDefinition } from '../core/config.ts';
import type { ZeroRecordError } from '../core/errors.ts';
import {
  countPlan, existsPlan, findByPlan, findPlan, findSoleByPlan, firstPlan, idsPlan, includePlan, lastPlan, nthFromLastPlan, nthPlan, pickPlan, pluckPlan, solePlan, takePlan,
  type Plan, type RecordLike,
} from '../core/finders.ts';
import { Relation, type IncludeArg, type RelationState } from '../core/relation.ts';
import { groupedCalculations } from '../core/grouped.ts';
import { averagePlan, manyPlan, maximumPlan, minimumPlan, nonePlan, onePlan, sumPlan } from '../core/calculations.ts';
import { BatchEnumerator, batches, deleteAllOf, touchAll, updateAll, type BatchOptions, type InBatchesOptions } from '../core/bulk-writes.ts';
import { KeyFind, loadRelation } from '../core/reads.ts';
import { buildScoped, createOrFind, createScoped, findOrBuild, type RecordMaker, type Unsaved } from '../core/find-or-create.ts';
import type { WriteOptions } from '../core/zero-write.ts';
import type { RowData } from '../core/zero-types.ts';
import { LiveAnswer, valueStatus, type QueryStatus } from './answer.ts';
import { newRecordHandle, recordHandle, type RecordHandle } from './handle.ts';
import { collectionReaders, isReactiveRecord, RecordIterator, RecordList, type ReactiveRecordInstance } from './record.ts';
import { LiveValue } from './value.ts';
import type { ReactiveAssociations } from './associations.ts';

type Settle = (rows: readonly RecordLike[]) => readonly RecordLike[];
/** A record of a collection: the row's columns, the record methods and the association readers of `A`. */
type Item<Row, A> = ReactiveRecordInstance<Row> & ReactiveAssociations<A>;
/** A record handle with the association readers of `A`. */
type Handle<Row, A> = RecordHandle<Row> & ReactiveAssociations<A>;
type Predicate<T, R> = (record: T, index: number, records: readonly T[]) => R;

const NO_RECORDS: readonly never[] = Object.freeze([]);
/** A plain collection's answer is its rows (shared, not a closure per collection). */
const keepRows: Settle = (rows) => rows;

const isIndex = (prop: string | symbol): boolean => typeof prop === 'string' && prop.length > 0 && prop.length < 16 && /^(0|[1-9]\d*)$/.test(prop);

/**
 * Collections answer `jobs[0]` as well as `jobs.at(0)`: Svelte's server renderer iterates `{#each}` over anything with a
 * `length` by index. Methods are bound to the relation itself, whose private state a proxy cannot reach; the iterator
 * finds it through the proxy instead (see iterateTarget).
 */
const indexable: ProxyHandler<ReactiveRelation> = {
  get(target, prop) {
    if (isIndex(prop)) return target.at(Number(prop as string));
    if (prop === TARGET) return target;
    const value = Reflect.get(target, prop, target) as unknown;
    if (typeof value !== 'function' || prop === 'constructor') return value;
    if (prop === Symbol.iterator) return iterateTarget;
    return boundMethod(target, prop, value as (...args: unknown[]) => unknown);
  },
  has(target, prop) {
    return isIndex(prop) ? Number(prop as string) < target.length : Reflect.has(target, prop);
  },
};

const BOUND: unique symbol = Symbol('zero-record.bound');
/** What a collection's proxy answers with the relation behind it. */
const TARGET: unique symbol = Symbol('zero-record.target');

/**
 * The iterator every loop reads (`for...of`, `{#each}`, spread), one function for all collections: a loop calls it on
 * the collection, so it finds the relation through the proxy instead of being bound to it (a bound method costs about
 * 170 B per collection).
 */
function iterateTarget(this: { readonly [TARGET]?: ReactiveRelation } | undefined): IterableIterator<unknown> {
  const relation = this?.[TARGET];
  if (!relation) {
    throw new TypeError("a collection's iterator runs on its collection (for...of, spread, {#each}); to pass it on, pass () => collection[Symbol.iterator]()");
  }
  return relation[Symbol.iterator]();
}

/**
 * `method` bound to `target`, made once per relation and name (a method may be passed on detached, as a callback; the
 * iterator is the one exception).
 * Kept in a flat list of name/function pairs, made at the first method read: a collection reads few methods (`map`,
 * `filter`), and a Map would cost more than them all.
 */
function boundMethod(target: ReactiveRelation, prop: string | symbol, method: (...args: unknown[]) => unknown): unknown {
  const bound = target[BOUND];
  if (bound) for (let i = 0; i < bound.length; i += 2) if (bound[i] === prop) return bound[i + 1];
  // An arrow, not `bind`: V8 keeps the name of a bound symbol-named method in a dictionary of its own (about 300 B).
  const made = (...args: unknown[]) => method.apply(target, args);
  // The first pair as a literal: V8's first push onto an empty array reserves 17 slots (about 130 B more).
  if (bound) bound.push(prop, made);
  else target[BOUND] = [prop, made];
  return made;
}

/** A plan whose input was rejected (e.g. `find(undefined)`): it asks Zero for nothing and ends in the plan's error. */
function failedPlan(relation: Relation, error: unknown, single: boolean): Plan<unknown> {
  return {
    relation: relation.none(),
    single,
    settle: () => {
      throw error;
    },
  };
}

/**
 * A live collection of a model: chain it like a Relation, read it like an array.
 * @example {#each ReactiveJob.active().order({ created_at: 'desc' }) as job (job.id)}<li>{job.title}</li>{/each}
 */
export class ReactiveRelation<Row = Record<string, unknown>, A = {}> extends Relation {
  readonly #settle: Settle | undefined;
  // The answer itself, not a LiveValue over it: one object fewer per collection.
  #answer: LiveAnswer<readonly RecordLike[]> | undefined;
  #list: RecordList | undefined;

  [BOUND]: unknown[] | undefined = undefined;
  /**
   * Index access (`jobs[0]`); prefer `at(i)`. Typed like an array's (no `| undefined`): `{#each jobs as job}` infers its
   * item from this signature, and `noUncheckedIndexedAccess` still adds `undefined` to `jobs[i]` where an app enables it.
   */
  readonly [index: number]: Item<Row, A>;

  /** `settle` is set for the collections a finder returns (`find([a, b])`, `first(3)`, ...). */
  constructor(model: ModelDefinition, state?: RelationState, settle?: Settle) {
    super(model, state);
    this.#settle = settle;
    // The instance IS the proxy, so relations spawned by chaining (`new this.constructor(...)`) are indexable too.
    return new Proxy(this, indexable as ProxyHandler<this>);
  }

  get #live(): LiveAnswer<readonly RecordLike[]> {
    return (this.#answer ??= new LiveAnswer({ relation: this, settle: this.#settle ?? keepRows }, collectionReaders(this.model)));
  }

  #records(): readonly Item<Row, A>[] {
    const value = this.#live.get().value;
    if (!value) return NO_RECORDS;
    this.#list ??= new RecordList();
    return this.#list.records(this.model, value as readonly RowData[]) as readonly Item<Row, A>[];
  }

  // ---- state --------------------------------------------------------------------------------------------------------

  /** 'loading' until rows are there or Zero's answer is final; a finder's RecordNotFoundError is an 'error'. */
  get $status(): Exclude<QueryStatus, 'not-found'> {
    return valueStatus(this.#live.get().status);
  }

  get $loading(): boolean {
    return this.$status === 'loading';
  }

  get $error(): ZeroRecordError | null {
    return this.#live.get().error;
  }

  /** Releases this collection's Zero view now (normally unnecessary). */
  $destroy(): void {
    this.#answer?.destroy();
  }

  // ---- read-only array API ------------------------------------------------------------------------------------------

  get length(): number {
    return this.#records().length;
  }

  at(index: number): Item<Row, A> | undefined {
    return this.#records().at(index);
  }

  [Symbol.iterator](): IterableIterator<Item<Row, A>> {
    return new RecordIterator(this.#records());
  }

  /** The records now, as a new array. */
  toArray(): Item<Row, A>[] {
    return [...this.#records()];
  }

  map<U>(fn: Predicate<Item<Row, A>, U>): U[] {
    return this.#records().map(fn);
  }

  /** A type guard over the row type narrows the records, as an array's `filter` narrows its rows. */
  filter<S extends Row>(fn: (record: Row, index: number, records: readonly Item<Row, A>[]) => record is S): (Item<Row, A> & S)[];
  filter(fn: Predicate<Item<Row, A>, unknown>): Item<Row, A>[];
  filter(fn: (record: never, index: number, records: readonly Item<Row, A>[]) => unknown): Item<Row, A>[] {
    return this.#records().filter(fn as Predicate<Item<Row, A>, unknown>);
  }

  some(fn: Predicate<Item<Row, A>, unknown>): boolean {
    return this.#records().some(fn);
  }

  every(fn: Predicate<Item<Row, A>, unknown>): boolean {
    return this.#records().every(fn);
  }

  forEach(fn: Predicate<Item<Row, A>, void>): void {
    this.#records().forEach(fn);
  }

  slice(start?: number, end?: number): Item<Row, A>[] {
    return this.#records().slice(start, end);
  }

  reduce<U>(fn: (acc: U, record: Item<Row, A>, index: number, records: readonly Item<Row, A>[]) => U, initial: U): U {
    return this.#records().reduce(fn, initial);
  }

  indexOf(record: Item<Row, A>): number {
    return this.#records().indexOf(record);
  }

  /** `includes('client')` loads an association (Relation); `includes(record)` asks whether the record is in the collection. */
  override includes(...args: IncludeArg[]): this;
  override includes(record: Item<Row, A>): boolean;
  override includes(...args: unknown[]): this | boolean {
    if (args.length === 1 && isReactiveRecord(args[0])) return this.#records().includes(args[0] as Item<Row, A>);
    return super.includes(...(args as IncludeArg[]));
  }

  // ---- finders --------------------------------------------------------------------------------------------------------

  /** Plans are built synchronously and may reject their input; the answer then carries the error instead of a throw. */
  #plan<T>(build: () => Plan<T>, single: boolean): Plan<T> {
    try {
      return build();
    } catch (error) {
      return failedPlan(this, error, single) as Plan<T>;
    }
  }

  #single(build: () => Plan<unknown>): Handle<Row, A> {
    // The handle's prototype carries the model's association readers (record.ts), typed here from `A`.
    return recordHandle<Row>(this.model, this.#plan(build, true)) as Handle<Row, A>;
  }

  #many(build: () => Plan<unknown>): ReactiveRelation<Row, A> {
    const plan = this.#plan(build, false);
    const Class = this.constructor as new (model: ModelDefinition, state: RelationState, settle: Settle) => ReactiveRelation<Row, A>;
    return new Class(this.model, plan.relation.state, (rows) => plan.settle(rows) as readonly RecordLike[]);
  }

  /** `first()` -> a handle, `first(n)` -> a collection (likewise `last`, `take`). */
  #oneOrMany(planOf: (relation: Relation, n: number | undefined, bang: boolean) => Plan<unknown>, n: number | undefined): Handle<Row, A> | ReactiveRelation<Row, A> {
    return n === undefined ? this.#single(() => planOf(this, undefined, false)) : this.#many(() => planOf(this, n, false));
  }

  #value<T>(build: () => Plan<T>): LiveValue<T> {
    return new LiveValue(this.#plan(build, false));
  }

  /**
   * `find(id)` -> a record handle ('not-found' with RecordNotFoundError when missing); `find([a, b])` -> a collection
   * (all-or-nothing, in the order asked); `find((job) => ...)` -> Array#find over the records now.
   */
  find<S extends Row>(predicate: (record: Row, index: number, records: readonly Item<Row, A>[]) => record is S): (Item<Row, A> & S) | undefined;
  find(predicate: Predicate<Item<Row, A>, unknown>): Item<Row, A> | undefined;
  find(ids: readonly unknown[]): ReactiveRelation<Row, A>;
  find(id: unknown, ...more: unknown[]): Handle<Row, A>;
  find(...args: unknown[]): Item<Row, A> | undefined | Handle<Row, A> | ReactiveRelation<Row, A> {
    if (typeof args[0] === 'function') return this.#records().find(args[0] as Predicate<Item<Row, A>, unknown>);
    if (args.length > 1 || Array.isArray(args[0])) return this.#many(() => findPlan(this, args));
    // The usual `Model.find(id)`: by key alone, no relation or plan kept per handle.
    const byKey = KeyFind.of(this, args[0]);
    if (byKey) return recordHandle<Row>(this.model, byKey) as Handle<Row, A>;
    return this.#single(() => findPlan(this, args));
  }

  /** The first record matching `conditions`; a missing one ends with `$found` false and no error. */
  find_by(conditions: WhereHash): Handle<Row, A> {
    return this.#single(() => findByPlan(this, conditions, false));
  }

  /** Rails' `find_by!`: ends 'not-found' with RecordNotFoundError. */
  find_by_bang(conditions: WhereHash): Handle<Row, A> {
    return this.#single(() => findByPlan(this, conditions, true));
  }

  first(): Handle<Row, A>;
  first(n: number): ReactiveRelation<Row, A>;
  first(n?: number): Handle<Row, A> | ReactiveRelation<Row, A> {
    return this.#oneOrMany(firstPlan, n);
  }

  first_bang(): Handle<Row, A> {
    return this.#single(() => firstPlan(this, undefined, true));
  }

  last(): Handle<Row, A>;
  last(n: number): ReactiveRelation<Row, A>;
  last(n?: number): Handle<Row, A> | ReactiveRelation<Row, A> {
    return this.#oneOrMany(lastPlan, n);
  }

  last_bang(): Handle<Row, A> {
    return this.#single(() => lastPlan(this, undefined, true));
  }

  // Rails' ordinal finders: a missing record ends with `$found` false; the _bang forms end 'not-found' with RecordNotFoundError.
  second(): Handle<Row, A> { return this.#single(() => nthPlan(this, 1, false)); }
  second_bang(): Handle<Row, A> { return this.#single(() => nthPlan(this, 1, true)); }
  third(): Handle<Row, A> { return this.#single(() => nthPlan(this, 2, false)); }
  third_bang(): Handle<Row, A> { return this.#single(() => nthPlan(this, 2, true)); }
  fourth(): Handle<Row, A> { return this.#single(() => nthPlan(this, 3, false)); }
  fourth_bang(): Handle<Row, A> { return this.#single(() => nthPlan(this, 3, true)); }
  fifth(): Handle<Row, A> { return this.#single(() => nthPlan(this, 4, false)); }
  fifth_bang(): Handle<Row, A> { return this.#single(() => nthPlan(this, 4, true)); }
  forty_two(): Handle<Row, A> { return this.#single(() => nthPlan(this, 41, false)); }
  forty_two_bang(): Handle<Row, A> { return this.#single(() => nthPlan(this, 41, true)); }
  second_to_last(): Handle<Row, A> { return this.#single(() => nthFromLastPlan(this, 2, false)); }
  second_to_last_bang(): Handle<Row, A> { return this.#single(() => nthFromLastPlan(this, 2, true)); }
  third_to_last(): Handle<Row, A> { return this.#single(() => nthFromLastPlan(this, 3, false)); }
  third_to_last_bang(): Handle<Row, A> { return this.#single(() => nthFromLastPlan(this, 3, true)); }

  take(): Handle<Row, A>;
  take(n: number): ReactiveRelation<Row, A>;
  take(n?: number): Handle<Row, A> | ReactiveRelation<Row, A> {
    return this.#oneOrMany(takePlan, n);
  }

  take_bang(): Handle<Row, A> {
    return this.#single(() => takePlan(this, undefined, true));
  }

  /** Exactly one record; 'not-found' for none, 'error' (SoleRecordExceededError) for more. */
  sole(): Handle<Row, A> {
    return this.#single(() => solePlan(this));
  }

  /** Rails 7's `find_sole_by`: `where(conditions).sole()`. */
  find_sole_by(conditions: WhereHash): Handle<Row, A> {
    return this.#single(() => findSoleByPlan(this, conditions));
  }

  // ---- live values ----------------------------------------------------------------------------------------------------

  count(column?: string): LiveValue<number> {
    return this.#value(() => countPlan(this, column));
  }

  /** Rails' `size`: the number of records, live (`count()`). */
  size(): LiveValue<number> {
    return this.count();
  }

  /** Rails' `empty?`: no record, live (`none_p()`). */
  empty_p(): LiveValue<boolean> {
    return this.none_p();
  }

  /** Rails' `exists?`: `exists_p()`, `exists_p(id)`, `exists_p({ status: 'done' })`; asks Zero for one row. */
  exists_p(...args: [] | [conditions: unknown]): LiveValue<boolean> {
    return this.#value(() => existsPlan(this, ...args));
  }

  /** Rails 7's `include?(record)`: whether the relation holds the record, live. */
  include_p(record: unknown): LiveValue<boolean> {
    return this.#value(() => includePlan(this, record));
  }

  /** Rails' `member?`: the same as `include_p`. */
  member_p(record: unknown): LiveValue<boolean> {
    return this.include_p(record);
  }

  /** Rails' `any?`. */
  any_p(): LiveValue<boolean> {
    return this.#value(() => existsPlan(this));
  }

  /** Rails' `many?`: more than one record (asks Zero for two). */
  many_p(): LiveValue<boolean> {
    return this.#value(() => manyPlan(this));
  }

  /** Rails' `none?`. */
  none_p(): LiveValue<boolean> {
    return this.#value(() => nonePlan(this));
  }

  /** Rails' `one?`: exactly one record (asks Zero for two). */
  one_p(): LiveValue<boolean> {
    return this.#value(() => onePlan(this));
  }

  /**
   * Rails' `group(:status).count` and the other calculations per group, live: a Map from each group's value (a tuple
   * of values for several columns) to its result. The relation's limit and offset pick groups, as SQL's do.
   * @example const byStatus = ReactiveJob.group('status').count();   // byStatus.current?.get('active')
   */
  group<C extends keyof Row & string>(column: C): ReactiveGrouped<Row[C]>;
  group(...columns: (keyof Row & string)[]): ReactiveGrouped<readonly unknown[]>;
  group(...columns: string[]): ReactiveGrouped<unknown> {
    return groupedCalculations(this, columns, (plan) => this.#value(plan)) as ReactiveGrouped<unknown>;
  }

  /** Rails' `sum(column)`: 0 when there is no non-null value. */
  sum(column: string): LiveValue<number> {
    return this.#value(() => sumPlan(this, column));
  }

  /** Rails' `average(column)`: a number (Rails: BigDecimal for integers); null when none. */
  average(column: string): LiveValue<number | null> {
    return this.#value(() => averagePlan(this, column));
  }

  /** Rails' `minimum(column)`; null when none. */
  minimum(column: string): LiveValue<string | number | null> {
    return this.#value(() => minimumPlan(this, column));
  }

  /** Rails' `maximum(column)`; null when none. */
  maximum(column: string): LiveValue<string | number | null> {
    return this.#value(() => maximumPlan(this, column));
  }

  // ---- writes on the whole relation (one-shot: they read the relation once, then write) -------------------------------

  /** Rails' `update_all(attributes)`: no validations; resolves to the count. */
  update_all(attributes: Partial<Record<string, unknown>>, options?: WriteOptions): Promise<number> {
    return updateAll(this, attributes, options);
  }

  /** Rails' `delete_all`; resolves to the count. */
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
  destroy_by(conditions: WhereHash, options?: WriteOptions): Promise<Item<Row, A>[]> {
    return this.where(conditions).destroy_all(options);
  }

  /** Rails' `destroy_all`: destroys each record; resolves to them (records over the rows as they were). */
  async destroy_all(options?: WriteOptions): Promise<Item<Row, A>[]> {
    const records = this.#snapshot(await loadRelation(this));
    for (const record of records) await record.destroy(options);
    return records;
  }

  /** Rails' `find_in_batches`: `for await (const jobs of ReactiveJob.find_in_batches())`, records as read (not live). */
  async *find_in_batches(options?: BatchOptions): AsyncGenerator<Item<Row, A>[]> {
    for await (const rows of batches(this, options)) yield this.#snapshot(rows);
  }

  /**
   * Rails' `in_batches(of:)`: `each` calls back with a relation per batch of keys (`batch.update_all(...)`); or
   * `in_batches().delete_all()` / `update_all` / `destroy_all` / `each_record()` (records as read, not live).
   */
  in_batches(options: InBatchesOptions = {}): BatchEnumerator<this, Item<Row, A>> {
    return new BatchEnumerator(this, options, (rows) => this.#snapshot(rows));
  }

  /** Rails' `find_each`: one record at a time over `find_in_batches`. */
  async *find_each(options?: BatchOptions): AsyncGenerator<Item<Row, A>> {
    for await (const rows of batches(this, options, 'find_each')) yield* this.#snapshot(rows);
  }

  #snapshot(rows: readonly RecordLike[]): Item<Row, A>[] {
    return [...new RecordList().records(this.model, rows as readonly RowData[])] as Item<Row, A>[];
  }

  // ---- new records: the relation's pinned columns, then the attributes (`client.jobs.new({ title })`) ---------------

  /** Rails' `relation.new(attributes)`: a new, unsaved handle a form can bind to, with the columns the relation pins. */
  new(attributes: Partial<Row> = {}): Handle<Row, A> {
    return buildScoped(this, attributes, this.#maker(), 'new');
  }

  /** Rails' `relation.build` (the same as `new`). */
  build(attributes: Partial<Row> = {}): Handle<Row, A> {
    return buildScoped(this, attributes, this.#maker(), 'build');
  }

  // The list forms first: `ReturnType<typeof relation.create>` reads the last signature, the one-record form.
  /** Rails' `create([a, b])`: each created in turn; every handle comes back, the invalid ones unsaved with `errors`. */
  create(attributes: readonly Partial<Row>[], options?: WriteOptions): Promise<Handle<Row, A>[]>;
  /** Rails' `relation.create(attributes)`: `new` + `save`; the handle, with `errors` and `new_record_p()` when a validation failed. */
  create(attributes?: Partial<Row>, options?: WriteOptions): Promise<Handle<Row, A>>;
  create(attributes?: Partial<Row> | readonly Partial<Row>[], options?: WriteOptions): Promise<Handle<Row, A> | Handle<Row, A>[]> {
    return createScoped(this, this.#maker(), 'create')(attributes, options);
  }

  /** Rails' `create!([a, b])`: each created in turn, stopping at the first invalid one (the ones before it stay). */
  create_bang(attributes: readonly Partial<Row>[], options?: WriteOptions): Promise<Handle<Row, A>[]>;
  /** Rails' `relation.create!`: rejects with `RecordInvalidError` when a validation fails. */
  create_bang(attributes?: Partial<Row>, options?: WriteOptions): Promise<Handle<Row, A>>;
  create_bang(attributes?: Partial<Row> | readonly Partial<Row>[], options?: WriteOptions): Promise<Handle<Row, A> | Handle<Row, A>[]> {
    return createScoped(this, this.#maker(), 'create_bang')(attributes, options);
  }

  // ---- find or create: resolve to a live handle of the record ---------------------------------------------------------

  /** Rails' `find_or_create_by(attributes)`: the first match, or `create` of a new record with the relation's pinned columns and `attributes` (unsaved, with `errors`, when invalid). */
  find_or_create_by(attributes: WhereHash): Promise<Handle<Row, A>> {
    return findOrBuild(this, attributes, this.#maker(), 'find_or_create_by');
  }

  /** Rails' `find_or_create_by!`: rejects with RecordInvalidError when the new record is invalid. */
  find_or_create_by_bang(attributes: WhereHash): Promise<Handle<Row, A>> {
    return findOrBuild(this, attributes, this.#maker(), 'find_or_create_by_bang');
  }

  /** Rails' `find_or_initialize_by(attributes)`: the first match, or a new unsaved handle a form can bind to (`save()` inserts it). */
  find_or_initialize_by(attributes: WhereHash): Promise<Handle<Row, A>> {
    return findOrBuild(this, attributes, this.#maker(), 'find_or_initialize_by');
  }

  /** Rails' `first_or_create(attributes)`: `first()` (by primary key when unordered), or `create` through the relation. */
  first_or_create(attributes: WhereHash = {}): Promise<Handle<Row, A>> {
    return findOrBuild(this, attributes, this.#maker(), 'first_or_create');
  }

  /** Rails' `first_or_create!`: raises RecordInvalidError when the new record is invalid. */
  first_or_create_bang(attributes: WhereHash = {}): Promise<Handle<Row, A>> {
    return findOrBuild(this, attributes, this.#maker(), 'first_or_create_bang');
  }

  /** Rails' `first_or_initialize(attributes)`: `first()`, or a new unsaved handle made through the relation. */
  first_or_initialize(attributes: WhereHash = {}): Promise<Handle<Row, A>> {
    return findOrBuild(this, attributes, this.#maker(), 'first_or_initialize');
  }

  /** Rails' `create_or_find_by(attributes)`: creates; when a row with that primary key exists, the match instead. */
  create_or_find_by(attributes: WhereHash): Promise<Handle<Row, A>> {
    return createOrFind(this, attributes, this.#maker(), 'create_or_find_by');
  }

  /** Rails' `create_or_find_by!`. */
  create_or_find_by_bang(attributes: WhereHash): Promise<Handle<Row, A>> {
    return createOrFind(this, attributes, this.#maker(), 'create_or_find_by_bang');
  }

  #maker(): RecordMaker<Handle<Row, A>> {
    return {
      found: (row) => this.#handle(row),
      build: (attributes, operation) => newRecordHandle(this.model, attributes, operation) as unknown as Handle<Row, A> & Unsaved,
    };
  }

  /** A live handle of the row by primary key, whether or not it still matches this relation (as Rails returns the record). */
  #handle(row: RecordLike): Handle<Row, A> {
    const Class = this.constructor as new (model: ModelDefinition) => ReactiveRelation<Row, A>;
    return new Class(this.model).find(row[this.model.primaryKey]);
  }

  pluck(...columns: string[]): LiveValue<unknown[]> {
    return this.#value(() => pluckPlan(this, columns));
  }

  pick(...columns: string[]): LiveValue<unknown> {
    return this.#value(() => pickPlan(this, columns));
  }

  ids(): LiveValue<unknown[]> {
    return this.#value(() => idsPlan(this));
  }
}

/** A live relation grouped by columns (`ReactiveJob.group('status')`): Rails' grouped calculations, each a live Map. */
export interface ReactiveGrouped<K> {
  count(column?: string): LiveValue<Map<K, number>>;
  sum(column: string): LiveValue<Map<K, number>>;
  average(column: string): LiveValue<Map<K, number | null>>;
  minimum(column: string): LiveValue<Map<K, string | number | null>>;
  maximum(column: string): LiveValue<Map<K, string | number | null>>;
}
