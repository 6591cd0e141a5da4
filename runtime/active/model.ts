/**
 * `ActiveRecord.createModel(config)`: the plain-TypeScript flavour. Finders are async and return plain records.
 */
import { defineModel, type ModelConfig, type ModelDefinition, type RecordMembersOf, type RowOf, type ScopesOf, type StaticsOf } from '../core/config.ts';
import type { ActiveAssociations } from './associations.ts';
import type { AfterUnscope, IncludeOf, LoadedBy, LoadedNames, RecordMakingMethod, WithLoaded, WithoutLoaded } from '../core/loaded.ts';
import { defaultScoped, scopedRelationClass, unscopedState, type UnscopeArg } from '../core/relation.ts';
import { modelObject, type ModelTableMethods } from '../core/model-object.ts';
import { assertMembersFree, memberProbe, membersOf, registerMembers } from '../core/member-names.ts';
import { upsertRow } from '../core/writes.ts';
import { SHADOWED_BY_SCOPES } from '../core/collection-writes.ts';
import type { WriteOptions } from '../core/zero-write.ts';
import { ActiveRelation } from './relation.ts';
import { instantiate, type ActiveRecordInstance } from './record.ts';

/**
 * What `new` / `create` take: columns, and a belongs_to given as its record (`Task.create({ title, project })`, as
 * in Rails), which sets its foreign key.
 */
export type ActiveAttributes<Row, A = {}> = Partial<Row> & {
  readonly [K in keyof A as A[K] extends { readonly one: true } ? K : never]?: A[K] extends { readonly row: infer R } ? ActiveRecordInstance<R> | null : never;
};

/** Class-level API of an ActiveRecord model: every relation method (on `all()`), its scopes, and the writes. */
export interface ActiveModelStatics<Row, A = {}> extends ModelTableMethods {
  readonly definition: ModelDefinition;
  readonly className: string;
  /** Rails' `Model.new(attributes)`: a new, unsaved record (`save()` inserts it). */
  'new'(attributes?: ActiveAttributes<Row, A>): ActiveRecordInstance<Row> & ActiveAssociations<A>;
  /** Rails' `Model.build` (the same as `new`). */
  build(attributes?: ActiveAttributes<Row, A>): ActiveRecordInstance<Row> & ActiveAssociations<A>;
  // The list forms first: `ReturnType<typeof Job.create>` reads the last signature, the one-record form.
  /** Rails' `create([a, b])`: each created in turn; every record comes back, the invalid ones unsaved with `errors`. */
  create(attributes: readonly ActiveAttributes<Row, A>[], options?: WriteOptions): Promise<(ActiveRecordInstance<Row> & ActiveAssociations<A>)[]>;
  /** Rails' `create`: `new` + `save`; returns the record, with `errors` and `new_record_p()` when a validation failed. */
  create(attributes?: ActiveAttributes<Row, A>, options?: WriteOptions): Promise<ActiveRecordInstance<Row> & ActiveAssociations<A>>;
  /** Rails' `create!([a, b])`: each created in turn, stopping at the first invalid one (the ones before it stay). */
  create_bang(attributes: readonly ActiveAttributes<Row, A>[], options?: WriteOptions): Promise<(ActiveRecordInstance<Row> & ActiveAssociations<A>)[]>;
  /** Rails' `create!`: raises `RecordInvalidError` when a validation fails. */
  create_bang(attributes?: ActiveAttributes<Row, A>, options?: WriteOptions): Promise<ActiveRecordInstance<Row> & ActiveAssociations<A>>;
  /** Rails' `Model.update(id, attributes)`: finds (RecordNotFoundError when missing), updates; the record, with `errors` when invalid. */
  update(id: unknown, attributes: ActiveAttributes<Row, A>, options?: WriteOptions): Promise<ActiveRecordInstance<Row> & ActiveAssociations<A>>;
  /** Rails' `Model.update!(id, attributes)`: raises `RecordInvalidError` when invalid. */
  update_bang(id: unknown, attributes: ActiveAttributes<Row, A>, options?: WriteOptions): Promise<ActiveRecordInstance<Row> & ActiveAssociations<A>>;
  /**
   * Rails' `Model.destroy(id)`: finds (RecordNotFoundError when missing) and destroys; the record. Where a
   * `restrict_with_error` dependent refuses (Rails answers false), the record comes back not destroyed, with `errors`.
   */
  destroy(id: unknown, options?: WriteOptions): Promise<ActiveRecordInstance<Row> & ActiveAssociations<A>>;
  /** Rails' `upsert`: insert or update by primary key, without validations. */
  upsert(attributes: Partial<Row>, options?: WriteOptions): Promise<void>;
}

/**
 * A relation of the model, with its scopes as chainable methods; its records have the association readers of `A`, the
 * ones its `includes` loaded (`LoadedNames<A>`) as loaded values, except the records it makes (`RecordMakingMethod`).
 */
export type ActiveScoped<Row, S, A = {}> = Including<Row, S, A> &
  ([LoadedNames<A>] extends [never] ? {} : Pick<ActiveRelation<ActiveRecordInstance<Row> & ActiveAssociations<WithoutLoaded<A>>>, RecordMakingMethod>) & {
    // Before the relation's own members: a scope named push, concat or clear shadows the collection write (SHADOWED_BY_SCOPES).
    readonly [K in keyof S]: S[K] extends (relation: never, ...args: infer P) => unknown ? (...args: P) => ActiveScoped<Row, S, A> : never;
  } & ActiveRelation<ActiveRecordInstance<Row> & ActiveAssociations<A>>;

