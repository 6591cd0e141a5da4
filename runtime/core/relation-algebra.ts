/**
 * Rails' relation algebra over our condition trees and order lists: which `where` predicates `unscope(where:)`,
 * `rewhere` and `merge` remove, and the client-side ordering of `in_order_of` (Zero cannot order by a list).
 *
 * A relation's `where` is the AND of its predicates (one per `where` column, `not`, `or`, `where_missing`...), as
 * Rails' WhereClause is a list of predicates. Rails decides by the columns a predicate reads:
 * - `unscope(where: cols)` / `rewhere` drop a predicate whose every comparison reads one of `cols` (Arel's
 *   `fetch_attribute`), so `where(status: ['done', nil])` (an OR of two comparisons on `status`) goes as one;
 * - `merge(other)` drops a predicate that reads exactly one column which `other` also constrains with a single-column
 *   predicate (Rails 7+: "replaced by the latter condition"), then appends `other`'s predicates not already there.
 * Predicates that read no column (`where_missing`) are only removed by `unscope(:where)`. `none` is not a predicate
 * here but the relation's own flag, which nothing but `or` clears (Rails keeps a null relation null).
 */
import { and, negate, type Condition, type Scalar } from './conditions.ts';
import { isBareJoin } from './join-conditions.ts';
import type { Direction } from './relation-spec.ts';

/**
 * One `order` entry: `[column, direction]`, or `in_order_of`'s `[column, direction, values]` (rows whose column holds
 * `values[i]` come i-th; other values after all of them).
 */
export type OrderEntry =
  | readonly [column: string, direction: Direction]
  /** `in_order_of`: the column's values in this order first. */
  | readonly [column: string, direction: Direction, values: readonly (Scalar | null)[]]
  /** A joined row's column (`order('clients.name')`), read through a belongs_to or has_one relationship. */
  | readonly [column: string, direction: Direction, values: null, relationship: string];

/** The predicates of a where condition (its top-level AND). */
export function predicates(where: Condition): readonly Condition[] {
  if (where.op === 'and') return where.conds;
  return where.op === 'const' && where.value ? [] : [where];
}

/**
 * The columns a predicate compares, a joined table's as `client.name` (Rails' `clients.name`), or undefined when it also
 * holds something that is not a comparison (a bare EXISTS, a constant).
 */
export function columnsOf(cond: Condition, into = new Set<string>(), prefix = ''): Set<string> | undefined {
  switch (cond.op) {
    case 'cmp':
      into.add(prefix + cond.column);
      return into;
    case 'and':
    case 'or':
      for (const c of cond.conds) if (!columnsOf(c, into, prefix)) return undefined;
      return into.size > 0 ? into : undefined;
    case 'exists':
      return cond.where ? columnsOf(cond.where, into, `${prefix}${cond.relationship}.`) : undefined;
    default:
      return undefined;
  }
}

/** The one column a predicate reads, if it reads exactly one (Rails' `extract_attribute`). */
function singleColumn(cond: Condition): string | undefined {
  const columns = columnsOf(cond);
  return columns?.size === 1 ? [...columns][0] : undefined;
}

/**
 * `rewhere` / `unscope(where: columns)`: `where` without the predicates that read only those columns, a joined table's
 * as `client.name`. `byName`: also by the column's own name (`name`), as Rails' unscope compares attribute names.
 */
export function whereWithout(where: Condition, columns: ReadonlySet<string>, byName = false): Condition {
  const named = (column: string) => columns.has(column) || (byName && columns.has(column.slice(column.lastIndexOf('.') + 1)));
  return and(
    predicates(where).filter((p) => {
      const read = columnsOf(p);
      return !read || ![...read].every(named);
    }),
  );
}

/**
 * `where`'s joins (`joins`, `where_associated`: a relation's own, which Rails keeps apart from its conditions), and the
 * rest: what `or` keeps outside the OR, and `unscope('where')` keeps (`unscope('joins')` drops).
 */
export function splitJoins(where: Condition): { readonly joins: readonly Condition[]; readonly rest: Condition } {
  const all = predicates(where);
  const joins = all.filter(isBareJoin);
  return joins.length === 0 ? { joins, rest: where } : { joins, rest: and(all.filter((p) => !joins.includes(p))) };
}

/** `where` without the joins `joins` has (compared as JSON: a join made twice is two objects). */
export function withoutJoins(where: Condition, joins: readonly Condition[]): Condition {
  if (joins.length === 0) return where;
  const known = new Set(joins.map((j) => JSON.stringify(j)));
  return and(predicates(where).filter((p) => !(isBareJoin(p) && known.has(JSON.stringify(p)))));
}

/** `merge`: `where`'s predicates minus those on a single column `other` constrains, then `other`'s predicates not already there. */
export function mergedWhere(where: Condition, other: Condition): Condition {
  const replaced = new Set(predicates(other).map(singleColumn).filter((c) => c !== undefined));
  const kept = predicates(where).filter((p) => {
    const column = singleColumn(p);
    return column === undefined || !replaced.has(column);
  });
  const seen = new Set(kept.map((p) => JSON.stringify(p)));
  return and([...kept, ...predicates(other).filter((p) => !seen.has(JSON.stringify(p)))]);
}

/** True when the order has an entry Zero cannot sort by (`in_order_of`, a joined row's column): sorted on the client. */
export function ordersOnClient(order: readonly OrderEntry[]): boolean {
  return order.some((entry) => entry.length > 2);
}

/**
 * Zero's rows (ordered by the relation's column entries, then the primary key: a total order) re-sorted by the whole
 * order, `in_order_of` and joined entries included. Column entries are compared by position in Zero's order, which is
 * exact: two rows reach a column entry only when every earlier entry is equal, and Zero sorted by those columns first.
 * A joined row's column is compared as Zero compares a column (NULL, or no joined row, before any value).
 */
