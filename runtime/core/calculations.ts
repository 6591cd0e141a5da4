/**
 * Rails' calculations and predicates as finder plans (see finders.ts): `sum`, `minimum`, `maximum`, `average`, and
 * `many?` / `none?` / `one?` (`any?` is `exists?`, finders.ts). Zero has no aggregates, so each loads the relation's rows and computes here; each
 * flavour runs the plan its own way (once, or live).
 *
 * Rails 8.1 semantics, with NULLs ignored as SQL's aggregates ignore them:
 * - `sum` of no rows (or only NULLs) is 0; `minimum` / `maximum` / `average` of none are null.
 * - `average` is a JavaScript number. Rails returns a BigDecimal for integer and decimal columns (`0.3e1`) and a Float
 *   for float columns; Zero's `number` columns do not say which, and JavaScript has one number type.
 * - A limited relation is computed over the rows it holds (`Job.order('id').limit(2).sum('priority')` sums two rows),
 *   as `count` does; Rails applies a limit to the one aggregate row instead, so there it has no effect.
 */
import { QueryError } from './errors.ts';
import { assertColumn } from './conditions.ts';
import { capLimit, type Plan, type RecordLike } from './finders.ts';
import type { Relation } from './relation.ts';

/** The column's non-NULL values, after checking it holds one of `types`. */
function columnValues(relation: Relation, column: string, method: string, types: readonly ('number' | 'string')[]): (records: readonly RecordLike[]) => unknown[] {
  const { model } = relation;
  const context = `${model.className}.${method}`;
  assertColumn(model, column, context);
  const type = model.columnTypes[column];
  if (!(types as readonly string[]).includes(type ?? '')) {
    throw new QueryError(`${context}: column '${column}' of ${model.className} holds ${type}s; ${method} takes a column of ${types.map((t) => `${t}s`).join(' or ')}`);
  }
  return (records) => records.map((r) => r[column]).filter((v) => v !== null && v !== undefined);
}

/**
 * Rails' `sum(column)`: the total of the non-NULL values; 0 for none. On a `distinct` relation each value once (Rails'
 * SUM(DISTINCT column)), unless `distinct` says otherwise (a grouped sum: Rails applies DISTINCT to a simple sum only).
 */
export function sumPlan(relation: Relation, column: string, distinct = relation.state.distinct): Plan<number> {
  const values = columnValues(relation, column, 'sum', ['number']);
  return {
    relation,
    single: false,
    settle: (records) => {
      const present = values(records) as number[];
      return (distinct ? [...new Set(present)] : present).reduce((total, v) => total + v, 0);
    },
  };
}

/** Rails' `average(column)`: the mean of the non-NULL values (a number); null for none. */
export function averagePlan(relation: Relation, column: string): Plan<number | null> {
  const values = columnValues(relation, column, 'average', ['number']);
  return {
    relation,
    single: false,
    settle: (records) => {
      const present = values(records) as number[];
      return present.length === 0 ? null : present.reduce((total, v) => total + v, 0) / present.length;
    },
  };
}

/**
 * Rails' `minimum` / `maximum`: of a number or string column, NULLs ignored; null for none. Zero is asked for the one
 * row that holds it (ordered by the column, NULLs left out), so strings compare as Zero orders them. A limited relation's
 * extreme is among its own rows: it is computed over them (strings compare as JavaScript's `<`).
 */
function extremePlan(relation: Relation, column: string, method: 'minimum' | 'maximum'): Plan<string | number | null> {
  const overRecords = extremeOverRecords(relation, column, method); // checks the column
  if (relation.state.limit !== undefined || relation.state.offset !== undefined) return overRecords;
  // Its includes are not loaded, yet they still LEFT JOIN where a condition reaches them (left-joins.ts): kept as left_joins.
  const included = relation.state.includes.map((i) => i.name);
  const bare = relation.unscope('order', 'includes');
  const target = (included.length > 0 ? bare.left_joins(...included) : bare).not({ [column]: null }).order({ [column]: method === 'minimum' ? 'asc' : 'desc' }).limit(1);
  return { relation: target, single: false, settle: (records) => (records[0]?.[column] as string | number | undefined) ?? null };
}

/** `minimum` / `maximum` computed over the relation's own rows (strings compare as JavaScript's `<`). */
export function extremeOverRecords(relation: Relation, column: string, method: 'minimum' | 'maximum'): Plan<string | number | null> {
  const values = columnValues(relation, column, method, ['number', 'string']);
  const better = (v: string | number, best: string | number) => (method === 'minimum' ? v < best : v > best);
  return {
    relation,
    single: false,
    settle: (records) => (values(records) as (string | number)[]).reduce<string | number | null>((best, v) => (best === null || better(v, best) ? v : best), null),
  };
}

export function minimumPlan(relation: Relation, column: string): Plan<string | number | null> {
  return extremePlan(relation, column, 'minimum');
}

export function maximumPlan(relation: Relation, column: string): Plan<string | number | null> {
  return extremePlan(relation, column, 'maximum');
}

/** Rails' `none?`: no row. */
export function nonePlan(relation: Relation): Plan<boolean> {
  return { relation: capLimit(relation, 1), single: false, settle: (records) => records.length === 0 };
}

/** Rails' `one?`: exactly one row; asks Zero for two. */
export function onePlan(relation: Relation): Plan<boolean> {
  return { relation: capLimit(relation, 2), single: false, settle: (records) => records.length === 1 };
}

/** Rails' `many?`: more than one row; asks Zero for two. */
export function manyPlan(relation: Relation): Plan<boolean> {
  return { relation: capLimit(relation, 2), single: false, settle: (records) => records.length > 1 };
}
