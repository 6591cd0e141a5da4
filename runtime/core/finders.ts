/**
 * Rails finder semantics as plans: which relation to ask Zero for, and how to turn the records it returns into the finder's
 * answer (or its Rails error). Each flavour runs the plan its own way: once (ActiveRecord) or live (ReactiveRecord).
 */
import { pluralize } from './inflect.ts';
import { QueryError, RecordNotFoundError, SoleRecordExceededError, describeValue } from './errors.ts';
import { assertColumn, castValue, type Scalar, type WhereHash } from './conditions.ts';
import { uniqueValues } from './unique-values.ts';
import type { Direction, Relation } from './relation.ts';
import type { ModelDefinition } from './config.ts';
import { ordersOnClient } from './relation-algebra.ts';
import { NOT_A_RECORD, recordKeyOf } from './record-of.ts';
import { columnReader } from './joined-columns.ts';

export type RecordLike = Readonly<Record<string, unknown>>;

/** A finder: the relation to load, and how its records become the answer. `settle` may throw the finder's Rails error. */
export interface Plan<T> {
  readonly relation: Relation;
  /** True when the answer is one record (or null), not a list. */
  readonly single: boolean;
  settle(records: readonly RecordLike[]): T;
}

// Takes the model, not the relation: a live plan's settle keeps what it names alive as long as the answer lives.
const notFound = (model: ModelDefinition, message?: string, id?: unknown) =>
  new RecordNotFoundError(message ?? `Couldn't find ${model.className}`, {
    model: model.className,
    primaryKey: model.primaryKey,
    id,
  });

/** `relation` limited to at most `n` rows (a smaller limit it already has stays). */
export function capLimit(relation: Relation, n: number): Relation {
  const current = relation.state.limit;
  return relation.limit(current === undefined ? n : Math.min(current, n));
}

function countArg(n: unknown, method: string, relation: Relation): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
    throw new QueryError(`${relation.model.className}.${method}: expected a non-negative integer count, got ${describeValue(n)}`);
  }
  return n;
}

/** `id` as a value of the key column; undefined when it cannot be one (Rails casts "abc" to nil for an integer key: no row matches). */
export function findKey(relation: Relation, id: unknown): Scalar | undefined {
  const { model } = relation;
  try {
    return castValue(model, model.primaryKey, id as Scalar, `${model.className}.find`);
  } catch {
    return undefined;
  }
}

/** Rails' RecordNotFound of `find(id)`: `Couldn't find Job with 'id'="abc"`. */
export function keyNotFound(model: ModelDefinition, id: unknown): RecordNotFoundError {
  return notFound(model, `Couldn't find ${model.className} with '${model.primaryKey}'=${describeValue(id)}`, id);
}

/**
 * `find(id)`: the one row whose key is `id`, asked for as one row (the most read in an app, so no id list is built). An id
 * that cannot be a value of the key column (Rails casts "abc" to nil for an integer key) matches no row.
 */
function singleRowPlan(relation: Relation, id: unknown): Plan<unknown> {
  const { model } = relation;
  const key = findKey(relation, id);
  const target = key === undefined ? relation.none() : relation.where({ [model.primaryKey]: key });
  return {
    // A key matches at most one row: tell Zero so it stops at the first (as ZQL's `.one()` does).
    relation: capLimit(target, 1),
    single: true,
    settle(records) {
      const record = records[0];
      if (!record) throw keyNotFound(model, id);
      return record;
    },
  };
}

/** Rails' RecordNotFound of `find([a, b])`: `Couldn't find all Jobs with 'id': ("a", "b") (found 1 results, but was looking for 2).` */
function someNotFound(model: ModelDefinition, ids: readonly unknown[], found: number, expected: number): RecordNotFoundError {
  const list = ids.map(describeValue).join(', ');
  return notFound(model, `Couldn't find all ${pluralize(model.className)} with '${model.primaryKey}': (${list}) (found ${found} results, but was looking for ${expected}).`, ids);
}

/**
 * `find(id)`, `find([a, b])`, `find(a, b)`: all-or-nothing. As Rails' `find_some`: without an order, the records come
 * in the order asked, the relation's offset and limit picking among the ids; with one, they come in the relation's
 * order, and its offset and limit apply to the rows (11 ids with limit 3, offset 9 expect 2 records).
 */
