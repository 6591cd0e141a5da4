/**
 * `ReactiveRecord.createModel(config)`: the Svelte 5 flavour. Same factory shape and names as ActiveRecord; finders
 * return live handles and collections at once; writes go through the same core writes as ActiveRecord's.
 */
import { defineModel, type ModelConfig, type ModelDefinition, type RowOf, type ScopesOf } from '../core/config.ts';
import { modelObject } from '../core/model-object.ts';
import { assertMembersFree, memberProbe, membersOf, registerMembers } from '../core/member-names.ts';
import { scopedRelationClass } from '../core/relation.ts';
import { createRow, upsertRow } from '../core/writes.ts';
import { destroyById, updateById } from '../core/model-writes.ts';
import type { WriteOptions } from '../core/zero-write.ts';
import type { RecordHandle } from './handle.ts';
import { ReactiveRelation } from './relation.ts';
import { RecordList } from './record.ts';

/** Class-level API of a reactive model. Writes resolve once Zero applied them; they return live handles. */
export interface ReactiveModelStatics<Row> {
  readonly definition: ModelDefinition;
  readonly className: string;
  /** Rails' `create!`: validates, writes through Zero, returns a live handle of the new record. */
  create(attributes: Partial<Row>, options?: WriteOptions): Promise<RecordHandle<Row>>;
  /** Rails' `Model.update(id, attributes)` (RecordNotFoundError when missing). */
  update(id: unknown, attributes: Partial<Row>, options?: WriteOptions): Promise<RecordHandle<Row>>;
  /** Rails' `Model.destroy(id)`: deletes the row (RecordNotFoundError when missing). */
  destroy(id: unknown, options?: WriteOptions): Promise<void>;
  /** Rails' `upsert`: insert or update by primary key, without validations. */
  upsert(attributes: Partial<Row>, options?: WriteOptions): Promise<void>;
}

/** A live relation of the model, with its scopes as chainable methods. */
export type ReactiveScoped<Row, S> = ReactiveRelation<Row> & {
  readonly [K in keyof S]: S[K] extends (relation: never, ...args: infer A) => unknown ? (...args: A) => ReactiveScoped<Row, S> : never;
};

/** What the model answers to directly (`ReactiveJob.where(...)`), each starting from `all()`. */
type QueryMethodName =
  | 'all' | 'where' | 'not' | 'or' | 'order' | 'reorder' | 'limit' | 'offset' | 'none' | 'includes' | 'ttl'
  | 'find' | 'find_by' | 'find_by_bang' | 'first' | 'first_bang' | 'last' | 'last_bang' | 'take' | 'take_bang' | 'sole'
  | 'count' | 'exists' | 'pluck' | 'pick' | 'ids';

/** A reactive model: its writes, and every query method and scope, each starting from `all()`. */
export type ReactiveModel<Row = Record<string, unknown>, S = {}> = ReactiveModelStatics<Row> & Pick<ReactiveScoped<Row, S>, QueryMethodName | keyof S>;

/**
 * @example
 * export const ReactiveJob = ReactiveRecord.createModel(jobConfig);
 * const job = $derived(ReactiveJob.find(jobId));          // {job.title}, {#if job.$loading}, job.$error
 * const jobs = $derived(ReactiveJob.active().order({ created_at: 'desc' }).limit(10));
 */
function createModel<R, S>(config: ModelDefinition<R, S>): ReactiveModel<R, S>;
function createModel<const C extends ModelConfig>(config: C): ReactiveModel<RowOf<C>, ScopesOf<C>>;
function createModel(config: ModelConfig | ModelDefinition): unknown {
  type Row = Record<string, unknown>;
  const definition = defineModel(config);
  // The definition may predate this flavour's module (defineModel checks only the members registered then).
  assertMembersFree(definition);
  const Scoped = scopedRelationClass(definition, ReactiveRelation);
  const all = () => new Scoped(definition) as ReactiveRelation<Row>;
  const statics: Record<string, unknown> = {
    definition,
    className: definition.className,
    all,
    async create(attributes: Partial<Row>, options?: WriteOptions) {
      const row = await createRow(definition, attributes, options);
      return all().find(row[definition.primaryKey]);
    },
    async update(id: unknown, attributes: Partial<Row>, options?: WriteOptions) {
      await updateById(definition, id, attributes, options);
      return all().find(id);
    },
    async destroy(id: unknown, options?: WriteOptions) {
      await destroyById(definition, id, options);
    },
    async upsert(attributes: Partial<Row>, options?: WriteOptions) {
      await upsertRow(definition, attributes, options);
    },
  };
  return modelObject(statics, all, ['then', 'toArray']);
}

export const ReactiveRecord = { createModel };

// The names scopes, columns and associations may not take: whatever this flavour's real objects answer to.
type ProbeModel = { all(): object; find(id: unknown): object };
const probe = () => createModel(memberProbe) as unknown as ProbeModel;
registerMembers('ReactiveRecord model objects', 'relation', () => membersOf(probe()));
registerMembers('ReactiveRecord relations', 'relation', () => membersOf(probe().all()));
registerMembers('ReactiveRecord records', 'record', () => membersOf(new RecordList().records(memberProbe, [{ id: 'probe' }])[0]!, memberProbe.columns));
registerMembers('ReactiveRecord record handles', 'record', () => membersOf(probe().find('probe'), memberProbe.columns));
