/**
 * A model object (`ActiveJob`, `ReactiveJob`): class-level members plus every query method and scope, each starting
 * from a fresh `all()`. The model itself is not a relation, so it is never thenable or iterable by accident.
 */
import type { Relation } from './relation.ts';
import type { WhereValue } from './conditions.ts';
import { deleteAll } from './bulk-writes.ts';
import { QueryError, describeValue } from './errors.ts';
import type { WriteOptions } from './zero-write.ts';
import { enumStatics } from './enums.ts';

/** Class methods both flavours' model objects have, about the table itself. */
export interface ModelTableMethods {
  /** Rails' `Model.column_names`: the columns, in schema order. */
  column_names(): string[];
  /** Rails' `Model.primary_key`. */
  primary_key(): string;
  /** Rails' `Model.table_name`: the Zero table. */
  table_name(): string;
  /** Rails' `Model.delete(id_or_ids)`: deletes those rows now, without `dependent:`, `touch:` or validations; resolves to how many it deleted. */
  delete(idOrIds: unknown, options?: WriteOptions): Promise<number>;
}

/**
 * The query methods a model object forwards to `all()` (where the relation has them): the model's API, chosen, not a
 * guard. Which names scopes may not take is derived from the real objects (member-names.ts), these included.
 */
const MODEL_QUERY_METHODS: readonly string[] = [
  'where', 'not', 'or', 'and', 'order', 'reorder', 'limit', 'offset', 'none', 'includes', 'preload', 'eager_load', 'ttl',
  'rewhere', 'invert_where', 'unscope', 'merge', 'excluding', 'without', 'in_order_of', 'reverse_order', 'where_associated', 'where_missing', 'joins', 'left_joins', 'left_outer_joins',
  'find', 'find_by', 'find_by_bang', 'first', 'first_bang', 'last', 'last_bang', 'take', 'take_bang', 'sole', 'find_sole_by',
  'second', 'second_bang', 'third', 'third_bang', 'fourth', 'fourth_bang', 'fifth', 'fifth_bang', 'forty_two', 'forty_two_bang', 'second_to_last', 'second_to_last_bang', 'third_to_last', 'third_to_last_bang',
  'pluck', 'pick', 'ids', 'exists_p', 'any_p', 'many_p', 'none_p', 'one_p', 'empty_p', 'count', 'size', 'sum', 'average', 'minimum', 'maximum', 'group',
  'update_all', 'delete_all', 'destroy_all', 'touch_all', 'delete_by', 'destroy_by', 'find_each', 'find_in_batches', 'in_batches',
  'find_or_create_by', 'find_or_create_by_bang', 'find_or_initialize_by', 'create_or_find_by', 'create_or_find_by_bang',
  'first_or_create', 'first_or_create_bang', 'first_or_initialize',
  'subscribe', 'toArray', 'new', 'build', 'create', 'create_bang', 'distinct', 'create_with',
];

/**
 * Freezes `statics` with the enums' mappings (`statuses`), `unscoped` (Rails' `Model.unscoped`: a relation without the
 * default scope), the relation's query methods and scopes added, except `excluded` and what `statics` defines. `all`
 * is called per query, not here: a default scope may read what only exists later (the signed-in user).
 */
export function modelObject(statics: Record<string, unknown>, all: () => Relation, unscoped: () => Relation, excluded: readonly string[]): unknown {
  const prototype = unscoped() as Relation & Record<string, unknown>;
  const definition = prototype.model;
  const table: ModelTableMethods = {
    column_names: () => [...definition.columns],
    primary_key: () => definition.primaryKey,
    table_name: () => definition.table,
    delete: (idOrIds, options) => {
      // Keys only: an object would be a range or a pattern in where(), and could delete every row.
      const keys = Array.isArray(idOrIds) ? idOrIds : [idOrIds];
      if (!keys.every((key) => typeof key === 'string' || typeof key === 'number')) {
        return Promise.reject(new QueryError(`${definition.className}.delete: expected a key or a list of keys, got ${describeValue(idOrIds)}`));
      }
      return deleteAll(all().where({ [definition.primaryKey]: keys as WhereValue }), options);
    },
  };
  const model: Record<string, unknown> = { ...enumStatics(definition.enums), ...table, unscoped, ...statics };
  const names = [...MODEL_QUERY_METHODS, ...Object.keys(definition.scopes)];
  for (const name of names) {
    if (name in model || excluded.includes(name) || typeof prototype[name] !== 'function') continue;
    model[name] = (...args: unknown[]) => (all() as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!(...args);
  }
  return Object.freeze(model);
}