export function findPlan(relation: Relation, args: readonly unknown[]): Plan<unknown> {
  const { model } = relation;
  const pk = model.primaryKey;
  const expectsArray = args.length > 1 || Array.isArray(args[0]);
  const ids = (expectsArray ? (args.length > 1 ? args : (args[0] as unknown[])) : args).filter((id) => id !== null && id !== undefined);
  if (ids.length === 0) {
    if (expectsArray && Array.isArray(args[0]) && args[0].length === 0) {
      return { relation: relation.none(), single: false, settle: () => [] };
    }
    throw notFound(model, `Couldn't find ${model.className} without an ID`);
  }
  if (!expectsArray) return singleRowPlan(relation, ids[0]);
  const unique = [...new Set(ids)];
  const { limit, offset, order } = relation.state;
  const ordered = order.length > 0;
  const asked = ordered ? unique : unique.slice(offset ?? 0, (offset ?? 0) + (limit ?? unique.length));
  const castable = asked.map((id) => findKey(relation, id)).filter((key) => key !== undefined);
  const scope = ordered ? relation : relation.unscope('limit', 'offset');
  const target = castable.length === 0 ? scope.none() : scope.where({ [pk]: castable });
  let expected = asked.length;
  if (ordered && limit !== undefined) expected = Math.min(expected, limit);
  if (ordered && offset !== undefined) expected = Math.min(expected, unique.length - offset);
  return {
    relation: target,
    single: false,
    settle(records) {
      if (ordered) {
        if (records.length === expected) return records;
        throw someNotFound(model, unique, records.length, expected);
      }
      const byKey = new Map(records.map((r) => [String(r[pk]), r]));
      const found = asked.map((id) => byKey.get(String(id)));
      if (found.every((r): r is RecordLike => r !== undefined)) return found;
      throw someNotFound(model, asked, found.filter((r) => r !== undefined).length, asked.length);
    },
  };
}

/** `find_by(conditions)` -> record | null; with `bang`, Rails' `find_by!`. */
export function findByPlan(relation: Relation, conditions: WhereHash, bang: boolean): Plan<unknown> {
  const { model } = relation;
  return {
    relation: relation.where(conditions).limit(1),
    single: true,
    settle(records) {
      if (records[0]) return records[0];
      if (bang) throw notFound(model);
      return null;
    },
  };
}

function byPrimaryKey(relation: Relation, direction: Direction): Relation {
  return relation.state.order.length > 0 ? relation : relation.order({ [relation.model.primaryKey]: direction });
}

function takeResult(n: number | undefined, bang: boolean, { model }: Relation) {
  return (records: readonly RecordLike[]) => {
    if (n !== undefined) return records;
    if (records[0]) return records[0];
    if (bang) throw notFound(model);
    return null;
  };
}

/** `first`, `first(n)`, `first_bang`: ordered by primary key when the relation has no order. */
export function firstPlan(relation: Relation, n: number | undefined, bang: boolean): Plan<unknown> {
  const count = n === undefined ? 1 : countArg(n, 'first', relation);
  return { relation: capLimit(byPrimaryKey(relation, 'asc'), count), single: n === undefined, settle: takeResult(n, bang, relation) };
}

/** `last`, `last(n)`, `last_bang`: the order reversed (primary key when unordered); `last(n)` comes back in the relation's order. */
export function lastPlan(relation: Relation, n: number | undefined, bang: boolean): Plan<unknown> {
  const count = n === undefined ? 1 : countArg(n, 'last', relation);
  const finish = takeResult(n, bang, relation);
  if (relation.state.limit !== undefined || relation.state.offset !== undefined || ordersOnClient(relation.state.order)) {
    // Rails loads a limited relation and takes its tail; a list order (in_order_of) loads every row anyway, and its tail
    // keeps ties in the forward order.
    return { relation: byPrimaryKey(relation, 'asc'), single: n === undefined, settle: (records) => finish(records.slice(-count)) };
  }
  return { relation: relation.reverse_order().limit(count), single: n === undefined, settle: (records) => finish([...records].reverse()) };
}

/**
 * Rails' ordinal finders, `second` to `fifth` and `forty_two` (`find_nth`), and their `_bang` forms: the record at
 * position `index` (from 0) in the relation's order (by primary key when it has none), counted from its offset and
 * within its limit; null, or RecordNotFound with `bang`, when there is none.
 */
export function nthPlan(relation: Relation, index: number, bang: boolean): Plan<unknown> {
  const { limit, offset } = relation.state;
  const finish = takeResult(undefined, bang, relation);
  if (limit !== undefined && limit <= index) return { relation: relation.none(), single: true, settle: finish };
  return { relation: byPrimaryKey(relation, 'asc').offset((offset ?? 0) + index).limit(1), single: true, settle: finish };
}

/**
 * Rails' `second_to_last` and `third_to_last` (`find_nth_from_last`; `index` 2 or 3): the order reversed (primary key
 * when unordered) and offset. A limited or offset relation, or a list order, is loaded and its tail counted, as Rails does.
 */
