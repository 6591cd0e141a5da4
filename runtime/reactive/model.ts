/**
 * `ReactiveRecord.createModel(config)`: the Svelte 5 flavour. Same factory shape and names as ActiveRecord; finders
 * return live handles and collections at once; writes go through the same core persistence as ActiveRecord's.
 */
import { defineModel, type ModelConfig, type ModelDefinition, type RecordMembersOf, type RowOf, type ScopesOf, type StaticsOf } from '../core/config.ts';
import { modelObject, type ModelTableMethods } from '../core/model-object.ts';
import { assertMembersFree, memberProbe, membersOf, registerMembers } from '../core/member-names.ts';
import { defaultScoped, scopedRelationClass, unscopedState, type UnscopeArg } from '../core/relation.ts';
import type { AfterUnscope, IncludeOf, LoadedBy, LoadedNames, RecordMakingMethod, WithLoaded, WithoutLoaded } from '../core/loaded.ts';
import type { WriteOptions } from '../core/zero-write.ts';
import { findStoredRow } from '../core/persistence.ts';
import { upsertRow } from '../core/writes.ts';
import type { FoundRecordHandle, RecordHandle } from './handle.ts';
import { ReactiveRelation } from './relation.ts';
import { RecordList } from './record.ts';
import type { ReactiveAssociations } from './associations.ts';

/** Class-level API of a reactive model. Writes resolve once Zero applied them; they return live handles. */
export interface ReactiveModelStatics<Row, A = {}> extends ModelTableMethods {
  readonly definition: ModelDefinition;
  readonly className: string;
  /** Rails' `Model.new(attributes)`: a handle of a new, unsaved record, its columns bindable (`bind:value={job.title}`). */
  'new'(attributes?: Partial<Row>): RecordHandle<Row> & ReactiveAssociations<A>;
  /** Rails' `Model.build` (the same as `new`). */
  build(attributes?: Partial<Row>): RecordHandle<Row> & ReactiveAssociations<A>;
  // The list forms first: `ReturnType<typeof Job.create>` reads the last signature, the one-record form.
  /** Rails' `create([a, b])`: each created in turn; every handle comes back, the invalid ones unsaved with `errors`. */
  create(attributes: readonly Partial<Row>[], options?: WriteOptions): Promise<(RecordHandle<Row> & ReactiveAssociations<A>)[]>;
  /** Rails' `create`: `new` + `save`; the handle, with `errors` and `new_record_p()` when a validation failed, live once saved. */
  create(attributes?: Partial<Row>, options?: WriteOptions): Promise<RecordHandle<Row> & ReactiveAssociations<A>>;
  /** Rails' `create!([a, b])`: each created in turn, stopping at the first invalid one (the ones before it stay). */
  create_bang(attributes: readonly Partial<Row>[], options?: WriteOptions): Promise<(FoundRecordHandle<Row> & ReactiveAssociations<A>)[]>;
  /** Rails' `create!`: raises `RecordInvalidError` when a validation fails. */
  create_bang(attributes?: Partial<Row>, options?: WriteOptions): Promise<FoundRecordHandle<Row> & ReactiveAssociations<A>>;
  /** Rails' `Model.update(id, attributes)` (RecordNotFoundError when missing): the live handle, with `errors` when invalid. */
  update(id: unknown, attributes: Partial<Row>, options?: WriteOptions): Promise<FoundRecordHandle<Row> & ReactiveAssociations<A>>;
  /** Rails' `Model.update!(id, attributes)`: raises `RecordInvalidError` when invalid. */
  update_bang(id: unknown, attributes: Partial<Row>, options?: WriteOptions): Promise<FoundRecordHandle<Row> & ReactiveAssociations<A>>;
  /** Rails' `Model.destroy(id)`: destroys the record (RecordNotFoundError when missing); false when a `restrict_with_error` dependent refuses. */
  destroy(id: unknown, options?: WriteOptions): Promise<boolean>;
  /** Rails' `upsert`: insert or update by primary key, without validations. */
  upsert(attributes: Partial<Row>, options?: WriteOptions): Promise<void>;
}

/**
 * A live relation of the model, with its scopes as chainable methods; its records read the associations its `includes`
 * loaded (`LoadedNames<A>`) as loaded values, except the records it makes (`RecordMakingMethod`).
 */
export type ReactiveScoped<Row, S, A = {}> = Including<Row, S, A> &
  ([LoadedNames<A>] extends [never] ? {} : Pick<ReactiveRelation<Row, WithoutLoaded<A>>, RecordMakingMethod>) &
  ReactiveRelation<Row, A> & {
    readonly [K in keyof S]: S[K] extends (relation: never, ...args: infer P) => unknown ? (...args: P) => ReactiveScoped<Row, S, A> : never;
  };

/**
 * The relation methods that change what is loaded, typed by it. Listed before `ReactiveRelation` in `ReactiveScoped`, so
 * a call matches these signatures first; `ReactiveRelation`'s own (any name; `includes(record)`, the array question) stay
 * after them.
 */
interface Including<Row, S, A> {
  /** Loads associations (Zero's `.related()`); the records read them as loaded values: `job.client?.name`, `job.tasks.length`. */
  includes<const Args extends readonly IncludeOf<A>[]>(...args: Args): ReactiveScoped<Row, S, WithLoaded<A, LoadedBy<Args>>>;
  /** Rails' `preload`: loads as `includes` does. */
  preload<const Args extends readonly IncludeOf<A>[]>(...args: Args): ReactiveScoped<Row, S, WithLoaded<A, LoadedBy<Args>>>;
  /** Rails' `eager_load`: loads as `includes` does. */
  eager_load<const Args extends readonly IncludeOf<A>[]>(...args: Args): ReactiveScoped<Row, S, WithLoaded<A, LoadedBy<Args>>>;
  /** Rails' `unscope`; after `unscope('includes')` the records' associations read as not loaded. */
  unscope<const Args extends readonly UnscopeArg[]>(...args: Args): ReactiveScoped<Row, S, AfterUnscope<A, Args>>;
}

