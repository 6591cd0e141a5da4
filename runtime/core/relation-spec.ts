/**
 * The relation spec: a Relation as plain JSON, the one form a read takes between the Rails-style API and ZQL.
 *
 * API (shared by the client runtime and the server endpoints, so both build the same AST and the UI does not flicker):
 * - `RelationSpec`: `{ where?, order?, limit?, offset?, includes? }`. `where` is a `Condition` tree (`cmp` / `and` / `or` /
 *   `const` / `exists`, the last being Zero's `whereExists` on a relationship, `negated` for NOT EXISTS; `not` is already
 *   pushed down to complementary operators, see conditions.ts); `order` is `[column, 'asc' | 'desc']`
 *   pairs; `includes` is `[relationshipName, RelationSpec]` pairs. Scopes are compiled into these fields on the client (a
 *   scope is a function of the relation), so the spec names no code and the server runs none of the client's. What the
 *   client does to Zero's rows afterwards (`in_order_of`'s list order, see Relation#rows) is not part of it.
 * - `applySpec(query, spec)`: compiles a spec onto a ZQL query.
 * - `buildRelationQuery(schema, table, spec)`: the same, from the schema's `createBuilder(schema)[table]`.
 * - `runtimeSpec(table, parts)` / `runtimeSpecTable(spec)`: a spec marked as built by a Relation (whose methods checked it
 *   against the model), and the mark read back; a spec parsed from a request never carries it. `compiledRuntimeSpec` keeps
 *   the ZQL compiled from such a spec on it.
 * - `dropOffset(spec, rows)`: ZQL has no OFFSET; the query loads `limit + offset` rows and the reader drops the first `offset`.
 * Validate every other spec with `validateRelationSpec` (spec-validation.ts) before building it.
 */
import { createBuilder } from '@rocicorp/zero';
import { toExpression, type Condition, type ExpressionBuilder } from './conditions.ts';
import type { AnySchema } from './zero-types.ts';

/** Sort direction of an `order` column. */
export type Direction = 'asc' | 'desc';

/** A Relation as JSON: what the client sends as the argument of `queries.<model>.relation(spec)`. */
// A type alias, not an interface: Zero's query arguments must be assignable to its JSON type, which needs an index signature.
export type RelationSpec = {
  readonly where?: Condition;
  readonly order?: readonly (readonly [column: string, direction: Direction])[];
  readonly limit?: number;
  readonly offset?: number;
  readonly includes?: readonly (readonly [relationship: string, spec: RelationSpec])[];
};

/** The ZQL query surface the compiler uses (Zero's Query, typed loosely: the runtime spans schemas). */
export interface ZqlQuery {
  where(build: (eb: ExpressionBuilder<unknown>) => unknown): ZqlQuery;
  where(column: string, operator: string, value: unknown): ZqlQuery;
  orderBy(column: string, direction: Direction): ZqlQuery;
  limit(n: number): ZqlQuery;
  related(name: string, build?: (q: ZqlQuery) => ZqlQuery): ZqlQuery;
}

/** Compiles `spec` onto a ZQL query of the spec's table. */
export function applySpec(query: ZqlQuery, spec: RelationSpec): ZqlQuery {
  const where = spec.where;
  let q = query;
  if (where) {
    // The common case, comparisons ANDed together, takes ZQL's direct form (cheaper than the expression builder).
    const comparisons = where.op === 'cmp' ? [where] : where.op === 'and' && where.conds.every((c) => c.op === 'cmp') ? where.conds : undefined;
    if (comparisons) for (const c of comparisons as Extract<Condition, { op: 'cmp' }>[]) q = q.where(c.column, c.operator, c.value);
    else if (!(where.op === 'const' && where.value)) q = q.where((eb) => toExpression(eb, where));
  }
  for (const [column, direction] of spec.order ?? []) q = q.orderBy(column, direction);
  if (spec.limit !== undefined) q = q.limit(spec.limit + (spec.offset ?? 0));
  for (const [name, sub] of spec.includes ?? []) q = q.related(name, (related) => applySpec(related, sub));
  return q;
}

const builders = new WeakMap<AnySchema, Record<string, ZqlQuery>>();

/** The ZQL query for `spec` on `table` of `schema` (the builder is made once per schema). */
export function buildRelationQuery(schema: AnySchema, table: string, spec: RelationSpec): ZqlQuery {
  let builder = builders.get(schema);
  if (!builder) builders.set(schema, (builder = createBuilder(schema) as unknown as Record<string, ZqlQuery>));
  return applySpec(builder[table]!, spec);
}

/**
 * A spec a Relation built, for `table`: plain JSON to Zero and on the wire, marked by private fields, which no parsed request
 * and no object literal can carry. It also holds the ZQL its table's named query compiled it to (ZQL queries are immutable),
 * so a spec read again (a relation awaited twice, a live view opened again) is compiled once.
 */
class RuntimeSpec {
  declare where?: Condition;
  declare order?: RelationSpec['order'];
  declare limit?: number;
  declare offset?: number;
  declare includes?: RelationSpec['includes'];
  readonly #table: string;
  #compiledBy: object | undefined;
  #compiled: ZqlQuery | undefined;

  constructor(table: string) {
    this.#table = table;
  }

  static tableOf(spec: unknown): string | undefined {
    return typeof spec === 'object' && spec !== null && #table in spec ? (spec as RuntimeSpec).#table : undefined;
  }

  static compiled(spec: RuntimeSpec, by: object): ZqlQuery | undefined {
    return spec.#compiledBy === by ? spec.#compiled : undefined;
  }

  static remember(spec: RuntimeSpec, by: object, query: ZqlQuery): void {
    spec.#compiledBy = by;
    spec.#compiled = query;
  }
}

/** A spec of `table` from a Relation's parts (checked by its methods against the model): only this module can mark one so. */
export function runtimeSpec(table: string, parts: RelationSpec): RelationSpec {
  const spec = new RuntimeSpec(table);
  if (parts.where !== undefined) spec.where = parts.where;
  if (parts.order !== undefined) spec.order = parts.order;
  if (parts.limit !== undefined) spec.limit = parts.limit;
  if (parts.offset !== undefined) spec.offset = parts.offset;
  if (parts.includes !== undefined) spec.includes = parts.includes;
  return spec;
}

/** The table a Relation built `spec` for, or undefined for any other value (a spec from a request or from app code). */
export function runtimeSpecTable(spec: unknown): string | undefined {
  return RuntimeSpec.tableOf(spec);
}

/** The ZQL `compile` (one named query's compiler) makes of a runtime-built `spec`, compiled on the first read only. */
export function compiledRuntimeSpec(spec: RelationSpec, compile: (spec: RelationSpec) => ZqlQuery): ZqlQuery {
  const runtime = spec as RuntimeSpec;
  let query = RuntimeSpec.compiled(runtime, compile);
  if (!query) RuntimeSpec.remember(runtime, compile, (query = compile(spec)));
  return query;
}

/** Drops the `offset` rows Zero loaded ahead of the ones asked for. */
export function dropOffset<R>(spec: RelationSpec, rows: readonly R[]): readonly R[] {
  const offset = spec.offset ?? 0;
  return offset > 0 ? rows.slice(offset) : rows;
}