export function sortByOrder<R extends Readonly<Record<string, unknown>>>(rows: readonly R[], order: readonly OrderEntry[]): R[] {
  const position = new Map<R, number>();
  rows.forEach((row, i) => position.set(row, i));
  const ranks = order.map((entry) => {
    if (entry.length !== 3) return undefined;
    const rank = new Map<unknown, number>();
    // Rails' CASE takes the first WHEN that matches: a repeated value keeps its first place.
    entry[2].forEach((value, i) => rank.has(value) || rank.set(value, i));
    return rank;
  });
  const byZero = (a: R, b: R) => position.get(a)! - position.get(b)!;
  return [...rows].sort((a, b) => {
    for (let k = 0; k < order.length; k++) {
      const entry = order[k]!;
      const [column, direction, values] = entry;
      const rank = ranks[k];
      if (entry.length === 4) {
        const difference = compareValues(joinedValue(a, entry[3], column), joinedValue(b, entry[3], column));
        if (difference !== 0) return direction === 'asc' ? difference : -difference;
      } else if (rank) {
        const unlisted = values!.length;
        const difference = (rank.get(a[column]) ?? unlisted) - (rank.get(b[column]) ?? unlisted);
        if (difference !== 0) return direction === 'asc' ? difference : -difference;
      } else if (a[column] !== b[column]) {
        return byZero(a, b);
      }
    }
    return byZero(a, b);
  });
}

/** The column of a row's joined row (a belongs_to or has_one loaded beside it), null without one. */
function joinedValue(row: Readonly<Record<string, unknown>>, relationship: string, column: string): unknown {
  return loadedRows(row[relationship])[0]?.[column] ?? null;
}

/** Two column values as Zero orders them: NULL first, then by value (strings by code unit). */
function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
}

/**
 * Rails' `where_values_hash`: the columns the relation pins to one value (`where({ status: 'active' })`,
 * `where({ client_id: null })`), which records created through it (`find_or_create_by`) start with.
 */
export function scopeAttributes(where: Condition): Record<string, Scalar | null> {
  const attributes: Record<string, Scalar | null> = {};
  for (const p of predicates(where)) {
    if (p.op === 'cmp' && (p.operator === '=' || (p.operator === 'IS' && p.value === null))) attributes[p.column] = p.value as Scalar | null;
    // Rails' `or` keeps the conditions both sides share outside the OR: a column every branch pins to one value.
    if (p.op === 'or') Object.assign(attributes, sharedAttributes(p.conds.map(scopeAttributes)));
  }
  return attributes;
}

/** The columns every one of `branches` pins, to the same value. */
function sharedAttributes(branches: readonly Record<string, Scalar | null>[]): Record<string, Scalar | null> {
  const [first, ...rest] = branches;
  const shared: Record<string, Scalar | null> = {};
  for (const [column, value] of Object.entries(first ?? {})) {
    if (rest.every((branch) => Object.hasOwn(branch, column) && Object.is(branch[column], value))) shared[column] = value;
  }
  return shared;
}

/** True when `cond` holds a `where_missing` (NOT EXISTS) anywhere. */
export function requiresMissing(cond: Condition): boolean {
  if (cond.op === 'exists') return cond.negated;
  return (cond.op === 'and' || cond.op === 'or') && cond.conds.some(requiresMissing);
}

/**
 * Rails 7's `invert_where`: NOT of the conditions, except that a `where_associated` or `joins` predicate is Rails' INNER
 * JOIN (with the associated key IS NOT NULL, always true under it): the join stays, and the rest is negated under it. So
 * `where_associated('client').invert_where()` matches nothing, as in Rails; conditions on a joined table are negated on
 * its row (`negate`), and the join stays required (join-conditions.ts). `where_missing`'s LEFT JOIN is negated as its
 * IS NULL, which `negate` does.
 */
export function invertedWhere(where: Condition): Condition {
  const { joins, rest } = splitJoins(where);
  return and([...joins, negate(rest)]);
}

/** True when a `where_missing` (NOT EXISTS) sits inside an AND / OR of `where`'s, where the client pass cannot filter it. */
export function nestsMissing(where: Condition): boolean {
  return predicates(where).some((p) => p.op !== 'exists' && requiresMissing(p));
}

/**
 * `where` without its `where_missing` predicates, and their relationships. Zero's client cannot run NOT EXISTS
 * (rocicorp issue 3438; zero-cache can), so a relation asks Zero for the relationship's first row beside each row and
 * keeps the rows that have none (Relation#rows). Only a top-level predicate can be filtered so: `or` refuses the rest.
 */
export function splitMissing(where: Condition): { readonly where: Condition; readonly missing: readonly string[] } {
  if (!requiresMissing(where)) return { where, missing: [] };
  const missing: string[] = [];
  const kept = predicates(where).filter((p) => {
    if (p.op !== 'exists' || !p.negated) return true;
    if (!missing.includes(p.relationship)) missing.push(p.relationship);
    return false;
  });
  return { where: and(kept), missing };
}

/** A row's loaded relationship value is absent: no row (one) or no rows (many). */
export function isMissing(value: unknown): boolean {
  return loadedRows(value).length === 0;
}

/** A row's loaded relationship value as its rows: the one row or none (a belongs_to, has_one), or the rows (a has_many). */
export function loadedRows(value: unknown): readonly Readonly<Record<string, unknown>>[] {
  if (Array.isArray(value)) return value as readonly Readonly<Record<string, unknown>>[];
  return value === null || value === undefined ? [] : [value as Readonly<Record<string, unknown>>];
}
