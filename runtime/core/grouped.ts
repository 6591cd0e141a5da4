/**
 * Rails' grouped calculations (`Job.group(:status).count`, `.sum(:priority)`, ...) as finder plans: Zero has no GROUP BY,
 * so the relation's rows are loaded and grouped here, and each group computed as the calculation computes a relation.
 *
 * As Rails: the answer maps each group's value (a tuple of values for several columns) to the group's result, a group
 * whose values are all NULL included (`sum` 0, `average` / `minimum` / `maximum` null). A Map, because Rails' Hash keys
 * keep their type (`nil`, numbers), which an object's string keys would not. The relation's limit and offset pick groups,
 * as SQL's LIMIT does on a grouped query; groups come in the relation's order, by their values when it has none (as
 * SQLite answers; PostgreSQL gives no order then).
 */
import { assertColumn } from './conditions.ts';
import { QueryError } from './errors.ts';
import { averagePlan, extremeOverRecords, sumPlan } from './calculations.ts';
import { countPlan, type Plan, type RecordLike } from './finders.ts';
import type { Relation } from './relation.ts';

/** The calculations a grouped relation answers. */
export type GroupCalculation = 'count' | 'sum' | 'average' | 'minimum' | 'maximum';

/** The group columns, checked: Rails' `group()` needs at least one. */
function groupColumns(relation: Relation, columns: readonly string[]): readonly string[] {
  const { className } = relation.model;
  if (columns.length === 0) throw new QueryError(`${className}.group: the method .group() must contain arguments`);
  for (const column of columns) assertColumn(relation.model, column, `${className}.group`);
  return columns;
}

/** `relation.group(...columns).<calculation>(column)`: a Map from each group's value(s) to its result. */
export function groupedPlan(relation: Relation, columns: readonly string[], calculation: GroupCalculation, column?: string): Plan<Map<unknown, unknown>> {
  const { limit, offset, order } = relation.state;
  const rows = relation.unscope('limit', 'offset');
  const whole = order.length > 0 ? rows : rows.order(...columns);
  const compute = perGroup(whole, calculation, column).settle;
  return {
    relation: whole,
    single: false,
    settle(records) {
      const groups = new Map<string, { key: unknown; records: RecordLike[] }>();
      for (const record of records) {
        const values = columns.map((c) => record[c] ?? null);
        const id = JSON.stringify(values);
        let group = groups.get(id);
        if (!group) groups.set(id, (group = { key: columns.length === 1 ? values[0] : values, records: [] }));
        group.records.push(record);
      }
      const start = offset ?? 0;
      const picked = [...groups.values()].slice(start, limit === undefined ? undefined : start + limit);
      const answer = new GroupMap<unknown, unknown>();
      for (const group of picked) answer.set(group.key, compute(group.records));
      return answer;
    },
  };
}

/**
 * A grouped answer: a Map whose tuple keys (several group columns) are found by value, as Rails' Hash finds
 * `counts[['c1', 'active']]` (a Map finds an array only by identity); one column's keys are the values themselves.
 */
export class GroupMap<K, V> extends Map<K, V> {
  // Not given to super(): Map's constructor calls set() before this field exists.
  readonly #byValue = new Map<string, K>();

  override get(key: K): V | undefined {
    return super.get(this.#stored(key));
  }

  override has(key: K): boolean {
    return super.has(this.#stored(key));
  }

  override set(key: K, value: V): this {
    const stored = this.#stored(key);
    if (Array.isArray(key) && stored === key) this.#byValue.set(JSON.stringify(key), key);
    return super.set(stored, value);
  }

  override delete(key: K): boolean {
    const stored = this.#stored(key);
    if (Array.isArray(key)) this.#byValue.delete(JSON.stringify(key));
    return super.delete(stored);
  }

  override clear(): void {
    this.#byValue.clear();
    super.clear();
  }

  #stored(key: K): K {
    return Array.isArray(key) ? (this.#byValue.get(JSON.stringify(key)) ?? key) : key;
  }
}

/** The calculation's own plan over the relation, whose settle computes one group's rows (and which checks the column). */
function perGroup(relation: Relation, calculation: GroupCalculation, column: string | undefined): Plan<unknown> {
  const needs = (method: string): string => {
    if (column === undefined) throw new QueryError(`${relation.model.className}.${method}: name the column to compute`);
    return column;
  };
  switch (calculation) {
    case 'count':
      return countPlan(relation, column);
    case 'sum':
      return sumPlan(relation, needs('sum'), false);
    case 'average':
      return averagePlan(relation, needs('average'));
    case 'minimum':
    case 'maximum':
      return extremeOverRecords(relation, needs(calculation), calculation);
  }
}

/**
 * The calculations of `relation.group(...columns)`, each run by the flavour (`run`: once, or live). The columns are
 * checked here, so a bad one is refused where `group` is called (Rails finds out when the query runs).
 */
export function groupedCalculations<R>(relation: Relation, columns: readonly string[], run: (plan: () => Plan<Map<unknown, unknown>>) => R) {
  const checked = groupColumns(relation, columns);
  const calculate = (calculation: GroupCalculation) => (column?: string) => run(() => groupedPlan(relation, checked, calculation, column));
  return { count: calculate('count'), sum: calculate('sum'), average: calculate('average'), minimum: calculate('minimum'), maximum: calculate('maximum') };
}