export function nthFromLastPlan(relation: Relation, index: number, bang: boolean): Plan<unknown> {
  const finish = takeResult(undefined, bang, relation);
  if (relation.state.limit !== undefined || relation.state.offset !== undefined || ordersOnClient(relation.state.order)) {
    const settle = (records: readonly RecordLike[]) => finish(records.length >= index ? [records[records.length - index]!] : []);
    return { relation: byPrimaryKey(relation, 'asc'), single: true, settle };
  }
  return { relation: relation.reverse_order().offset(index - 1).limit(1), single: true, settle: finish };
}

/** `take`, `take(n)`, `take_bang`: no implied order. */
export function takePlan(relation: Relation, n: number | undefined, bang: boolean): Plan<unknown> {
  const count = n === undefined ? 1 : countArg(n, 'take', relation);
  return { relation: capLimit(relation, count), single: n === undefined, settle: takeResult(n, bang, relation) };
}

/** Rails' `sole`: exactly one record, else RecordNotFound or SoleRecordExceeded. */
export function solePlan(relation: Relation): Plan<unknown> {
  const { model } = relation;
  return {
    relation: capLimit(relation, 2),
    single: true,
    settle(records) {
      if (records.length === 0) throw notFound(model);
      if (records.length > 1) throw new SoleRecordExceededError(model.className);
      return records[0];
    },
  };
}

/** Rails 7's `find_sole_by(conditions)`: `where(conditions).sole`. */
export function findSoleByPlan(relation: Relation, conditions: WhereHash): Plan<unknown> {
  return solePlan(relation.where(conditions));
}

/**
 * Rails 7's `include?(record)` (alias `member?`): whether the relation holds that record. Anything that is not a record
 * of the model, or a record without a key, is not in it. A limited or offset relation is loaded and searched, as Rails
 * does; otherwise Zero is asked for the one row (`exists?(id)`).
 */
export function includePlan(relation: Relation, record: unknown): Plan<boolean> {
  const key = recordKeyOf(relation.model, record);
  if (key === NOT_A_RECORD || key === null || key === undefined) return { relation: relation.none(), single: false, settle: () => false };
  if (relation.state.limit === undefined && relation.state.offset === undefined) return existsPlan(relation, key);
  const { primaryKey } = relation.model;
  return { relation, single: false, settle: (records) => records.some((r) => r[primaryKey] === key) };
}

/** `pluck('title')` -> values; `pluck('id', 'title')` -> tuples; a joined table's columns as `pluck('clients.name')`. */
export function pluckPlan(relation: Relation, columns: readonly string[]): Plan<unknown[]> {
  const reader = columnReader(relation, columns, 'pluck');
  const distinct = relation.state.distinct;
  return {
    relation: reader.relation,
    single: false,
    settle(records) {
      const values: unknown[] = [];
      for (const record of records) reader.read(record, values);
      const windowed = reader.window(values);
      return distinct ? uniqueValues(windowed) : windowed;
    },
  };
}

/** `pick('title')`: the first record's value(s), or null. */
export function pickPlan(relation: Relation, columns: readonly string[]): Plan<unknown> {
  const reader = columnReader(capLimit(relation, 1), columns, 'pick');
  return {
    relation: reader.relation,
    single: true,
    settle(records) {
      const values: unknown[] = [];
      for (const record of records) reader.read(record, values);
      const [first] = reader.window(values);
      return first === undefined ? null : first;
    },
  };
}

export function idsPlan(relation: Relation): Plan<unknown[]> {
  return pluckPlan(relation, [relation.model.primaryKey]);
}

/**
 * `exists()`, `exists(id)`, `exists({ conditions })`, `exists(false)`. Rails answers false for `exists?(nil)` and
 * `exists?(false)`; an argument given as undefined (a missing param) is nil, not the call without one.
 */
export function existsPlan(relation: Relation, ...args: [] | [conditions: unknown]): Plan<boolean> {
  const conditions = args[0];
  let target = relation;
  if (args.length > 0 && (conditions === false || conditions === null || conditions === undefined)) target = relation.none();
  else if (typeof conditions === 'object' && conditions !== null) target = relation.where(conditions as WhereHash);
  else if (conditions !== undefined) target = relation.where({ [relation.model.primaryKey]: conditions as Scalar });
  return { relation: capLimit(target, 1), single: false, settle(records) { return records.length > 0; } };
}

/** `count()` counts records; `count('column')` counts non-null values, as SQL COUNT(column). */
export function countPlan(relation: Relation, column?: string): Plan<number> {
  if (column !== undefined) assertColumn(relation.model, column, `${relation.model.className}.count`);
  return {
    relation,
    single: false,
    settle(records) {
      if (column === undefined) return records.length;
      const present = records.map((r) => r[column]).filter((v) => v !== null && v !== undefined);
      // Rails' `distinct.count(:column)`: COUNT(DISTINCT column).
      return relation.state.distinct ? new Set(present).size : present.length;
    },
  };
}