/** What the model answers to directly (`ReactiveJob.where(...)`), each starting from `all()`. */
type QueryMethodName =
  | 'all' | 'where' | 'not' | 'or' | 'and' | 'order' | 'reorder' | 'limit' | 'offset' | 'none' | 'includes' | 'preload' | 'eager_load' | 'ttl'
  | 'find' | 'find_by' | 'find_by_bang' | 'first' | 'first_bang' | 'last' | 'last_bang' | 'take' | 'take_bang' | 'sole' | 'find_sole_by'
  | 'second' | 'second_bang' | 'third' | 'third_bang' | 'fourth' | 'fourth_bang' | 'fifth' | 'fifth_bang' | 'forty_two' | 'forty_two_bang' | 'second_to_last' | 'second_to_last_bang' | 'third_to_last' | 'third_to_last_bang'
  | 'rewhere' | 'invert_where' | 'unscope' | 'merge' | 'excluding' | 'without' | 'in_order_of' | 'reverse_order' | 'where_associated' | 'where_missing' | 'joins' | 'left_joins' | 'left_outer_joins' | 'distinct' | 'create_with'
  | 'count' | 'size' | 'exists_p' | 'any_p' | 'many_p' | 'none_p' | 'empty_p' | 'one_p' | 'sum' | 'average' | 'minimum' | 'maximum' | 'group' | 'pluck' | 'pick' | 'ids'
  | 'update_all' | 'delete_all' | 'destroy_all' | 'touch_all' | 'delete_by' | 'destroy_by' | 'find_each' | 'find_in_batches' | 'in_batches'
  | 'find_or_create_by' | 'find_or_create_by_bang' | 'find_or_initialize_by' | 'create_or_find_by' | 'create_or_find_by_bang'
  | 'first_or_create' | 'first_or_create_bang' | 'first_or_initialize';

/** A reactive model: its writes, and every query method and scope, each starting from `all()`. */
export type ReactiveModel<Row = Record<string, unknown>, S = {}, A = {}> = ReactiveModelStatics<Row, A> &
  Pick<ReactiveScoped<Row, S, A>, QueryMethodName | keyof S> & {
    /** Rails' `Model.unscoped`: the model's rows without its default scope (an STI subclass keeps its type condition, as in Rails). */
    unscoped(): ReactiveScoped<Row, S, A>;
  };

/**
 * @example
 * export const ReactiveJob = ReactiveRecord.createModel(jobConfig);
 * const job = $derived(ReactiveJob.find(jobId));          // {job.title}, {#if job.$loading}, job.$error
 * const jobs = $derived(ReactiveJob.active().order({ created_at: 'desc' }).limit(10));
 */
function createModel<R, S, A, E>(config: ModelDefinition<R, S, A, E>): ReactiveModel<R, S, A> & E;
function createModel<const C extends ModelConfig>(config: C): ReactiveModel<RowOf<C>, ScopesOf<C>, RecordMembersOf<C>> & StaticsOf<C>;
function createModel(config: ModelConfig | ModelDefinition): unknown {
  type Row = Record<string, unknown>;
  const definition = defineModel(config);
  // The definition may predate this flavour's module (defineModel checks only the members registered then).
  assertMembersFree(definition);
  // The scoped class once, not per query: `all()` starts every read.
  const Scoped = scopedRelationClass(definition, ReactiveRelation);
  // Rails' `unscoped` keeps an STI subclass's type condition (relation.ts unscopedState); `all` adds the default scope.
  const unscoped = () => new Scoped(definition, unscopedState(definition));
  const all = () => defaultScoped(unscoped()) as ReactiveRelation<Row>;
  /** The handle of a stored record, once Zero has it (RecordNotFoundError when missing). */
  const stored = async (id: unknown) => {
    await findStoredRow(definition, id, all());
    return all().find(id) as unknown as RecordHandle<Row>;
  };
  const statics: Record<string, unknown> = {
    definition,
    className: definition.className,
    all,
    async update(id: unknown, attributes: Partial<Row>, options?: WriteOptions) {
      const handle = await stored(id);
      await handle.update(attributes, options);
      return handle;
    },
    async update_bang(id: unknown, attributes: Partial<Row>, options?: WriteOptions) {
      const handle = await stored(id);
      await handle.update_bang(attributes, options);
      return handle;
    },
    async destroy(id: unknown, options?: WriteOptions) {
      return (await (await stored(id)).destroy(options)) !== false;
    },
    async upsert(attributes: Partial<Row>, options?: WriteOptions) {
      await upsertRow(definition, attributes as Record<string, unknown>, options);
    },
  };
  return modelObject(statics, all, unscoped, ['then', 'toArray']);
}

export const ReactiveRecord = { createModel };

// The names scopes, columns and associations may not take: whatever this flavour's real objects answer to.
type ProbeModel = { all(): object; find(id: unknown): object };
const probe = () => createModel(memberProbe) as unknown as ProbeModel;
registerMembers('ReactiveRecord model objects', 'relation', () => membersOf(probe()));
registerMembers('ReactiveRecord relations', 'relation', () => membersOf(probe().all()));
registerMembers('ReactiveRecord records', 'record', () => membersOf(new RecordList().records(memberProbe, [{ id: 'probe' }])[0]!, memberProbe.columns));
registerMembers('ReactiveRecord record handles', 'record', () => membersOf(probe().find('probe'), memberProbe.columns));