/**
 * The relation methods that change what is loaded, typed by it. Listed before `ActiveRelation` in `ActiveScoped`, so a
 * call matches these signatures first; `ActiveRelation`'s own (any name, the same type back) stay after them, so a name
 * the types do not know still reaches the runtime's `QueryError`.
 */
interface Including<Row, S, A> {
  /** Loads associations (Zero's `.related()`); the records read them as loaded values: `job.client?.name`, `job.tasks.length`. */
  includes<const Args extends readonly IncludeOf<A>[]>(...args: Args): ActiveScoped<Row, S, WithLoaded<A, LoadedBy<Args>>>;
  /** Rails' `preload`: loads as `includes` does. */
  preload<const Args extends readonly IncludeOf<A>[]>(...args: Args): ActiveScoped<Row, S, WithLoaded<A, LoadedBy<Args>>>;
  /** Rails' `eager_load`: loads as `includes` does. */
  eager_load<const Args extends readonly IncludeOf<A>[]>(...args: Args): ActiveScoped<Row, S, WithLoaded<A, LoadedBy<Args>>>;
  /** Rails' `unscope`; after `unscope('includes')` the records' associations read as not loaded. */
  unscope<const Args extends readonly UnscopeArg[]>(...args: Args): ActiveScoped<Row, S, AfterUnscope<A, Args>>;
}

/** The query methods a model answers to directly (`ActiveJob.where(...)`), each starting from `all()`. */
type QueryMethodName = Exclude<keyof ActiveRelation, 'then' | 'model' | 'state' | 'update' | 'destroy' | 'delete' | 'push' | 'concat' | 'clear' | 'include_p' | 'member_p' | 'new' | 'build' | 'create' | 'create_bang' | 'spec' | 'rows' | 'key' | 'effectiveTtl' | 'matchesNothing' | 'associatedModel'>;
/** An ActiveRecord model (`ActiveJob`): the class-level writes, every query method, and the scopes. */
export type ActiveModel<Row = Record<string, unknown>, S = {}, A = {}> = ActiveModelStatics<Row, A> &
  Pick<ActiveScoped<Row, S, A>, QueryMethodName | keyof S> & {
    /** Rails' `Model.unscoped`: the model's rows without its default scope (an STI subclass keeps its type condition, as in Rails). */
    unscoped(): ActiveScoped<Row, S, A>;
  };

/**
 * @example
 * export const ActiveJob = ActiveRecord.createModel(jobConfig);
 * const job = await ActiveJob.find('j1');           // RecordNotFoundError when missing
 * const active = await ActiveJob.active().order({ created_at: 'desc' }).limit(10);
 */
function createModel<R, S, A, E>(config: ModelDefinition<R, S, A, E>): ActiveModel<R, S, A> & E;
function createModel<const C extends ModelConfig>(config: C): ActiveModel<RowOf<C>, ScopesOf<C>, RecordMembersOf<C>> & StaticsOf<C>;
function createModel(config: ModelConfig | ModelDefinition): unknown {
  type Row = Record<string, unknown>;
  const definition = defineModel(config);
  // The definition may predate this flavour's module (defineModel checks only the members registered then).
  assertMembersFree(definition);
  // The scoped class once, not per query: `all()` starts every read.
  const Scoped = scopedRelationClass(definition, ActiveRelation);
  // Rails' `unscoped` keeps an STI subclass's type condition (relation.ts unscopedState); `all` adds the default scope.
  const unscoped = () => new Scoped(definition, unscopedState(definition));
  const all = () => defaultScoped(unscoped()) as ActiveRelation<ActiveRecordInstance<Row>>;
  const statics: Record<string, unknown> = {
    definition,
    className: definition.className,
    all,
    async update(id: unknown, attributes: Partial<Row>, options?: WriteOptions) {
      const record = await all().find(id);
      await record.update(attributes, options);
      return record;
    },
    async update_bang(id: unknown, attributes: Partial<Row>, options?: WriteOptions) {
      const record = await all().find(id);
      await record.update_bang(attributes, options);
      return record;
    },
    async destroy(id: unknown, options?: WriteOptions) {
      const record = await all().find(id);
      await record.destroy(options);
      return record;
    },
    async upsert(attributes: Partial<Row>, options?: WriteOptions) {
      await upsertRow(definition, attributes as Record<string, unknown>, options);
    },
  };
  return modelObject(statics, all, unscoped, ['then']);
}

/** The ActiveRecord flavour: `ActiveRecord.createModel(config)` makes a model with async Rails finders and plain-object records. */
export const ActiveRecord = { createModel };

// The names scopes, columns and associations may not take: whatever this flavour's real objects answer to.
type ProbeModel = { all(): object };
registerMembers('ActiveRecord model objects', 'relation', () => membersOf(createModel(memberProbe) as object));
registerMembers('ActiveRecord relations', 'relation', () => membersOf((createModel(memberProbe) as unknown as ProbeModel).all(), SHADOWED_BY_SCOPES));
registerMembers('ActiveRecord records', 'record', () => membersOf(instantiate(new ActiveRelation(memberProbe), [{ id: 'probe' }])[0]!, memberProbe.columns));
